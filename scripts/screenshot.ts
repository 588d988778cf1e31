// Takes the README's picture of the chat: boots the bot on a free loopback port, opens the page in headless
// Chromium, asks a salary question and saves docs/webchat.png.  Run with `npm run screenshot`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/create-app.js';
import { loadConfiguredKnowledge } from '../src/knowledge/load-knowledge.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { listeningPort, startServer } from '../src/server.js';
import { launchChromium } from './launch-chromium.js';

const OUTPUT = join(PROJECT_ROOT, 'docs', 'webchat.png');
/** A desktop-sized window that still fits the README's column. */
const VIEWPORT = { width: 900, height: 760 } as const;
/** Longest wait for the welcome or the answer to show. */
const SHOW_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  const config = loadConfig({});
  const knowledge = loadConfiguredKnowledge(config);
  const server = await startServer(createApp(config, knowledge), 0, '127.0.0.1');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`http://127.0.0.1:${listeningPort(server)}/`);
    await page.getByText(knowledge.packs[0]!.replies.welcome.slice(0, 40)).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
    await page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: 'Pay in California' }).click();
    await page.locator('.ac-adaptiveCard', { hasText: '$164,660' }).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
    // Move the pointer off the buttons and let Web Chat finish scrolling to the newest message.
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    mkdirSync(join(PROJECT_ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: OUTPUT });
    console.log(`Saved ${OUTPUT}`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
