import { StatusCodes, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type restify from 'restify';
import type { ErrorLog, TurnAdapter } from '../adapter.js';

/**
 * What CloudAdapter.process does for a POST, minus the work this server has already done: the body is parsed by
 * restify and checked against IncomingActivity, so botbuilder's own zod checks of the request, the response and the
 * activity (a fifth of a turn's cost under load) would only check it again. The contract is CloudAdapter's: the
 * turn's invoke response (or, with deliveryMode "expectReplies", its replies) is the answer, 200 with no body when
 * there is none, 401 for a refused token, 500 for anything else. Only processActivity, the entry point the SDK
 * offers its subclasses, is called (TurnAdapter), so a change inside CloudAdapter.process cannot break this.
 */
export async function processTurn(
  adapter: Pick<TurnAdapter, 'runTurn'>, req: restify.Request, res: restify.Response,
  activity: Activity, logic: (context: TurnContext) => Promise<void>, log: ErrorLog,
): Promise<void> {
  fixTimestamps(activity);
  const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
  try {
    const answer = await adapter.runTurn(authHeader, activity, logic);
    res.status(answer?.status ?? StatusCodes.OK);
    if (answer?.body !== undefined) res.send(answer.body);
    res.end();
  } catch (error) {
    const unauthorized = error instanceof AuthenticationError;
    if (!unauthorized) log.error({ err: error }, 'turn could not be processed');
    res.status(unauthorized ? StatusCodes.UNAUTHORIZED : StatusCodes.INTERNAL_SERVER_ERROR);
    res.send({ error: unauthorized ? 'unauthorized' : 'internal server error' });
    res.end();
  }
}

/** Timestamps arrive as text; botbuilder keeps the text and works with dates, as its validateAndFixActivity does. */
function fixTimestamps(activity: Activity): void {
  const a = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    if (typeof a[field] === 'string') {
      a[raw] = a[field];
      a[field] = new Date(a[field] as string);
    }
  }
}
