import { ActivityHandler, ActivityTypes, Channels, StatusCodes, TurnContext, type Activity, type ConversationState, type InvokeResponse, type StatePropertyAccessor } from 'botbuilder';
import { runDialog, type Dialog, type DialogState } from '../dialogs/dialogs-sdk.js';
import { z } from 'zod';
import type { Reply } from './answer/reply.js';
import { renderReply } from './channels/render.js';
import { readAnswerIndex, unitsOf } from './feedback/answer-index.js';
import type { FeedbackLog } from './feedback/feedback-log.js';
import { readVote, TEAMS_FEEDBACK_INVOKE } from './feedback/vote.js';

/** What an Adaptive Card Action.Submit sends back: the question to ask, under either name. */
const SubmitValue = z.union([z.object({ text: z.string().trim().min(1) }), z.object({ question: z.string().trim().min(1) })]);

export interface MslBotDeps {
  readonly conversationState: ConversationState;
  /** Where votes on answers are logged; votes are ignored when left out. */
  readonly feedbackLog?: FeedbackLog;
  /** The answers index MainDialog keeps, to name the units a Teams vote is about. */
  readonly answers?: StatePropertyAccessor<unknown>;
  /** The root dialog; MainDialog in the app, anything in tests. */
  readonly dialog: Dialog;
  readonly welcome: Reply;
}

/** The text to understand: a card's submitted question, or the typed text without an @mention of the bot (Teams adds one in channels). */
export function messageText(activity: Activity): string {
  const submitted = SubmitValue.safeParse(activity.value);
  if (submitted.success) return 'text' in submitted.data ? submitted.data.text : submitted.data.question;
  if (activity.text && activity.recipient?.id) TurnContext.removeRecipientMention(activity);
  return (activity.text ?? '').trim();
}

/** Turns activities into dialog turns: messages go to the root dialog, newcomers get the welcome, the rest is ignored. */
export class MslBot extends ActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly feedbackLog: FeedbackLog | undefined;
  private readonly answers: StatePropertyAccessor<unknown> | undefined;

  constructor({ conversationState, dialog, welcome, feedbackLog, answers }: MslBotDeps) {
    super();
    this.conversationState = conversationState;
    this.dialogState = conversationState.createProperty<DialogState>('DialogState');

    this.onMessage(async (context, next) => {
      context.activity.text = messageText(context.activity);
      await runDialog(dialog, context, this.dialogState);
      await next();
    });

    // Web Chat's thumbs up or down: an event naming the answer.
    this.onEvent(async (context, next) => {
      const vote = readVote(context.activity);
      if (vote) feedbackLog?.vote(context.activity.conversation?.id ?? '', context.activity.channelId ?? '', vote, vote.units ?? []);
      await next();
    });
    this.feedbackLog = feedbackLog;
    this.answers = answers;

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      // The bot's own arrival is announced too; welcome people, once per activity however many joined.
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== botId)) await context.sendActivity(renderReply(welcome, context.activity.channelId));
      await next();
    });
  }

  /** Teams' feedback loop: a thumbs up or down, maybe with a comment, on the message it replies to. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== TEAMS_FEEDBACK_INVOKE) return super.onInvokeActivity(context);
    const vote = readVote(context.activity);
    if (!vote) return { status: StatusCodes.BAD_REQUEST };
    const units = unitsOf(readAnswerIndex(await this.answers?.get(context)), vote.replyToId);
    this.feedbackLog?.vote(context.activity.conversation?.id ?? '', context.activity.channelId ?? '', vote, units);
    return { status: StatusCodes.OK };
  }

  override async run(context: TurnContext): Promise<void> {
    if (context.activity.channelId !== Channels.Emulator) context.onSendActivities(dropTraces);
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}

/**
 * Trace activities (runDialog sends a snapshot of the whole bot state each turn) are for the Emulator. The adapter
 * drops them for other channels when it posts replies, but with deliveryMode "expectReplies" they would be handed
 * back in the HTTP response; drop them there too.
 */
const dropTraces: Parameters<TurnContext['onSendActivities']>[0] = async (_context, activities, next) => {
  const kept = activities.filter((a) => a.type !== ActivityTypes.Trace);
  if (kept.length === activities.length) return next();
  activities.splice(0, activities.length, ...kept);
  return kept.length > 0 ? next() : [];
};
