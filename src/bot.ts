import { ActivityHandler, ActivityTypes, Channels, StatusCodes, TurnContext, type Activity, type ConversationState, type InvokeResponse, type StatePropertyAccessor } from 'botbuilder';
import { runDialog, type Dialog, type DialogState } from '../dialogs/dialogs-sdk.js';
import { z } from 'zod';
import type { Reply } from './answer/reply.js';
import { renderReply } from './channels/render.js';
import { conversationOf, type AnswerIndex, type ConversationKey, type VoteCheck } from './feedback/answer-index.js';
import type { FeedbackLog } from './feedback/feedback-log.js';
import { readVote, TEAMS_FEEDBACK_INVOKE, type Vote } from './feedback/vote.js';
import { holdReplies } from './held-replies.js';
import { INVOKE_VALUES, isMention, MentionEntity } from './incoming-activity.js';
import { StateConflictError } from './storage/state-errors.js';

/** What an Adaptive Card Action.Submit sends back: the question to ask, under either name. */
const SubmitValue = z.union([z.object({ text: z.string().trim().min(1) }), z.object({ question: z.string().trim().min(1) })]);

export interface MslBotDeps {
  readonly conversationState: ConversationState;
  /** Where votes on answers are logged; votes are ignored when left out. */
  readonly feedbackLog?: FeedbackLog;
  /** The answers index MainDialog keeps, to name the units a Teams vote is about. */
  readonly answers?: AnswerIndex;
  /** The root dialog; MainDialog in the app, anything in tests. One that can answer a turn by itself may skip runDialog. */
  readonly dialog: Dialog & { answerTurn?(context: TurnContext): Promise<void> };
  readonly welcome: Reply;
}

/** The text to understand: a card's submitted question, or the typed text without an @mention of the bot (Teams adds one in channels). */
export function messageText(activity: Activity): string {
  // A typed message has no value: only a card's submit needs reading.
  const submitted = activity.value === undefined ? undefined : SubmitValue.safeParse(activity.value);
  if (submitted?.success) return 'text' in submitted.data ? submitted.data.text : submitted.data.question;
  if (activity.text && activity.recipient?.id && activity.entities?.length) {
    // botbuilder reads every mention's mentioned.id and text unchecked; a malformed one would fail the turn.
    activity.entities = activity.entities?.filter((e) => !isMention(e) || MentionEntity.safeParse(e).success);
    TurnContext.removeRecipientMention(activity);
  }
  return (activity.text ?? '').trim();
}

/** Turns activities into dialog turns: messages go to the root dialog, newcomers get the welcome, the rest is ignored. */
export class MslBot extends ActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly feedbackLog: FeedbackLog | undefined;
  private readonly answers: AnswerIndex | undefined;

  constructor({ conversationState, dialog, welcome, feedbackLog, answers }: MslBotDeps) {
    super();
    this.conversationState = conversationState;
    this.dialogState = conversationState.createProperty<DialogState>('DialogState');
    this.feedbackLog = feedbackLog;
    this.answers = answers;

    this.onMessage(async (context, next) => {
      context.activity.text = messageText(context.activity);
      // runDialog only where it does something: a dialog waiting for this message, or the Emulator's state trace.
      const waiting = ((await this.dialogState.get(context))?.dialogStack.length ?? 0) > 0;
      if (dialog.answerTurn && !waiting && context.activity.channelId !== Channels.Emulator) await dialog.answerTurn(context);
      else {
        // runDialog's state trace is for the Emulator; other channels would get it in an expectReplies answer.
        if (context.activity.channelId !== Channels.Emulator) context.onSendActivities(dropTraces);
        await runDialog(dialog, context, this.dialogState);
      }
      await next();
    });

    // Web Chat's thumbs up or down: an event naming the answer.
    this.onEvent(async (context, next) => {
      const vote = readVote(context.activity);
      const where = conversationOf(context.activity);
      if (vote) this.logVote(where, vote, this.answers?.checkWebVote(where, vote.voteId, vote.vote));
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      // The bot's own arrival is announced too; welcome people, once per activity however many joined.
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== botId)) await context.sendActivity(renderReply(welcome, context.activity.channelId));
      await next();
    });
  }

  /** Teams' feedback loop: a thumbs up or down, maybe with a comment, on the message it replies to. */
  private async onVote(context: TurnContext): Promise<InvokeResponse> {
    const vote = readVote(context.activity);
    if (!vote) return { status: StatusCodes.BAD_REQUEST };
    this.logVote(conversationOf(context.activity), vote, this.answers?.checkMessageVote(vote.replyToId, vote.vote));
    return { status: StatusCodes.OK };
  }

  /** Logs a vote with what the answer really gave; the same vote again on the same answer is not logged twice. */
  private logVote(where: ConversationKey, vote: Vote, check: VoteCheck | undefined): void {
    if (check?.repeat) return;
    this.feedbackLog?.vote(where.conversationId, where.channelId, vote, check?.answer, check?.changed ?? false);
  }

  /**
   * Runs the turn and saves its state before any reply goes out. When another instance saved this conversation
   * since the turn read it (a StateConflictError from OptimisticConversationState), the turn runs once more on what
   * that instance saved, and only the second run's replies are sent; a second conflict fails the turn.
   */
  override async run(context: TurnContext): Promise<void> {
    const replies = holdReplies(context);
    try {
      try {
        await this.runAndSave(context);
      } catch (error) {
        if (!(error instanceof StateConflictError)) throw error;
        replies.discard();
        await this.conversationState.load(context, true);
        await this.runAndSave(context);
      }
      await replies.release();
    } finally {
      replies.passThrough();
    }
  }

  private async runAndSave(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }

  /** Invokes whose value botbuilder would read unchecked are answered 400 when the value is not what it expects. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === TEAMS_FEEDBACK_INVOKE) return this.onVote(context);
    const schema = INVOKE_VALUES[context.activity.name ?? ''];
    if (schema && !schema.safeParse(context.activity.value).success) return { status: StatusCodes.BAD_REQUEST };
    return super.onInvokeActivity(context);
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
