import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/create-app.js';
import type { ConversationStore } from '../../src/directline/conversation-store.js';
import { listeningPort, startServer } from '../../src/server.js';
import { FIXTURE_ENV, fixtureKnowledge } from '../support/knowledge.js';

/** How long a test waits for the bot's answer to show up in a poll; answers take milliseconds. */
const ANSWER_DEADLINE_MS = 5000;
/** Pause between polls, as Web Chat's own client does at a slower pace. */
const POLL_PAUSE_MS = 50;

export interface Answer {
  readonly status: number;
  /** JSON of many shapes; each test checks the parts it cares about. */
  readonly body: any;
  readonly headers: Headers;
}

export interface Activity {
  readonly id: string;
  readonly type: string;
  readonly text?: string;
  readonly from: { readonly id: string; readonly role?: string };
  readonly channelData?: Record<string, unknown>;
  readonly replyToId?: string;
  readonly attachments?: ReadonlyArray<{ readonly contentType: string; readonly content?: unknown }>;
  readonly suggestedActions?: { readonly actions: ReadonlyArray<{ readonly type: string; readonly title?: string; readonly value?: unknown }> };
}

let app: App | undefined;
/** One bot on the fixture pack for all Direct Line tests: training the understanding takes a moment. */
export function sharedApp(): App {
  return (app ??= createApp(loadConfig(FIXTURE_ENV), fixtureKnowledge(), { error: () => undefined }));
}

/** Starts the real bot with the local Direct Line on a free loopback port. */
export async function startLocalDirectLine(options: { now?: () => number; store?: ConversationStore; env?: NodeJS.ProcessEnv } = {}): Promise<{ server: Server; base: string }> {
  const bot = sharedApp();
  const config = loadConfig(options.env ?? {});
  const server = await startServer({ adapter: bot.adapter, bot: bot.bot, webChat: { ...bot.webChat, config: config.webChat, now: options.now, store: options.store } }, 0, '127.0.0.1');
  return { server, base: `http://127.0.0.1:${listeningPort(server)}` };
}

/**
 * The local Direct Line for the tests of the suite this is called in (from a describe body): started before them and
 * closed after them. Its `base` is read inside the tests.
 */
export function localDirectLineForSuite(options: Parameters<typeof startLocalDirectLine>[0] = {}): { readonly base: string } {
  let started: { server: Server; base: string } | undefined;
  before(async () => {
    started = await startLocalDirectLine(options);
  });
  after(() => {
    started?.server.close();
  });
  return {
    get base(): string {
      if (!started) throw new Error("the local Direct Line is started before the suite's tests, and read only in them");
      return started.base;
    },
  };
}

/** A raw HTTP call that answers status, parsed JSON body and headers. */
export async function call(base: string, method: string, path: string, init: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON; the test sees the text
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** A Direct Line client as Web Chat uses it: a token, a started conversation, posts and polls with a watermark. */
export class DirectLineClient {
  watermark: string | undefined;
  /** Where the conversation's WebSocket stream opens, as the start of the conversation answered. */
  streamUrl = '';

  private constructor(readonly base: string, readonly token: string, readonly conversationId: string) {}

  static async open(base: string): Promise<DirectLineClient> {
    const generated = await call(base, 'POST', '/v3/directline/tokens/generate');
    if (generated.status !== 200) throw new Error(`tokens/generate answered ${generated.status}`);
    const client = new DirectLineClient(base, generated.body.token, generated.body.conversationId);
    const started = await call(base, 'POST', '/v3/directline/conversations', { token: client.token });
    if (started.status !== 201) throw new Error(`conversations answered ${started.status}`);
    client.streamUrl = started.body.streamUrl;
    return client;
  }

  get activitiesPath(): string {
    return `/v3/directline/conversations/${this.conversationId}/activities`;
  }

  async say(text: string, clientActivityID = `client-${Math.random()}`): Promise<Answer> {
    return call(this.base, 'POST', this.activitiesPath, { token: this.token, body: { type: 'message', text, from: { id: 'whoever' }, channelData: { clientActivityID } } });
  }

  /** One poll from the current watermark; moves the watermark on. */
  async poll(): Promise<Activity[]> {
    const query = this.watermark === undefined ? '' : `?watermark=${this.watermark}`;
    const answer = await call(this.base, 'GET', `${this.activitiesPath}${query}`, { token: this.token });
    if (answer.status !== 200) throw new Error(`poll answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    if (answer.body.watermark !== undefined) this.watermark = answer.body.watermark;
    return answer.body.activities;
  }

  /** Polls until a bot message arrives (or the deadline passes) and returns every activity seen on the way. */
  async pollForBotMessage(): Promise<Activity[]> {
    const seen: Activity[] = [];
    const deadline = Date.now() + ANSWER_DEADLINE_MS;
    while (Date.now() < deadline) {
      seen.push(...(await this.poll()));
      if (seen.some((a) => a.type === 'message' && a.from.role === 'bot')) return seen;
      await new Promise((resolve) => setTimeout(resolve, POLL_PAUSE_MS));
    }
    return seen;
  }
}

/** Everything the bot said: the text of its messages and every string inside their cards. */
export const botText = (activities: readonly Activity[]): string =>
  activities.filter((a) => a.from.role === 'bot').map((a) => [a.text ?? '', ...(a.attachments ?? []).map((c) => JSON.stringify(c.content))].join('\n')).join('\n');
