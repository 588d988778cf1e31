import net from 'node:net';

/** How long one upgrade request may wait for the server's answer and close; the server answers in milliseconds. */
export const UPGRADE_ANSWER_DEADLINE_MS = 3000;

export interface UpgradeOutcome {
  /** The status line's code, or undefined when nothing came back. */
  readonly status: number | undefined;
  /** Whether the server closed the connection (rather than the deadline running out). */
  readonly closedByServer: boolean;
}

/** Sends one raw upgrade request and waits for the server to answer and close, or the deadline to pass. */
export function sendUpgrade(port: number, path: string, options: { method?: string; upgrade?: string; headers?: Record<string, string> } = {}): Promise<UpgradeOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let settled = false;
    const settle = (closedByServer: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), closedByServer });
    };
    const timer = setTimeout(() => settle(false), UPGRADE_ANSWER_DEADLINE_MS);
    const extra = Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.on('connect', () => socket.write(
      `${options.method ?? 'GET'} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: ${options.upgrade ?? 'websocket'}\r\nConnection: Upgrade\r\n`
      + `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`,
    ));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.on('end', () => settle(true));
    socket.on('close', () => settle(true));
    socket.on('error', () => settle(true));
  });
}
