import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';

/** Longest wait for one thing to show on the page; answers take milliseconds, Web Chat polls every second. */
export const SHOW_TIMEOUT_MS = 15_000;
/** The two windows people use the chat in: a laptop, and a phone held upright. */
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** axe-core's browser build, evaluated in the page: the pages' CSP forbids injected script tags, not evaluation. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rules axe broke at "serious" or "critical" impact, one line per element, for a readable failure. */
export async function seriousAccessibilityProblems(target: Page | Frame): Promise<string[]> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(AXE_SOURCE);
  // A cross-origin frame has its own document; callers check it separately, in its own context.
  const violations = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'], iframes: false })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
}

/** Buttons whose label does not fit: text cut off on either axis, compared as the browser laid it out. */
export async function cutOffLabels(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.webchat__suggested-action, .webchat__suggested-action__text, #starters button'))
      .filter((element) => element.getClientRects().length > 0)
      .filter((element) => element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight)
      .map((element) => element.textContent ?? ''));
}

/** Addresses a page may load: the bot and the test's own sites on loopback, and the data:/blob: URLs Web Chat makes. */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

export interface Portal {
  /** As a browser names it: "localhost" and "127.0.0.1" are different origins, so the portal is foreign to the bot. */
  readonly origin: string;
  close(): void;
}

/**
 * A careers portal on another loopback port that adds the chat with the documented script tag, given the tag's data-
 * attributes. Its page has a fixed footer of links, as real portals do, and a link before it to tab from.
 */
export async function startPortal(botBase: () => string, attributes: () => Readonly<Record<string, string>>): Promise<Portal> {
  const server: Server = createServer((_req, res) => {
    const data = Object.entries(attributes()).map(([name, value]) => ` data-${name}="${value}"`).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Careers at Acme</title></head>
      <body style="margin:0;font-family:sans-serif">
      <main style="padding:16px"><h1>Careers at Acme</h1><p>Open roles in medical affairs.</p><a href="#roles">See the roles</a></main>
      <footer style="position:fixed;left:0;right:0;bottom:0;height:60px;background:#222;color:#fff;padding:8px 16px">
        <a href="#privacy" style="color:#fff">Privacy</a> <a href="#terms" style="color:#fff">Terms</a></footer>
      <script src="${botBase()}/embed.js"${data} async></script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://localhost:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
