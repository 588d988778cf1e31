import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

export { startPortal, type Portal } from '../../scripts/demo-portal.js';
