import { setTimeout as delay } from 'node:timers/promises';
import type restify from 'restify';
import type { InFlight } from './in-flight.js';
import type { Readiness } from './readiness.js';

export interface ShutdownDeps {
  readonly server: restify.Server;
  readonly readiness: Readiness;
  readonly inFlight: InFlight;
  /** How long to keep serving, not ready, before closing the listener. */
  readonly noticeMs: number;
  /** How long to wait after that for requests in flight. */
  readonly drainMs: number;
}

/**
 * Stops the server gracefully and resolves whether every request in flight finished.
 *
 * 1. Not ready: /readyz answers 503, and every answer carries `Connection: close` (see createServer), so clients
 *    leave their kept-alive sockets rather than send on them after they are closed.
 * 2. Keeps serving for `noticeMs`, while load balancers see the 503 (or the endpoint removal) and stop sending.
 * 3. Closes the listener and the idle connections, and waits up to `drainMs` for the requests still running.
 *    Connections still open after that are cut.
 */
export async function shutDown({ server, readiness, inFlight, noticeMs, drainMs }: ShutdownDeps): Promise<boolean> {
  readiness.drain();
  await delay(noticeMs);
  server.close();
  server.server.closeIdleConnections();
  const drained = await inFlight.drained(drainMs);
  if (!drained) server.server.closeAllConnections();
  return drained;
}
