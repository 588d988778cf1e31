import type { AddressInfo } from 'node:net';
import type { Activity, TurnContext } from 'botbuilder';
import type { TurnAdapter } from './adapter.js';
import restify from 'restify';
import type { RateLimitConfig } from './config.js';
import { settleBufferDeprecationCheck } from './http/buffer-deprecation-check.js';
import { identityEncodingOnly } from './http/identity-encoding.js';
import { InFlight } from './http/in-flight.js';
import { processTurn } from './http/process-turn.js';
import { publicRateLimit } from './http/rate-limit.js';
import type { Readiness } from './http/readiness.js';
import { securityHeaders } from './http/security-headers.js';
import { routeUpgrades } from './http/upgrades.js';
import { describeProblems, IncomingActivity } from './incoming-activity.js';
import type { Logger } from './logger.js';
import type { ServiceUrlPolicy } from './outbound/service-url-policy.js';
import { registerWebChat, type WebChatDeps } from './web/register-web-chat.js';

/** Largest request body accepted; activities are a few KB, so this leaves room for cards and attachments metadata. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Above this status the error message may describe the server's internals, so clients get a generic one. */
const LAST_CLIENT_ERROR_STATUS = 499;

export interface ServerDeps {
  readonly adapter: Pick<TurnAdapter, 'runTurn'>;
  readonly bot: { run(context: TurnContext): Promise<void> };
  /** The chat page, its API and the local Direct Line; left out, the server speaks only the Bot Framework protocol. */
  readonly webChat?: WebChatDeps;
  /** Per-address limit on the public routes; none when left out. */
  readonly rateLimit?: RateLimitConfig;
  /** What /readyz reports; always ready when left out. */
  readonly readiness?: Readiness;
  /** Counts turns being served, for a graceful shutdown. */
  readonly inFlight?: InFlight;
  /** One line per request (id, method, path, status, time); nothing when left out. */
  readonly logger?: Logger;
  /**
   * Where /api/messages may ask the bot to reply (serviceUrl); any URL when left out. Set when the bot runs without
   * an app id, where nothing else vouches for the serviceUrl.
   */
  readonly serviceUrls?: ServiceUrlPolicy;
}

/** POST /api/messages for the Bot Framework, GET /healthz for probes. Not listening yet. */
export function createServer({ adapter, bot, webChat, rateLimit, readiness, inFlight = new InFlight(), logger, serviceUrls }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'msl-career-bot' });
  server.pre(securityHeaders);
  server.pre(identityEncodingOnly);
  // Every request counts, not only turns: the local Direct Line's posts run turns too, and a shutdown waits for all.
  server.pre(inFlight.track);
  server.pre((_req: restify.Request, res: restify.Response, next: restify.Next) => {
    // While shutting down, each answer closes its connection, so no client is left holding a kept-alive socket that
    // the closing listener would reset under its next request.
    if (readiness?.isDraining) res.header('Connection', 'close');
    next();
  });
  if (rateLimit) server.use(publicRateLimit(rateLimit));
  settleBufferDeprecationCheck();
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  if (logger) logRequests(server, logger);

  // Errors restify raises itself (unparseable JSON, body too large, unknown route) get the same {error} shape as ours.
  server.on('restifyError', (_req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    const message = (err.statusCode ?? 500) > LAST_CLIENT_ERROR_STATUS ? 'internal server error' : err.message || err.name;
    err.toJSON = () => ({ error: message });
    return callback();
  });

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    const checked = IncomingActivity.safeParse(req.body);
    if (!checked.success) {
      res.send(400, { error: describeProblems(checked.error) });
      return;
    }
    // Refused before the turn runs, so nothing is understood, stored or sent for a reply that could not be delivered.
    const { serviceUrl, deliveryMode } = checked.data;
    if (serviceUrls && deliveryMode !== 'expectReplies' && !(serviceUrl && (await serviceUrls.allows(serviceUrl)))) {
      res.send(403, { error: 'serviceUrl: without MicrosoftAppId the bot replies only to this machine (loopback) and ALLOWED_SERVICE_URLS; use deliveryMode "expectReplies" to get the replies in the response' });
      return;
    }
    // With deliveryMode "expectReplies" the adapter returns the replies in this response's body.
    await processTurn(adapter, req, res, req.body as Activity, (context) => bot.run(context), logger ?? console);
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    const report = (await readiness?.report()) ?? { status: 'ready' };
    res.header('cache-control', 'no-store');
    res.send(report.status === 'ready' ? 200 : 503, report);
  });

  const localDirectLine = webChat ? registerWebChat(server, webChat).localDirectLine : undefined;
  routeUpgrades(server, localDirectLine ? [localDirectLine.upgrade] : []);
  if (localDirectLine) {
    // Open streams are upgraded sockets, which server.close() would otherwise wait on for ever.
    const close = server.close.bind(server);
    server.close = ((...args: Parameters<typeof close>) => {
      localDirectLine.close();
      return close(...args);
    }) as typeof server.close;
  }

  return server;
}

/** Logs each request once it is answered: its id (echoed as the request-id header), route, status and duration. */
function logRequests(server: restify.Server, base: Logger): void {
  // These lines hold no secrets (id, method, path, status, time), so pino's redaction need not walk them.
  const logger = base.child({}, { redact: [] });
  server.on('after', (req: restify.Request, res: restify.Response) => {
    logger.info({ reqId: req.id(), method: req.method, path: req.path(), status: res.statusCode, ms: Math.round(performance.now() - startedAt(req)) }, 'request');
  });
  server.pre((req: restify.Request, _res: restify.Response, next: restify.Next) => {
    starts.set(req, performance.now());
    next();
  });
}
const starts = new WeakMap<restify.Request, number>();
const startedAt = (req: restify.Request): number => starts.get(req) ?? performance.now();

/** Creates the server and starts listening; port 0 picks a free port, which `address()` then reports. */
export async function startServer(deps: ServerDeps, port: number, host?: string): Promise<restify.Server> {
  const server = createServer(deps);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  return server;
}

/** The port a listening server got. */
export function listeningPort(server: restify.Server): number {
  return (server.address() as AddressInfo).port;
}
