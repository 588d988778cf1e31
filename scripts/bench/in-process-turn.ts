import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { TurnAdapter } from '../../src/adapter.js';

export interface InProcessBot {
  readonly adapter: Pick<TurnAdapter, 'runTurn'>;
  readonly bot: { run(context: TurnContext): Promise<void> };
}

/**
 * Hands one activity to the real adapter as /api/messages does once it has checked the request (runTurn, see
 * src/http/process-turn.ts): authentication, the turn, state and the expectReplies answer all run, the socket does not.
 */
export async function inProcessTurn({ adapter, bot }: InProcessBot, activity: Partial<Activity>): Promise<InvokeResponse> {
  const answer = await adapter.runTurn('', activity as Activity, (context) => bot.run(context));
  return { status: answer?.status ?? 200, body: answer?.body };
}
