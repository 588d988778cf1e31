export interface CspSources {
  /** Extra places the page's Direct Line client may connect to (Azure's Direct Line in production). */
  readonly connect: readonly string[];
  /** Who may frame the page (CSP frame-ancestors). */
  readonly frameAncestors: readonly string[];
}

/**
 * The chat page's Content-Security-Policy: scripts, images and connections from the bot's own origin only (plus the
 * Direct Line service when it is Azure's), no inline script, no plugins, and framing only by the allowed origins.
 * Styles need 'unsafe-inline': Web Chat's CSS-in-JS creates style elements, not all of which take a nonce.
 */
export function contentSecurityPolicy({ connect, frameAncestors }: CspSources): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    // Web Chat draws some icons as data: URIs and turns others into blob: URLs of its own making.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ['connect-src', "'self'", ...connect].join(' '),
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    ['frame-ancestors', ...frameAncestors].join(' '),
  ].join('; ');
}
