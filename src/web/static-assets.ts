import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, parse } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type restify from 'restify';
import { PROJECT_ROOT } from '../paths.js';

/** The page, its script and styles, and the embed script: plain files served as they are. */
export const WEB_DIR = join(PROJECT_ROOT, 'web');
/** How long browsers may keep Web Chat's bundle: a day; it changes only with the package version. */
const BUNDLE_MAX_AGE_SECONDS = 24 * 60 * 60;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Web Chat's full bundle (Adaptive Cards included): the botframework-webchat package's own dist/webchat.js, put in
 * node_modules/.botframework-webchat/ by `npm install` (scripts/fetch-web-chat.mjs, pinned and integrity-checked in
 * package.json's config.webChatBundle), so no CDN is involved and the package's dependency tree is never installed.
 */
export const WEB_CHAT_BUNDLE_FILE = join(PROJECT_ROOT, 'node_modules', '.botframework-webchat', 'dist', 'webchat.js');

/** The bundle's path; throws, saying how to fix it, when the install step that fetches it has not run. */
export function webChatBundlePath(): string {
  if (!existsSync(WEB_CHAT_BUNDLE_FILE)) {
    throw new Error(`Web Chat's bundle is missing (${WEB_CHAT_BUNDLE_FILE}); run \`npm install\`, whose postinstall step fetches it`);
  }
  return WEB_CHAT_BUNDLE_FILE;
}

/** Serves Web Chat's bundle, gzipped once and kept when the browser accepts gzip (it is about 4 MB, under 1 MB gzipped). */
export function serveWebChatBundle(): restify.RequestHandler {
  const path = webChatBundlePath();
  let gzipped: Promise<Buffer> | undefined;
  return async (req: restify.Request, res: restify.Response) => {
    const headers = { 'content-type': CONTENT_TYPES['.js'] ?? '', 'cache-control': `public, max-age=${BUNDLE_MAX_AGE_SECONDS}`, 'x-content-type-options': 'nosniff', vary: 'Accept-Encoding' };
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      gzipped ??= readFile(path).then((raw) => promisify(gzip)(raw));
      const body = await gzipped.catch((error: unknown) => {
        gzipped = undefined; // try again next time rather than fail for ever
        throw error;
      });
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
      return;
    }
    res.writeHead(200, headers);
    createReadStream(path).pipe(res);
  };
}

/** Serves one file from web/, read afresh each time so edits show on reload; names are fixed by the routes. */
export function serveWebFile(name: string): restify.RequestHandler {
  const path = join(WEB_DIR, name);
  const type = CONTENT_TYPES[parse(name).ext] ?? 'application/octet-stream';
  return async (_req: restify.Request, res: restify.Response) => {
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    res.end(body);
  };
}
