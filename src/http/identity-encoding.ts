import type { Next, Request, Response } from 'restify';

/**
 * Refuses a request body sent compressed (Content-Encoding other than identity) with 415, before anything reads it.
 * restify's body reader would inflate gzip and count the compressed bytes against the body limit, so 249 KB of gzip
 * could become 250 MB in memory. No client of this bot compresses what it sends (Bot Framework channels, Web Chat,
 * the Emulator), so refusing costs nothing.
 */
export function identityEncodingOnly(req: Request, res: Response, next: Next): void {
  const encoding = req.headers['content-encoding'];
  const codings = (encoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
  if (codings.every((c) => c === 'identity')) {
    // "identity" means no coding at all; restify's body reader only knows the header's absence for that.
    delete req.headers['content-encoding'];
    return next();
  }
  // RFC 7694: a 415 for an unsupported content coding says which codings are acceptable.
  res.header('Accept-Encoding', 'identity');
  res.header('Connection', 'close');
  res.send(415, { error: 'request bodies must not be compressed: send them with no Content-Encoding' });
  return next(false);
}
