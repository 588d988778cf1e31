import type { Server } from 'restify';
import type { TurnAdapter } from '../../src/adapter.js';
import { loadConfig } from '../../src/config.js';
import { listeningPort, startServer } from '../../src/server.js';
import type { WebChatDeps } from '../../src/web/register-web-chat.js';

/** A bot that is never asked anything: these tests are about the page and its API, not answers. */
const idleBot = {
  adapter: { runTurn: async () => undefined } as Pick<TurnAdapter, 'runTurn'>,
  bot: { run: async () => undefined },
};

/** The server with the chat routes for a given environment, on a free loopback port. */
export async function startWebChatServer(env: NodeJS.ProcessEnv, extra: Partial<WebChatDeps> = {}): Promise<{ server: Server; base: string }> {
  const webChat: WebChatDeps = { config: loadConfig(env).webChat, deliver: async () => undefined, log: { error: () => undefined }, ...extra };
  const server = await startServer({ ...idleBot, webChat }, 0, '127.0.0.1');
  return { server, base: `http://127.0.0.1:${listeningPort(server)}` };
}
