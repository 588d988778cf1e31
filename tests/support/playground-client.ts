/**
 * Drives Microsoft 365 Agents Playground (@microsoft/m365agentsplayground, pinned at 0.2.28) without a browser,
 * through the local API its web page uses. That API is undocumented; what follows was read from the package's
 * bundled server (dist/index.js) and page (dist/client/static/js/main.*.js), and may change with its version:
 *
 * - GET  /_debug/ping                                  → "pong" once the server is up.
 * - GET  /_internal/v1/config                          → {config: {personalChat: {id}, currentUser: {id}, bot: {id}, …},
 *        internalConfig: {channelId, …}}. It first waits (up to 15 s) for the bot's endpoint to answer.
 * - WS   /_ws_conversation/v1/conversations/stream     → {action: "createMessage" | "updateMessage" | "typing",
 *        actionConversationId, message: {from: {id}, text, attachments, suggestedActions, …}}. Messages sent while
 *        no socket is open are buffered and delivered to the next one. A reply with text and a card arrives as two
 *        messages: the Playground splits an activity's text and attachments as Teams does.
 * - POST /_conversation/v1/conversations/{id}/messages, body {from: {id}, text, textFormat: "plain"}: the user says
 *        something; the Playground posts it to the bot as a message activity on the configured channel.
 * - POST /_debug/conversation/{id}/installation, body {}: what the page calls when it opens a chat. On msteams the bot
 *        gets an installationUpdate (action "add"), then a conversationUpdate whose membersAdded are the user and the
 *        bot: that is the welcome turn.
 * - POST /_conversation/v1/invoke, body {name: "message/submitAction", from: {id}, conversation: {id}, value:
 *        {actionName: "feedback", actionValue: {reaction, feedback}}}: what the page posts when the user votes on a
 *        message whose stream event carried feedbackLoopEnabled. The Playground sends the bot an invoke of that name
 *        and value, and answers 200 with {} when the bot's invoke response is a success, 502 when it is not. Unlike
 *        Teams, it leaves the message's id (replyToId) out of the invoke, and the page sends the comment as typed
 *        rather than as Teams' JSON text {"feedbackText": "…"}.
 *
 * The server has no host option and listens on every interface; a preload makes its listen() calls without a host
 * use the loopback address, so nothing the tests start is reachable from outside this machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { z } from 'zod';

const PLAYGROUND_CLI = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
const LOOPBACK = '127.0.0.1';
/** Makes listen(port[, backlog][, callback]) bind the loopback address instead of every interface. */
const LOOPBACK_PRELOAD = `data:text/javascript,${encodeURIComponent(`
import net from 'node:net';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '${LOOPBACK}');
  return listen.apply(this, args);
};`)}`;
/** Starting takes about 2 s on a 2-core machine (a 5 MB bundle to load); allow for a busy one. */
const START_TIMEOUT_MS = 30_000;
/** Between readiness probes while the server starts. */
const POLL_MS = 100;
/** How long a reply may take: the bot answers in milliseconds, the Playground relays it at once. */
export const REPLY_TIMEOUT_MS = 10_000;
/** After SIGTERM, how long the Playground gets to exit before SIGKILL. */
const STOP_TIMEOUT_MS = 3_000;

const Config = z.object({
  config: z.object({
    personalChat: z.object({ id: z.string() }),
    currentUser: z.object({ id: z.string() }),
    bot: z.object({ id: z.string() }),
  }),
  internalConfig: z.object({ channelId: z.string() }),
});

const CardAttachment = z.object({ contentType: z.string(), content: z.unknown() });
const SuggestedAction = z.looseObject({ type: z.string(), title: z.string().optional(), value: z.unknown() });

/** One message as the Playground shows it. */
export const PlaygroundMessage = z.looseObject({
  messageId: z.string(),
  from: z.object({ id: z.string() }),
  text: z.string().optional(),
  textFormat: z.string().optional(),
  attachments: z.array(CardAttachment).default([]),
  suggestedActions: z.object({ actions: z.array(SuggestedAction) }).optional(),
  /** The message asks for Teams' thumbs up and down (the bot set channelData.feedbackLoopEnabled). */
  feedbackLoopEnabled: z.boolean().optional(),
});
export type PlaygroundMessage = z.infer<typeof PlaygroundMessage>;

const StreamEvent = z.looseObject({ action: z.string(), actionConversationId: z.string().optional(), message: z.unknown().optional() });

export interface PlaygroundOptions {
  /** The bot's /api/messages URL. */
  readonly botEndpoint: string;
  readonly channelId?: string;
  readonly conversationId?: string;
}

/** A running Playground, its chat with the bot, and everything the bot has said there. */
export class PlaygroundClient {
  /** The bot's messages in the personal chat, in order of arrival. */
  readonly botMessages: PlaygroundMessage[] = [];
  /** Stream events that did not have the expected shape, and socket errors: reported when a wait times out. */
  private readonly problems: string[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly scratchDir: string,
    readonly baseUrl: string,
    private readonly socket: WebSocket,
    readonly chatId: string,
    readonly userId: string,
    readonly botId: string,
    readonly channelId: string,
  ) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('error', (error) => this.problems.push(`socket: ${error.message}`));
  }

  /** Starts the Playground in a scratch directory (it writes ./devTools/ there) and opens its personal chat's stream. */
  static async start({ botEndpoint, channelId = 'msteams', conversationId = `conversation-${Date.now()}` }: PlaygroundOptions): Promise<PlaygroundClient> {
    const scratchDir = mkdtempSync(join(tmpdir(), 'playground-'));
    const port = await freeLoopbackPort();
    const baseUrl = `http://${LOOPBACK}:${port}`;
    const child = spawn(
      process.execPath,
      // --service-url: the Playground would tell the bot to reply to localhost, which may not resolve to the loopback it binds.
      ['--import', LOOPBACK_PRELOAD, PLAYGROUND_CLI, '-e', botEndpoint, '-c', channelId, '-p', String(port), '--service-url', `${baseUrl}/_connector`, '--conversation-id', conversationId, '--dt'],
      { cwd: scratchDir, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (d) => (output += String(d)));
    child.stderr?.on('data', (d) => (output += String(d)));
    try {
      await waitUntilUp(child, baseUrl, () => output);
      const response = await fetch(`${baseUrl}/_internal/v1/config`);
      const { config, internalConfig } = Config.parse(await response.json());
      const socket = new WebSocket(`ws://${LOOPBACK}:${port}/_ws_conversation/v1/conversations/stream`);
      await new Promise<void>((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      return new PlaygroundClient(child, scratchDir, baseUrl, socket, config.personalChat.id, config.currentUser.id, config.bot.id, internalConfig.channelId);
    } catch (error) {
      await stop(child);
      rmSync(scratchDir, { recursive: true, force: true });
      throw new Error(`Agents Playground did not start: ${(error as Error).message}\n${output}`);
    }
  }

  /** Opens the chat as the page does: the bot is installed and told the user and it joined. */
  async install(): Promise<void> {
    await this.post(`/_debug/conversation/${encodeURIComponent(this.chatId)}/installation`, {});
  }

  /** The user types `text` in the personal chat. */
  async say(text: string): Promise<void> {
    await this.post(`/_conversation/v1/conversations/${encodeURIComponent(this.chatId)}/messages`, { from: { id: this.userId }, text, textFormat: 'plain' });
  }

  /**
   * The user presses a thumb on one of the bot's messages and submits the comment box, as the page does; returns
   * the status the Playground answers with (see the header for what it passes on to the bot).
   */
  async vote(reaction: 'like' | 'dislike', comment: string): Promise<number> {
    const response = await fetch(`${this.baseUrl}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'message/submitAction', from: { id: this.userId }, conversation: { id: this.chatId },
        value: { actionName: 'feedback', actionValue: { reaction, feedback: comment } },
      }),
    });
    await response.arrayBuffer();
    return response.status;
  }

  /**
   * Says `text` and waits until the bot's messages since then satisfy `done`; returns those messages. Fails after
   * REPLY_TIMEOUT_MS, listing what did arrive.
   */
  async ask(text: string, done: (replies: readonly PlaygroundMessage[]) => boolean): Promise<PlaygroundMessage[]> {
    const from = this.botMessages.length;
    await this.say(text);
    return this.waitFor(from, done, `after "${text}"`);
  }

  /** Waits until the bot's messages from index `from` on satisfy `done`, and returns them. */
  async waitFor(from: number, done: (replies: readonly PlaygroundMessage[]) => boolean, what = ''): Promise<PlaygroundMessage[]> {
    const replies = () => this.botMessages.slice(from);
    if (done(replies())) return replies();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done(replies())) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(replies());
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const problems = this.problems.length > 0 ? `\nproblems: ${this.problems.join('\n')}` : '';
        reject(new Error(`no expected reply ${what} within ${REPLY_TIMEOUT_MS} ms; the bot said: ${JSON.stringify(replies(), null, 1)}${problems}`));
      }, REPLY_TIMEOUT_MS);
      this.waiters.add(check);
    });
  }

  /** Closes the stream, stops the Playground and everything it started, and removes its scratch directory. */
  async close(): Promise<void> {
    this.socket.close();
    await stop(this.child);
    rmSync(this.scratchDir, { recursive: true, force: true });
  }

  private receive(data: string): void {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      this.problems.push(`not JSON: ${data}`);
      return;
    }
    const event = StreamEvent.safeParse(json);
    if (!event.success) {
      this.problems.push(`not a stream event: ${data}`);
      return;
    }
    if (event.data.action !== 'createMessage' || event.data.actionConversationId !== this.chatId) return;
    const message = PlaygroundMessage.safeParse(event.data.message);
    if (!message.success) {
      this.problems.push(`not a message (${z.prettifyError(message.error)}): ${data}`);
      return;
    }
    if (message.data.from.id !== this.botId) return;
    this.botMessages.push(message.data);
    for (const waiter of [...this.waiters]) waiter();
  }

  private async post(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  }
}

/** Everything the bot's messages say: their text and every string inside their cards. */
export function wordsOf(messages: readonly PlaygroundMessage[]): string {
  return messages.map((m) => [m.text ?? '', ...m.attachments.map((a) => JSON.stringify(a.content))].join('\n')).join('\n');
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, LOOPBACK, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilUp(child: ChildProcess, baseUrl: string, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`it exited with status ${child.exitCode}`);
    // It picks another port when the one asked for was taken in the meantime, and says so.
    if (/already in use/.test(output())) throw new Error('its port was taken');
    try {
      const response = await fetch(`${baseUrl}/_debug/ping`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(POLL_MS);
  }
  throw new Error(`it did not answer within ${START_TIMEOUT_MS} ms`);
}

/** Ends the Playground's whole process group (it was started detached, so it leads one), forcefully if it lingers. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const group = -child.pid;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return; // Already gone.
  }
  const timer = setTimeout(() => {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // Exited after all.
    }
  }, STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
