import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** How long a token works: 30 minutes, as Azure's Direct Line; Web Chat refreshes at half that. */
export const TOKEN_TTL_MS = 30 * 60 * 1000;
/**
 * How long a stream URL's token works: long enough to open the WebSocket right after the conversation call that
 * gave it, short enough that a URL that lands in a proxy's log is soon useless. Reconnecting asks for a new one.
 */
export const STREAM_TOKEN_TTL_MS = 60 * 1000;
/** Bytes of the per-process signing key: HMAC-SHA256's block-sized key. */
const SIGNING_KEY_BYTES = 32;

/**
 * What a token is for: the Direct Line API (an Authorization header), or opening a conversation's stream (a query
 * parameter, as browsers cannot set headers on a WebSocket). Neither works as the other.
 */
export type TokenUse = 'api' | 'stream';

/** What a token carries: the one conversation and user it is good for, when it stops working, and "s" for streams. */
const TokenClaims = z.object({ c: z.string().min(1), u: z.string().min(1), e: z.number().int(), p: z.literal('s').optional() });

export interface TokenClaims {
  readonly conversationId: string;
  readonly userId: string;
  readonly expiresAt: number;
}

export type TokenCheck =
  | { readonly ok: true; readonly claims: TokenClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad signature' | 'expired' | 'wrong use' };

/**
 * Signs and checks the local Direct Line's tokens. A token names its conversation and user and is signed with a key
 * made when the process starts, so it cannot be forged or moved to another conversation, and dies with the process,
 * as the conversations it names do.
 */
export class TokenIssuer {
  private readonly key: Buffer;
  private readonly now: () => number;
  readonly ttlMs: number;

  constructor(options: { readonly now?: () => number; readonly ttlMs?: number; readonly key?: Buffer } = {}) {
    this.key = options.key ?? randomBytes(SIGNING_KEY_BYTES);
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? TOKEN_TTL_MS;
  }

  issue(conversationId: string, userId: string, use: TokenUse = 'api'): string {
    const claims = use === 'stream'
      ? { c: conversationId, u: userId, e: this.now() + STREAM_TOKEN_TTL_MS, p: 's' }
      : { c: conversationId, u: userId, e: this.now() + this.ttlMs };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  check(token: string, use: TokenUse = 'api'): TokenCheck {
    const [payload, signature, ...extra] = token.split('.');
    if (!payload || !signature || extra.length > 0) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad signature' };
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const claims = TokenClaims.safeParse(decoded);
    if (!claims.success) return { ok: false, reason: 'malformed' };
    if ((claims.data.p === 's') !== (use === 'stream')) return { ok: false, reason: 'wrong use' };
    if (claims.data.e <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims: { conversationId: claims.data.c, userId: claims.data.u, expiresAt: claims.data.e } };
  }

  /** Whole seconds until a checked token expires, as Direct Line's expires_in. */
  secondsLeft(claims: TokenClaims): number {
    return Math.max(0, Math.round((claims.expiresAt - this.now()) / 1000));
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
