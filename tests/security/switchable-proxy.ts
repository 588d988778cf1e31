import { createServer, connect, type Socket } from 'node:net';

export interface SwitchableProxy {
  readonly port: number;
  /** Forwards connections to the target, or swallows them without a word, as a network partition does. */
  setMode(mode: 'forward' | 'blackhole'): void;
  close(): Promise<void>;
}

/** A TCP proxy on a loopback port in front of `targetPort`, that a test can cut off and restore. */
export async function startSwitchableProxy(targetPort: number, mode: 'forward' | 'blackhole' = 'forward'): Promise<SwitchableProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (mode === 'blackhole') return; // accepted, never answered
    const upstream = connect(targetPort, '127.0.0.1');
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    setMode(next) {
      mode = next;
      // Connections kept alive from before the switch go too, or the outage would only reach new ones.
      for (const socket of sockets) socket.destroy();
    },
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
