import { isIP } from 'node:net';
import type restify from 'restify';
import { isLoopback } from '../outbound/service-url-policy.js';

/** How long a browser may cache a CORS preflight answer; short, so a changed ALLOWED_ORIGINS applies soon. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;
/** Headers Web Chat's Direct Line client sends on cross-origin calls. */
const ALLOWED_HEADERS = 'authorization, content-type, x-ms-bot-agent, x-requested-with';

/**
 * Which browser origins may use the chat: the bot's own, PUBLIC_URL's and those in ALLOWED_ORIGINS. The same list
 * feeds CORS on the API and the page's frame-ancestors, so a site that can embed the chat can also call it.
 */
export class OriginPolicy {
  private readonly allowed: ReadonlySet<string>;
  private readonly knowsItsOrigin: boolean;

  constructor(readonly allowedOrigins: readonly string[], publicUrl?: string) {
    this.allowed = new Set([...allowedOrigins, ...(publicUrl ? [new URL(publicUrl).origin] : [])].map((o) => o.toLowerCase()));
    this.knowsItsOrigin = publicUrl !== undefined;
  }

  /**
   * True for the configured origins (PUBLIC_URL's and ALLOWED_ORIGINS) and, when PUBLIC_URL is not set, for the
   * bot's own origin on this machine. The Host header is the client's to write (a DNS-rebinding page sends its own
   * name in both Host and Origin), so it only stands for the bot's origin when it names loopback, where the bot runs
   * for local use; a deployment reached by any other name sets PUBLIC_URL.
   */
  isAllowed(origin: string, req: restify.Request): boolean {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false; // "null" (sandboxed frames, files) and garbage
    }
    if (this.allowed.has(parsed.origin)) return true;
    if (this.knowsItsOrigin || parsed.host !== req.headers.host) return false;
    return isLoopbackHost(parsed.hostname);
  }

  /**
   * For API routes: a request without Origin (not from a browser page) passes; an allowed origin passes with CORS
   * headers; any other origin gets 403, so a foreign page cannot even spend our tokens, let alone read them.
   */
  readonly guard = (req: restify.Request, res: restify.Response): boolean => {
    const origin = req.headers.origin;
    res.header('Vary', 'Origin');
    if (origin === undefined) return true;
    if (!this.isAllowed(origin, req)) {
      res.send(403, { error: 'this origin may not use the chat; add it to ALLOWED_ORIGINS' });
      return false;
    }
    res.header('Access-Control-Allow-Origin', origin);
    return true;
  };

  /** Answers a CORS preflight (OPTIONS) for an API route. */
  readonly preflight = async (req: restify.Request, res: restify.Response): Promise<void> => {
    if (!this.guard(req, res)) return;
    res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    res.send(204);
  };

  /** The CSP frame-ancestors sources: the bot itself and every allowed origin. */
  frameAncestors(): string[] {
    return ["'self'", ...this.allowed];
  }
}

/** "localhost", "127.0.0.1", "[::1]" and the like: names that reach only this machine. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (isIP(host) !== 0) return isLoopback(host);
  return host === 'localhost' || host.endsWith('.localhost');
}
