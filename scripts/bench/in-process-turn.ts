import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';

export interface InProcessBot {
  readonly adapter: Pick<CloudAdapter, 'process'>;
  readonly bot: { run(context: TurnContext): Promise<void> };
}

export interface InProcessAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Hands one activity to the real adapter as the HTTP route would, through a request and response that live only in
 * memory: authentication, the turn, state and the expectReplies body all run, the socket does not.
 */
export async function inProcessTurn({ adapter, bot }: InProcessBot, activity: Partial<Activity>): Promise<InProcessAnswer> {
  let status = 0;
  let body: unknown;
  const res = {
    socket: null,
    status(code: number) { status = code; },
    send(payload: unknown) { body = payload; },
    header() {},
    end() {},
  };
  await adapter.process({ method: 'POST', headers: {}, body: activity as Record<string, unknown> }, res, (context) => bot.run(context));
  return { status, body };
}
