import { ActivityHandler, ActivityTypes, Channels, TurnContext, type Activity, type ConversationState, type StatePropertyAccessor } from 'botbuilder';
import { runDialog, type Dialog, type DialogState } from '../dialogs/dialogs-sdk.js';
import { z } from 'zod';
import type { Reply } from './answer/reply.js';
import { renderReply } from './channels/render.js';

/** What an Adaptive Card Action.Submit sends back: the question to ask, under either name. */
const SubmitValue = z.union([z.object({ text: z.string().trim().min(1) }), z.object({ question: z.string().trim().min(1) })]);

export interface MslBotDeps {
  readonly conversationState: ConversationState;
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

  constructor({ conversationState, dialog, welcome }: MslBotDeps) {
    super();
    this.conversationState = conversationState;
    this.dialogState = conversationState.createProperty<DialogState>('DialogState');

    this.onMessage(async (context, next) => {
      context.activity.text = messageText(context.activity);
      await runDialog(dialog, context, this.dialogState);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      // The bot's own arrival is announced too; welcome people, once per activity however many joined.
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== botId)) await context.sendActivity(renderReply(welcome, context.activity.channelId));
      await next();
    });
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
