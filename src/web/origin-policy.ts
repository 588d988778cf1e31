import type restify from 'restify';

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

  constructor(readonly allowedOrigins: readonly string[], publicUrl?: string) {
    this.allowed = new Set([...allowedOrigins, ...(publicUrl ? [new URL(publicUrl).origin] : [])].map((o) => o.toLowerCase()));
  }

  /** True for the bot's own origin (the request's Host) and the configured ones. */
  isAllowed(origin: string, req: restify.Request): boolean {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false; // "null" (sandboxed frames, files) and garbage
    }
    return parsed.host === req.headers.host || this.allowed.has(parsed.origin);
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
