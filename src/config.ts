import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { TrustProxySetting, type TrustProxy } from './http/client-address.js';
import { DEFAULT_PACK_DIR, PROJECT_ROOT } from './paths.js';
import { StorageConnectionString } from './storage/connection-string.js';

/** The Bot Framework's default local port; the Emulator and Agents Playground expect it. */
export const DEFAULT_PORT = 3978;
const MS_PER_SECOND = 1000;
/** The highest TCP port there is. */
const MAX_PORT = 65535;

export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];

/** Where conversation state lives: this process's memory, or an Azure Blob container that several instances share. */
export const STORAGE_KINDS = ['memory', 'blob'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];
/**
 * Idle conversations are forgotten after this long. The state only carries the last topic for follow-ups such as
 * "what about New York?"; after an hour away people ask afresh, and a forgotten topic costs one fuller question.
 */
export const DEFAULT_STATE_TTL_SECONDS = 60 * 60;
/**
 * Conversations kept in memory at most, least recently used dropped first. One conversation's state is about 100
 * bytes of JSON and holds about 400 bytes of heap with its key (`npm run bench` measures it), so 10,000 take about
 * 4 MB, well inside the 40 MB a bot instance may grow by, while being more conversations than one instance holds
 * open within the TTL.
 */
export const DEFAULT_STATE_MAX_CONVERSATIONS = 10_000;
/** The blob container for STORAGE=blob when none is named. */
export const DEFAULT_BLOB_CONTAINER = 'msl-bot-state';
/** Azure's rule for container names: 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit. */
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;
/** Variables whose values must never be echoed in an error message. */
const SECRET_VARIABLES = new Set(['MicrosoftAppPassword', 'AZURE_STORAGE_CONNECTION_STRING', 'DIRECT_LINE_SECRET']);
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/**
 * Requests per second one address may make to the public routes (the page, its API, the local Direct Line), on
 * average. Web Chat polls about once a second while open; ten leaves room for several people behind one address.
 */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 10;
/** Requests one address may make at once above that rate: a page load fetches about half a dozen files. */
export const DEFAULT_RATE_LIMIT_BURST = 60;
/**
 * The longest the bot waits on one call to a channel's connector (posting a reply). Azure's connector answers in
 * well under a second; a target that takes longer is broken or hostile, and each waiting call holds a turn open.
 */
export const DEFAULT_CONNECTOR_TIMEOUT_SECONDS = 10;
/** The ceiling on CONNECTOR_TIMEOUT_SECONDS: past 10 s a silent target would hold turns open too long. */
const MAX_CONNECTOR_TIMEOUT_SECONDS = 10;
/**
 * After SIGTERM the bot keeps serving this long, /readyz answering 503 and every answer closing its connection, so
 * load balancers notice and stop sending before the listener closes. Kubernetes takes a few seconds to remove a
 * terminating pod from its endpoints; five covers that.
 */
export const DEFAULT_SHUTDOWN_NOTICE_SECONDS = 5;
/**
 * Then it waits this long for requests in flight. A turn takes milliseconds; this covers a slow storage write or
 * connector call, and notice plus drain stay well inside the 30 seconds container platforms give before SIGKILL.
 */
export const DEFAULT_SHUTDOWN_DRAIN_SECONDS = 10;
/** Azure Bot Service's Direct Line, where DIRECT_LINE_SECRET is exchanged for short-lived tokens. */
export const DEFAULT_DIRECT_LINE_ENDPOINT = 'https://directline.botframework.com';

// An http(s) base URL, stored without a trailing slash so paths can be appended.
const baseUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).transform((url) => url.replace(/\/+$/, ''));
// "https://a.example, https://b.example:8443" → each must be a bare origin (scheme, host, optional port), as browsers send it.
const originList = z.string().transform((value, ctx) => {
  const origins = value.split(',').map((o) => o.trim().replace(/\/$/, '')).filter((o) => o !== '');
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.toLowerCase()) {
      ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin like https://careers.example.org (scheme, host and port only)` });
    }
  }
  return origins.map((o) => o.toLowerCase());
});

// Unset and blank variables mean the same thing: a `.env` line like `PORT=` must not turn into 0.
const optional = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
// Azure portal and docs spell the app type in different cases; accept any and store the canonical one.
const appType = (value: unknown): unknown =>
  typeof value === 'string' ? (APP_TYPES.find((t) => t.toLowerCase() === value.trim().toLowerCase()) ?? value) : value;

const EnvVariables = z
  .object({
    MicrosoftAppId: z.preprocess(optional, z.string().trim().default('')),
    MicrosoftAppPassword: z.preprocess(optional, z.string().default('')),
    MicrosoftAppType: z.preprocess(
      (v) => appType(optional(v)),
      z.enum(APP_TYPES, { error: `must be one of ${APP_TYPES.join(', ')}` }).default('MultiTenant'),
    ),
    MicrosoftAppTenantId: z.preprocess(optional, z.string().trim().default('')),
    // Where the Bot Framework publishes the keys that sign channel tokens; only private clouds and tests change it.
    BotOpenIdMetadata: z.preprocess(optional, z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional()),
    PORT: z.preprocess(
      optional,
      z.coerce.number({ error: 'must be a port number' })
        .int('must be a whole number')
        .min(0, 'must be 0 or more')
        .max(MAX_PORT, `must be ${MAX_PORT} or less`)
        .default(DEFAULT_PORT),
    ),
    STORAGE: z.preprocess(
      (v) => (typeof v === 'string' ? optional(v.trim().toLowerCase()) : v),
      z.enum(STORAGE_KINDS, { error: `must be one of ${STORAGE_KINDS.join(', ')}` }).default('memory'),
    ),
    STATE_TTL_SECONDS: z.preprocess(
      optional,
      z.coerce.number({ error: 'must be a number of seconds' }).int('must be a whole number').min(1, 'must be 1 or more').default(DEFAULT_STATE_TTL_SECONDS),
    ),
    STATE_MAX_CONVERSATIONS: z.preprocess(
      optional,
      z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 or more').default(DEFAULT_STATE_MAX_CONVERSATIONS),
    ),
    AZURE_STORAGE_CONNECTION_STRING: z.preprocess(optional, StorageConnectionString.optional()),
    AZURE_STORAGE_CONTAINER: z.preprocess(
      optional,
      z.string().trim()
        .regex(CONTAINER_NAME, 'must be 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit')
        .default(DEFAULT_BLOB_CONTAINER),
    ),
    DIRECT_LINE_SECRET: z.preprocess(optional, z.string().trim().default('')),
    DIRECT_LINE_ENDPOINT: z.preprocess(optional, baseUrl.default(DEFAULT_DIRECT_LINE_ENDPOINT)),
    ALLOWED_ORIGINS: z.preprocess(optional, originList.default([])),
    PUBLIC_URL: z.preprocess(optional, baseUrl.optional()),
    LOG_LEVEL: z.preprocess(
      (v) => (typeof v === 'string' ? optional(v.trim().toLowerCase()) : v),
      z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    ),
    LOG_UNANSWERED_TEXT: z.preprocess(
      (v) => (typeof v === 'string' ? optional(v.trim().toLowerCase()) : v),
      z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
    ),
    LOG_USER_TEXT: z.preprocess(
      (v) => (typeof v === 'string' ? optional(v.trim().toLowerCase()) : v),
      z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
    ),
    // Comma-separated pack folders, relative to the project or absolute; the first is the default career.
    KNOWLEDGE_DIR: z.preprocess(optional, z.string().default(DEFAULT_PACK_DIR).transform((v) =>
      v.split(',').map((d) => d.trim()).filter(Boolean).map((d) => (isAbsolute(d) ? d : join(PROJECT_ROOT, d))))
      .pipe(z.array(z.string()).min(1, 'must name at least one pack folder'))),
    GUIDE_URL: z.preprocess(optional, baseUrl.optional()),
    ADVISOR_URL: z.preprocess(optional, z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional()),
    ADVISOR_EMAIL: z.preprocess(optional, z.email({ error: 'must be an e-mail address' }).optional()),
    RATE_LIMIT_PER_SECOND: z.preprocess(
      optional,
      z.coerce.number({ error: 'must be a number' }).min(0, 'must be 0 (no limit) or more').default(DEFAULT_RATE_LIMIT_PER_SECOND),
    ),
    RATE_LIMIT_BURST: z.preprocess(
      optional,
      z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 or more').default(DEFAULT_RATE_LIMIT_BURST),
    ),
    TRUST_PROXY: z.preprocess(optional, TrustProxySetting.default({ kind: 'none' })),
    ALLOWED_SERVICE_URLS: z.preprocess(optional, originList.default([])),
    CONNECTOR_TIMEOUT_SECONDS: z.preprocess(
      optional,
      z.coerce.number({ error: 'must be a number of seconds' })
        .positive('must be more than 0')
        .max(MAX_CONNECTOR_TIMEOUT_SECONDS, `must be ${MAX_CONNECTOR_TIMEOUT_SECONDS} or less`)
        .default(DEFAULT_CONNECTOR_TIMEOUT_SECONDS),
    ),
    SHUTDOWN_NOTICE_SECONDS: z.preprocess(
      optional,
      z.coerce.number({ error: 'must be a number of seconds' }).min(0, 'must be 0 or more').default(DEFAULT_SHUTDOWN_NOTICE_SECONDS),
    ),
    SHUTDOWN_DRAIN_SECONDS: z.preprocess(
      optional,
      z.coerce.number({ error: 'must be a number of seconds' }).min(0, 'must be 0 or more').default(DEFAULT_SHUTDOWN_DRAIN_SECONDS),
    ),
  });

/** The project's settings file; .env.example is its template. */
const ENV_FILE = join(PROJECT_ROOT, '.env');

/**
 * The environment every command reads: the process's, with the project's .env loaded under it when there is one
 * (a variable set in the shell wins over the file). Tests pass their own environment to loadConfig instead.
 */
export function projectEnvironment(): NodeJS.ProcessEnv {
  if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  return process.env;
}

/** Every environment variable the bot reads; .env.example documents exactly these. */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(EnvVariables.shape);

const Env = EnvVariables
  .superRefine((env, ctx) => {
    if (env.STORAGE === 'blob' && !env.AZURE_STORAGE_CONNECTION_STRING) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_STORAGE_CONNECTION_STRING'], message: 'is required when STORAGE is blob (the storage account\'s connection string, from Access keys in the Azure portal)' });
    }
    // No app id is the local mode: the Emulator and Agents Playground send unauthenticated requests.
    if (!env.MicrosoftAppId) return;
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: `is required when MicrosoftAppId is set and MicrosoftAppType is ${env.MicrosoftAppType}` });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required when MicrosoftAppType is ${env.MicrosoftAppType}` });
    }
  });

/** The settings ConfigurationBotFrameworkAuthentication reads, under the names it expects. */
export interface BotAuthConfig {
  readonly MicrosoftAppId: string;
  readonly MicrosoftAppPassword: string;
  readonly MicrosoftAppType: AppType;
  readonly MicrosoftAppTenantId: string;
  readonly BotOpenIdMetadata?: string;
}

/** Where conversation state is kept; see STORAGE_KINDS. */
export type StorageConfig =
  | { readonly kind: 'memory'; readonly ttlSeconds: number; readonly maxConversations: number }
  | { readonly kind: 'blob'; readonly connectionString: string; readonly container: string };

/** The chat page and where its Direct Line comes from. */
export interface WebChatConfig {
  /** Azure Bot Service's Direct Line secret; when set the page talks to Azure with tokens exchanged for it. */
  readonly directLineSecret: string;
  /** Base URL of the Direct Line service the secret belongs to. */
  readonly directLineEndpoint: string;
  /** Origins allowed to embed the page and call its API, besides the bot's own. */
  readonly allowedOrigins: readonly string[];
  /** The bot's public base URL: an allowed origin, and where the local Direct Line's stream URLs point. */
  readonly publicUrl: string | undefined;
  /**
   * True when DIRECT_LINE_SECRET is not set: the bot then hosts its own Direct Line. Its turns run in process and
   * need no Azure token, so it works with or without an app id.
   */
  readonly localDirectLine: boolean;
}

export interface LoggingConfig {
  readonly level: LogLevel;
  /** Whether turn logs carry the user's words, for content review; off by default. */
  readonly userText: boolean;
  /** Whether turn logs carry the words of questions the bot could not answer, e-mail addresses and phone numbers masked; off by default. */
  readonly unansweredText: boolean;
}

/** Per-address rate limit on the public routes; perSecond 0 turns it off. */
export interface RateLimitConfig {
  readonly perSecond: number;
  readonly burst: number;
  /** Which proxies' X-Forwarded-For to believe about who the client is. */
  readonly trustProxy: TrustProxy;
}

/** Calls the bot makes to channels' connectors (its replies). */
export interface ConnectorConfig {
  readonly timeoutMs: number;
  /**
   * Origins the bot may reply to when it runs without an app id, besides loopback (the Emulator, Agents
   * Playground). With an app id the channel's signed token vouches for the serviceUrl instead.
   */
  readonly allowedServiceUrls: readonly string[];
}

/** How SIGTERM is handled: keep serving while load balancers notice, then wait for what is in flight. */
export interface ShutdownConfig {
  readonly noticeMs: number;
  readonly drainMs: number;
}

/** Which guide packs to serve, and where the first one's guide is published. */
export interface KnowledgeConfig {
  readonly packDirs: readonly string[];
  /** Sources link to the guide's sections here (anchors from section headings). */
  readonly guideUrl: string | undefined;
}

/** Where people can reach a person, offered on request and after two misses in a row; neither set, the bot says it is a guide bot. */
export interface AdvisorConfig {
  readonly url: string | undefined;
  readonly email: string | undefined;
}

export interface BotConfig {
  readonly auth: BotAuthConfig;
  readonly knowledge: KnowledgeConfig;
  readonly advisor: AdvisorConfig;
  readonly logging: LoggingConfig;
  readonly rateLimit: RateLimitConfig;
  readonly connector: ConnectorConfig;
  readonly shutdown: ShutdownConfig;
  readonly port: number;
  readonly storage: StorageConfig;
  readonly webChat: WebChatConfig;
  /** False when MicrosoftAppId is empty: requests are not authenticated (Emulator, Agents Playground). */
  readonly authEnabled: boolean;
}

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the bot's settings; the only place the environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  // Parsed once per start: zod's compiled fast path would cost more than it saves.
  const result = Env.safeParse(env, { jitless: true });
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => {
      const name = i.path.map(String).join('.');
      const value = SECRET_VARIABLES.has(name) ? undefined : env[name];
      return `${name}${value !== undefined ? ` (got "${value}")` : ''}: ${i.message}`;
    }));
  }
  const {
    DIRECT_LINE_SECRET, DIRECT_LINE_ENDPOINT, ALLOWED_ORIGINS, PUBLIC_URL, LOG_LEVEL, LOG_USER_TEXT, LOG_UNANSWERED_TEXT, RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST,
    TRUST_PROXY, ALLOWED_SERVICE_URLS, CONNECTOR_TIMEOUT_SECONDS, SHUTDOWN_NOTICE_SECONDS, SHUTDOWN_DRAIN_SECONDS, KNOWLEDGE_DIR, GUIDE_URL, ADVISOR_URL, ADVISOR_EMAIL, ...rest
  } = result.data;
  const knowledge: KnowledgeConfig = { packDirs: KNOWLEDGE_DIR, guideUrl: GUIDE_URL };
  const advisor: AdvisorConfig = { url: ADVISOR_URL, email: ADVISOR_EMAIL };
  const logging: LoggingConfig = { level: LOG_LEVEL, userText: LOG_USER_TEXT === 'true', unansweredText: LOG_UNANSWERED_TEXT === 'true' };
  const rateLimit: RateLimitConfig = { perSecond: RATE_LIMIT_PER_SECOND, burst: RATE_LIMIT_BURST, trustProxy: TRUST_PROXY };
  const connector: ConnectorConfig = { timeoutMs: CONNECTOR_TIMEOUT_SECONDS * MS_PER_SECOND, allowedServiceUrls: ALLOWED_SERVICE_URLS };
  const shutdown: ShutdownConfig = { noticeMs: SHUTDOWN_NOTICE_SECONDS * MS_PER_SECOND, drainMs: SHUTDOWN_DRAIN_SECONDS * MS_PER_SECOND };
  const webChat: WebChatConfig = {
    directLineSecret: DIRECT_LINE_SECRET,
    directLineEndpoint: DIRECT_LINE_ENDPOINT,
    allowedOrigins: ALLOWED_ORIGINS,
    publicUrl: PUBLIC_URL,
    localDirectLine: DIRECT_LINE_SECRET === '',
  };
  const { PORT, STORAGE, STATE_TTL_SECONDS, STATE_MAX_CONVERSATIONS, AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_CONTAINER, ...auth } = rest;
  const storage: StorageConfig = STORAGE === 'blob'
    ? { kind: 'blob', connectionString: AZURE_STORAGE_CONNECTION_STRING ?? '', container: AZURE_STORAGE_CONTAINER }
    : { kind: 'memory', ttlSeconds: STATE_TTL_SECONDS, maxConversations: STATE_MAX_CONVERSATIONS };
  return { auth, knowledge, advisor, logging, rateLimit, connector, shutdown, port: PORT, storage, webChat, authEnabled: auth.MicrosoftAppId !== '' };
}
