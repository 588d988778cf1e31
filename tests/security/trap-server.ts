import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the trap answers: like a connector, with a redirect elsewhere, or not at all. */
export type TrapBehaviour = { readonly kind: 'connector' } | { readonly kind: 'redirect'; readonly location: string } | { readonly kind: 'silent' };

export interface Trap {
  readonly port: number;
  /** "METHOD path" of every request received, in order. */
  readonly hits: string[];
  close(): Promise<void>;
}

/** An HTTP server on a loopback address that records what the bot sends it, standing in for a serviceUrl. */
export async function startTrap(behaviour: TrapBehaviour = { kind: 'connector' }, host = '127.0.0.1'): Promise<Trap> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    if (behaviour.kind === 'silent') return;
    if (behaviour.kind === 'redirect') {
      res.writeHead(307, { location: behaviour.location });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `reply-${hits.length}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
