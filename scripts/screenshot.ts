// Takes the README's pictures of the chat: boots the bot on a free loopback port, opens the page in headless Chromium
// at desktop and phone sizes, and the embedded panel on a demo careers portal, and saves them in docs/.
// Run with `npm run screenshot`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/create-app.js';
import { loadConfiguredKnowledge, primaryPack } from '../src/knowledge/load-knowledge.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { listeningPort, startServer } from '../src/server.js';
import { startPortal } from './demo-portal.js';
import { launchChromium } from './launch-chromium.js';

const DOCS = join(PROJECT_ROOT, 'docs');
/** A laptop, and a phone held upright: the sizes the browser tests check too. */
const DESKTOP = { width: 1280, height: 800 } as const;
const PHONE = { width: 390, height: 844 } as const;
/** Longest wait for the welcome or an answer to show. */
const SHOW_TIMEOUT_MS = 15_000;
/** Time for Web Chat to finish scrolling to the newest message after it shows. */
const SETTLE_MS = 600;

interface Shot {
  readonly file: string;
  readonly viewport: { readonly width: number; readonly height: number };
  /** Where the picture is taken: the chat page, or the demo portal with the chat button. */
  readonly where: 'page' | 'portal';
  /** What the person asks before the picture, in order. */
  readonly questions: readonly string[];
}

const SHOTS: readonly Shot[] = [
  { file: 'webchat-desktop.png', viewport: DESKTOP, where: 'page', questions: ['How much do MSLs earn in California?'] },
  { file: 'webchat-phone.png', viewport: PHONE, where: 'page', questions: ['What skills does an MSL need?'] },
  { file: 'webchat-embed.png', viewport: DESKTOP, where: 'portal', questions: ['Do I need a PhD?'] },
];

async function ask(page: Page, chat: Page | ReturnType<Page['frameLocator']>, question: string): Promise<void> {
  const answers = chat.locator('.webchat__bubble:not(.webchat__bubble--from-user)');
  const before = await answers.count();
  await chat.locator('[data-id="webchat-sendbox-input"]').fill(question);
  await chat.locator('[data-id="webchat-sendbox-input"]').press('Enter');
  await answers.nth(before).waitFor({ timeout: SHOW_TIMEOUT_MS });
  await page.waitForTimeout(SETTLE_MS);
}

async function take(browser: Browser, shot: Shot, bot: string, portal: string, welcome: string): Promise<void> {
  const context = await browser.newContext({ viewport: shot.viewport });
  try {
    const page = await context.newPage();
    let chat: Page | ReturnType<Page['frameLocator']> = page;
    if (shot.where === 'portal') {
      await page.goto(portal);
      await page.getByRole('button', { name: /^Open chat/ }).click();
      chat = page.frameLocator('iframe');
    } else {
      await page.goto(bot);
    }
    await chat.getByText(welcome).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
    for (const question of shot.questions) await ask(page, chat, question);
    // The pointer off the buttons, and no focus ring from the typing.
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: join(DOCS, shot.file) });
    console.log(`Saved ${join(DOCS, shot.file)}`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const knowledge = loadConfiguredKnowledge(loadConfig());
  let bot = '';
  const portal = await startPortal(() => bot, () => ({ title: 'Ask Acme Careers', accent: '#a03060', starters: 'Is travel part of the job?', position: 'right', offset: '24 84' }));
  const server = await startServer(createApp(loadConfig({ ALLOWED_ORIGINS: portal.origin }), knowledge), 0, '127.0.0.1');
  bot = `http://127.0.0.1:${listeningPort(server)}`;
  const browser = await launchChromium();
  try {
    mkdirSync(DOCS, { recursive: true });
    for (const shot of SHOTS) await take(browser, shot, `${bot}/`, `${portal.origin}/`, primaryPack(knowledge).replies.welcome.slice(0, 40));
  } finally {
    await browser.close();
    server.close();
    portal.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
