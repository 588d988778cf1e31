import { WebSocket } from 'ws';
import type { Activity } from './direct-line-client.js';

/** How long a test waits for a message on a stream; the server sends within milliseconds. */
const MESSAGE_DEADLINE_MS = 5000;

export interface StreamSet {
  readonly activities: Activity[];
  readonly watermark?: string;
}

/** A conversation's WebSocket stream as Web Chat reads it: each message one JSON activity set. */
export class StreamClient {
  private readonly received: StreamSet[] = [];
  private waiting: (() => void) | undefined;
  closeCode: number | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      if (text) this.received.push(JSON.parse(text) as StreamSet);
      this.waiting?.();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.waiting?.();
    });
  }

  /** Opens the stream; rejects with the HTTP status when the server refuses the upgrade. */
  static open(streamUrl: string, headers: Record<string, string> = {}): Promise<StreamClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(streamUrl, { headers });
      const client = new StreamClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => {
        reject(Object.assign(new Error(`the stream answered ${res.statusCode}`), { status: res.statusCode }));
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  /** The next activity set, waiting for it if need be. */
  async next(): Promise<StreamSet> {
    const deadline = Date.now() + MESSAGE_DEADLINE_MS;
    while (this.received.length === 0) {
      if (this.closeCode !== undefined) throw new Error(`the stream closed (${this.closeCode}) with nothing more to read`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no activity set arrived on the stream in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.received.shift() as StreamSet;
  }

  /** Activity sets until one holds a bot message, all of them in order. */
  async untilBotMessage(): Promise<StreamSet[]> {
    const sets: StreamSet[] = [];
    for (;;) {
      const set = await this.next();
      sets.push(set);
      if (set.activities.some((a) => a.type === 'message' && a.from.role === 'bot')) return sets;
    }
  }

  /** Resolves with the close code once the server has closed the stream. */
  async closed(): Promise<number> {
    const deadline = Date.now() + MESSAGE_DEADLINE_MS;
    while (this.closeCode === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    if (this.closeCode === undefined) throw new Error('the stream stayed open');
    return this.closeCode;
  }

  close(): void {
    this.ws.terminate();
  }
}
