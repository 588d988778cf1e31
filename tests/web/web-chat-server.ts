import type { Server } from 'restify';
import type { TurnAdapter } from '../../src/adapter.js';
import { loadConfig } from '../../src/config.js';
import { listeningPort, startServer } from '../../src/server.js';
import type { PageBrand } from '../../src/web/chat-page.js';
import type { WebChatDeps } from '../../src/web/register-web-chat.js';

/** The page's words for these tests; the real ones come from the pack's replies. */
export const TEST_BRAND: PageBrand = {
  title: 'Test Career Guide',
  tagline: 'Answers from the test guide',
  placeholder: 'Ask about the test career',
  footnote: 'Answers come from the test guide only.',
  avatar: 'TC',
};

/** A bot that is never asked anything: these tests are about the page and its API, not answers. */
const idleBot = {
  adapter: { runTurn: async () => undefined } as Pick<TurnAdapter, 'runTurn'>,
  bot: { run: async () => undefined },
};

/** The server with the chat routes for a given environment, on a free loopback port. */
export async function startWebChatServer(env: NodeJS.ProcessEnv, extra: Partial<WebChatDeps> = {}): Promise<{ server: Server; base: string }> {
  const webChat: WebChatDeps = { config: loadConfig(env).webChat, deliver: async () => undefined, log: { error: () => undefined }, brand: TEST_BRAND, ...extra };
  const server = await startServer({ ...idleBot, webChat }, 0, '127.0.0.1');
  return { server, base: `http://127.0.0.1:${listeningPort(server)}` };
}
