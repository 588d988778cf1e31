import { z } from 'zod';

/** The Bot Framework's default local port; the Emulator and Agents Playground expect it. */
export const DEFAULT_PORT = 3978;
/** The highest TCP port there is. */
const MAX_PORT = 65535;

export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];

// Unset and blank variables mean the same thing: a `.env` line like `PORT=` must not turn into 0.
const optional = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
// Azure portal and docs spell the app type in different cases; accept any and store the canonical one.
const appType = (value: unknown): unknown =>
  typeof value === 'string' ? (APP_TYPES.find((t) => t.toLowerCase() === value.trim().toLowerCase()) ?? value) : value;

const Env = z
  .object({
    MicrosoftAppId: z.preprocess(optional, z.string().trim().default('')),
    MicrosoftAppPassword: z.preprocess(optional, z.string().default('')),
    MicrosoftAppType: z.preprocess(
      (v) => appType(optional(v)),
      z.enum(APP_TYPES, { error: `must be one of ${APP_TYPES.join(', ')}` }).default('MultiTenant'),
    ),
    MicrosoftAppTenantId: z.preprocess(optional, z.string().trim().default('')),
    PORT: z.preprocess(
      optional,
      z.coerce.number({ error: 'must be a port number' })
        .int('must be a whole number')
        .min(0, 'must be 0 or more')
        .max(MAX_PORT, `must be ${MAX_PORT} or less`)
        .default(DEFAULT_PORT),
    ),
  })
  .superRefine((env, ctx) => {
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
}

export interface BotConfig {
  readonly auth: BotAuthConfig;
  readonly port: number;
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
  const result = Env.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => {
      const name = i.path.map(String).join('.');
      const value = name === 'MicrosoftAppPassword' ? undefined : env[name];
      return `${name}${value !== undefined ? ` (got "${value}")` : ''}: ${i.message}`;
    }));
  }
  const { PORT, ...auth } = result.data;
  return { auth, port: PORT, authEnabled: auth.MicrosoftAppId !== '' };
}
