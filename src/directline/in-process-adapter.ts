import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';

/** Where a turn's replies go: the local Direct Line's store and streams. Throws when it cannot take one. */
export type ReplySink = (activity: Partial<Activity>) => ResourceResponse;

/** The turn state slot holding the turn's reply sink. */
const REPLY_SINK = Symbol('local Direct Line reply sink');

/**
 * The local Direct Line's adapter: runs a turn in this process and hands its replies straight to the conversation's
 * store, with no HTTP round trip and no connector routes for anyone else to post to. Such a turn carries no Azure
 * token and needs none, so the local Direct Line works whether or not the bot has an app id. Middleware and the
 * turn error handler work as on any botbuilder adapter.
 */
export class InProcessAdapter extends BotAdapter {
  /** Runs one turn for an activity; its replies go to `sink`. Resolves when the turn is over. */
  async process(activity: Partial<Activity>, sink: ReplySink, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    context.turnState.set(REPLY_SINK, sink);
    await this.runMiddleware(context, logic);
  }

  override async sendActivities(context: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
    const sink = context.turnState.get(REPLY_SINK) as ReplySink | undefined;
    if (!sink) throw new Error('the local Direct Line can only reply within a turn it started');
    // An invoke response answers an HTTP request this adapter never has; there is nothing to send it to.
    return activities.filter((a) => a.type !== ActivityTypes.InvokeResponse).map((a) => sink(a));
  }

  override async updateActivity(): Promise<void> {
    throw new Error('the local Direct Line does not update activities');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('the local Direct Line does not delete activities');
  }

  override async continueConversation(_reference: Partial<ConversationReference>, _logic: (context: TurnContext) => Promise<void>): Promise<void> {
    throw new Error('the local Direct Line has no proactive messages');
  }
}

/**
 * Sends a typing activity as a message turn begins, so Web Chat shows the bot is writing until the answer arrives.
 * It goes out before the turn's work starts; the answer replaces it in Web Chat, however quickly it follows.
 */
export async function typingWhileAnswering(context: TurnContext, next: () => Promise<void>): Promise<void> {
  if (context.activity.type === ActivityTypes.Message) await context.sendActivity({ type: ActivityTypes.Typing });
  await next();
}
