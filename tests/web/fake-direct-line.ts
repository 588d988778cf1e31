import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

/** What the fake answers to tokens/generate: a status and a JSON body. */
export interface FakeAnswer {
  status: number;
  body: unknown;
}

/** A stand-in for Azure's Direct Line token service on a loopback port; it records what it is asked. */
export class FakeDirectLine {
  readonly requests: RecordedRequest[] = [];
  answer: FakeAnswer = { status: 200, body: { conversationId: 'azure-conversation', token: 'azure-token', expires_in: 1800 } };
  private readonly server: Server;

  private constructor() {
    this.server = createServer(async (req, res) => {
      this.requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body: await readBody(req) });
      res.writeHead(this.answer.status, { 'content-type': 'application/json' });
      res.end(typeof this.answer.body === 'string' ? this.answer.body : JSON.stringify(this.answer.body));
    });
  }

  static async start(): Promise<FakeDirectLine> {
    const fake = new FakeDirectLine();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
