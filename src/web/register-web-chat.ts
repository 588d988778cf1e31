import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type restify from 'restify';
import type { ErrorLog } from '../adapter.js';
import type { WebChatConfig } from '../config.js';
import { ConversationStore } from '../directline/conversation-store.js';
import { DIRECT_LINE_PATH, LocalDirectLine, type Deliver } from '../directline/local-direct-line.js';
import { TokenIssuer } from '../directline/token-issuer.js';
import { describeProblems } from '../incoming-activity.js';
import { fetchAzureDirectLineToken } from './azure-direct-line-token.js';
import { renderChatPage, type PageBrand } from './chat-page.js';
import { contentSecurityPolicy } from './content-security-policy.js';
import { OriginPolicy } from './origin-policy.js';
import { parsePageOptions, withoutRepeats } from './page-options.js';
import { serveWebChatBundle, serveWebFile, WEB_DIR } from './static-assets.js';

/** Where the page finds Web Chat's bundle. */
export const WEB_CHAT_BUNDLE_PATH = '/webchat/webchat.js';

/** Which Direct Line the page talks to: this process's own, Azure's, or none (the page says how to set one up). */
export type ChatMode = 'local' | 'azure' | 'off';

export interface WebChatDeps {
  readonly config: WebChatConfig;
  /** Runs a turn for an activity in this process, replies and all; the local Direct Line needs it. */
  readonly deliver?: Deliver;
  /** The clock for the local Direct Line's tokens and conversations; tests move it. */
  readonly now?: () => number;
  /** The local Direct Line's store, when a test wants it small. */
  readonly store?: ConversationStore;
  /** How the server reaches Azure's Direct Line; tests pass one aimed at a fake. */
  readonly fetch?: typeof fetch;
  readonly log?: ErrorLog;
  /** The questions the welcome offers as buttons; an embedding page's starter questions leave them out. */
  readonly welcomeStarters?: readonly string[];
  /** The page's own words, from the guide pack served first. */
  readonly brand: PageBrand;
  /** Whom a request's per-address quotas count against (TRUST_PROXY); the TCP peer when left out. */
  readonly clientKey?: (req: IncomingMessage) => string;
}

/** What GET /api/chat-config tells the page, or embed.js on another site ('refused' when that site is not allowed). */
export type ChatConfig =
  | { readonly mode: 'local' | 'azure'; readonly title: string; readonly directLine: { readonly domain: string; readonly webSocket: boolean } }
  | { readonly mode: 'off' | 'refused'; readonly reason: string };

/** The local Direct Line runs when configured for it and there is a bot in this process to deliver to. */
export function chatMode(deps: Pick<WebChatDeps, 'config' | 'deliver'>): ChatMode {
  if (deps.config.directLineSecret) return 'azure';
  return deps.config.localDirectLine && deps.deliver ? 'local' : 'off';
}

/**
 * The chat page and everything it needs: GET / and /embed (the page, with ?title, ?accent and ?starter options),
 * its script and styles, Web Chat's bundle from the installed package, /embed.js for other sites, the page's API
 * (chat config and Direct Line tokens), and the local Direct Line when there is no Azure one.
 */
export function registerWebChat(server: restify.Server, deps: WebChatDeps): { readonly mode: ChatMode; readonly localDirectLine?: LocalDirectLine } {
  const { config } = deps;
  const log = deps.log ?? console;
  const mode = chatMode(deps);
  const origins = new OriginPolicy(config.allowedOrigins, config.publicUrl);
  const azureDirectLine = `${config.directLineEndpoint}${DIRECT_LINE_PATH}`;
  // Web Chat on Azure's Direct Line streams over a WebSocket from the same host.
  const connectSources = mode === 'azure' ? [new URL(config.directLineEndpoint).origin, new URL(config.directLineEndpoint).origin.replace(/^http/, 'ws')] : [];

  const localDirectLine = mode === 'local' && deps.deliver
    ? new LocalDirectLine({
      deliver: deps.deliver,
      store: deps.store ?? new ConversationStore({ now: deps.now }),
      tokens: new TokenIssuer({ now: deps.now }),
      guard: origins.guard,
      originAllowed: (req) => req.headers.origin === undefined || origins.isAllowed(req.headers.origin, req as restify.Request),
      publicUrl: config.publicUrl,
      ...(deps.clientKey ? { addressOf: deps.clientKey } : {}),
      log,
    })
    : undefined;

  const page = (embedded: boolean) => async (req: restify.Request, res: restify.Response) => {
    const options = parsePageOptions(new URL(req.url ?? '/', 'http://localhost').searchParams);
    if (!options.success) return void res.send(400, { error: describeProblems(options.error) });
    const starters = withoutRepeats(options.data.starters, deps.welcomeStarters ?? []);
    const html = renderChatPage(await readFile(join(WEB_DIR, 'index.html'), 'utf8'), { options: { ...options.data, starters }, brand: deps.brand, embedded });
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': contentSecurityPolicy({ connect: connectSources, frameAncestors: origins.frameAncestors() }),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    res.end(html);
  };
  server.get('/', page(false));
  server.get('/embed', page(true));

  for (const file of ['chat.js', 'panel-bridge.js', 'chat.css', 'embed.js', 'logo.svg']) server.get(`/${file}`, serveWebFile(file));
  server.get(WEB_CHAT_BUNDLE_PATH, serveWebChatBundle());

  server.opts('/api/chat-config', origins.preflight);
  server.get('/api/chat-config', async (req: restify.Request, res: restify.Response) => {
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.isAllowed(origin, req)) {
      // embed.js asks before it shows anything: a readable refusal lets it stay hidden and say why in one console
      // line, where a CORS failure would leave the browser's own errors. Nothing here is worth keeping from anyone.
      res.header('Vary', 'Origin');
      res.header('Access-Control-Allow-Origin', origin);
      res.header('cache-control', 'no-store');
      const refused: ChatConfig = { mode: 'refused', reason: `${origin} is not in the bot's ALLOWED_ORIGINS` };
      return void res.send(200, refused);
    }
    if (!origins.guard(req, res)) return;
    const answer: ChatConfig = mode === 'local'
      ? { mode, title: deps.brand.title, directLine: { domain: DIRECT_LINE_PATH, webSocket: true } }
      : mode === 'azure'
        ? { mode, title: deps.brand.title, directLine: { domain: azureDirectLine, webSocket: true } }
        : { mode, reason: 'Web Chat is not set up on this server.' };
    res.header('cache-control', 'no-store');
    res.send(200, answer);
  });

  server.opts('/api/directline/token', origins.preflight);
  server.post('/api/directline/token', async (req: restify.Request, res: restify.Response) => {
    if (!origins.guard(req, res)) return;
    res.header('cache-control', 'no-store');
    if (localDirectLine) {
      const { token, conversationId, expires_in: expiresIn, userId } = localDirectLine.generateToken();
      return void res.send(200, { token, conversationId, expiresIn, userId });
    }
    if (mode !== 'azure') return void res.send(503, { error: 'Web Chat is not configured on this bot' });
    try {
      res.send(200, await fetchAzureDirectLineToken({ endpoint: config.directLineEndpoint, secret: config.directLineSecret, userId: `dl_${randomUUID()}`, fetch: deps.fetch }));
    } catch (error) {
      log.error({ err: error instanceof Error ? error.message : error }, 'could not get a Direct Line token');
      res.send(502, { error: 'could not get a Direct Line token' });
    }
  });

  if (localDirectLine) {
    localDirectLine.register(server);
    for (const path of ['/tokens/generate', '/tokens/refresh', '/conversations', '/conversations/:conversationId', '/conversations/:conversationId/activities']) {
      server.opts(`${DIRECT_LINE_PATH}${path}`, origins.preflight);
    }
  }
  return { mode, localDirectLine };
}
