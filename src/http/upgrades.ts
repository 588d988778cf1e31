import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type restify from 'restify';

/**
 * Takes a protocol upgrade request (a WebSocket) it recognises and answers true; answers false to leave it to the
 * next handler. A handler that takes a request must answer or close its socket itself.
 */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

/**
 * Answers an upgrade request with a plain HTTP error and closes the socket. Nothing else would: Node hands upgrade
 * requests to whoever listens for them, and restify listens only to pass them on.
 */
export function refuseUpgrade(socket: Duplex, status: number, error: string): void {
  // A client that already went away must not turn into an unhandled 'error' event.
  socket.on('error', () => socket.destroy());
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify({ error });
  socket.once('finish', () => socket.destroy());
  socket.end([
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n'));
}

/**
 * Sends every upgrade request through the handlers, and answers the ones no handler takes with 400 and a closed
 * socket. Without this restify re-emits them to no one and each one holds its socket (a file descriptor) for ever.
 */
export function routeUpgrades(server: restify.Server, handlers: readonly UpgradeHandler[]): void {
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      if (handlers.some((handle) => handle(req, socket, head))) return;
    } catch {
      // A handler that throws has not answered; the client still gets a clean refusal below.
    }
    refuseUpgrade(socket, 400, 'this path takes no protocol upgrade');
  });
}
