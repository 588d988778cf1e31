import type { Next, Request, Response } from 'restify';

/**
 * Headers every response carries. The chat page's Content-Security-Policy (with frame-ancestors for
 * embedding) is set where the page is served; these are the ones that hold for every route.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  // Browsers must not guess a script or style out of a JSON answer.
  'X-Content-Type-Options': 'nosniff',
  // Conversation and token URLs must not leak to other sites through the Referer header.
  'Referrer-Policy': 'no-referrer',
  // The page needs no camera, microphone or location.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  // Popups the page opens get no handle back to it.
  'Cross-Origin-Opener-Policy': 'same-origin',
});

export function securityHeaders(_req: Request, res: Response, next: Next): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.header(name, value);
  next();
}
