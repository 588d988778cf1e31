import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { ConversationStore } from '../../src/directline/conversation-store.js';
import { listeningPort, startServer } from '../../src/server.js';
import { launchChromium } from '../../scripts/launch-chromium.js';
import { DESKTOP, PHONE, SHOW_TIMEOUT_MS } from '../support/browser-page.js';
import { say } from '../../src/answer/words.js';
import { FIXTURE_ENV, fixtureFigure, fixtureKnowledge, fixturePack } from '../support/knowledge.js';

/** What the page says in the transcript when it had to start over. */
const RESTART_NOTE = 'The chat was restarted, so this is a new conversation.';
/** A conversation's idle life in the expiry test: long enough for a question and its answer, short to wait out. */
const SHORT_IDLE_MS = 2_000;

describe('Web Chat across reloads and bot restarts', function () {
  this.timeout(120_000);

  let browser: Browser;
  let server: Server;
  let port: number;
  const welcome = say(fixturePack(), 'welcome').slice(0, 40);

  /**
   * The bot on a port: a free one the first time, then the same one again, as a restarted bot would be. Its
   * conversations may be forgotten sooner than the real half hour, as if the page had sat idle that long.
   */
  async function startBot(onPort = 0, idleTtlMs?: number): Promise<void> {
    const app = createApp(loadConfig(FIXTURE_ENV), fixtureKnowledge());
    const store = idleTtlMs === undefined ? undefined : new ConversationStore({ idleTtlMs });
    server = await startServer({ ...app, webChat: { ...app.webChat, ...(store ? { store } : {}) } }, onPort, '127.0.0.1');
    port = listeningPort(server);
  }

  /** Stops the bot for good: its conversations and the key that signed its tokens go with it. */
  async function stopBot(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Chromium keeps connections open; without this the old bot would go on answering on them.
    server.server.closeAllConnections();
    await closed;
  }

  before(async () => {
    browser = await launchChromium();
    await startBot();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  let context: BrowserContext;
  afterEach(async () => {
    await context?.close();
  });

  async function openPage(viewport: { width: number; height: number }): Promise<Page> {
    context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByText(welcome).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
    return page;
  }
  const ask = async (page: Page, question: string): Promise<void> => {
    await page.locator('[data-id="webchat-sendbox-input"]').fill(question);
    await page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
  };
  const answered = async (page: Page, text: string): Promise<void> => {
    await page.locator('.webchat__bubble:not(.webchat__bubble--from-user)', { hasText: text }).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
  };
  const transcript = (page: Page): Promise<string[]> => page.locator('.webchat__bubble').allInnerTexts();

  it('resumes the conversation with its history after a reload', async () => {
    const page = await openPage(PHONE);
    await ask(page, 'how much do CRAs make in Washington?');
    await answered(page, fixtureFigure('WA'));
    const before = await transcript(page);

    await page.reload();
    await answered(page, fixtureFigure('WA'));
    await page.locator('.webchat__bubble--from-user', { hasText: 'how much do CRAs make in Washington?' }).waitFor({ timeout: SHOW_TIMEOUT_MS });
    expect(await transcript(page), 'the transcript after the reload').to.deep.equal(before);
    expect(await page.locator('.webchat__bubble', { hasText: RESTART_NOTE }).count(), 'restart notes').to.equal(0);

    // And it goes on: the same conversation remembers the place asked about.
    await ask(page, 'and in Texas?');
    await answered(page, fixtureFigure('TX'));
  });

  it('starts a fresh conversation that works, and says so, when the bot restarts under an open page', async () => {
    const page = await openPage(DESKTOP);
    await ask(page, 'Work environment');
    // The welcome, then the answer.
    await page.locator('.webchat__bubble:not(.webchat__bubble--from-user)').nth(1).waitFor({ timeout: SHOW_TIMEOUT_MS });

    await stopBot();
    await startBot(port);

    await ask(page, 'how much do CRAs make in Washington?');
    await page.getByText(RESTART_NOTE).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
    await answered(page, fixtureFigure('WA'));
    const texts = await transcript(page);
    const note = texts.findIndex((text) => text.includes(RESTART_NOTE));
    // The old conversation stays above the note; the new one's welcome and the answer come after it.
    expect(texts.slice(0, note).some((text) => text.includes(welcome)), 'the old welcome above the note').to.equal(true);
    expect(texts.slice(note + 1).some((text) => text.includes(welcome)), 'the new welcome below the note').to.equal(true);
    expect(texts.slice(note + 1).some((text) => text.includes(fixtureFigure('WA'))), 'the answer below the note').to.equal(true);
    expect(await page.getByText(/Send failed/).count(), '"Send failed" prompts').to.equal(0);
    expect(texts.filter((text) => text.includes('how much do CRAs make in Washington?')), 'the question, once').to.have.length(1);
  });

  it('starts a fresh conversation with the note when a reloaded page finds its conversation gone', async () => {
    const page = await openPage(PHONE);
    await ask(page, 'Work environment');
    await page.locator('.webchat__bubble--from-user', { hasText: 'Work environment' }).waitFor({ timeout: SHOW_TIMEOUT_MS });

    await stopBot();
    await startBot(port);
    await page.reload();

    await page.getByText(RESTART_NOTE).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
    await answered(page, welcome);
    await ask(page, 'how much do CRAs make in Washington?');
    await answered(page, fixtureFigure('WA'));
  });

  it('starts a fresh conversation with the note when the open conversation was forgotten for sitting idle', async () => {
    await stopBot();
    await startBot(port, SHORT_IDLE_MS);
    try {
      const page = await openPage(DESKTOP);
      await ask(page, 'Work environment');
      await page.locator('.webchat__bubble--from-user', { hasText: 'Work environment' }).waitFor({ timeout: SHOW_TIMEOUT_MS });
      // Idle past the conversation's life; the page's token is still good, only the conversation is gone.
      await page.waitForTimeout(SHORT_IDLE_MS * 2);
      await ask(page, 'how much do CRAs make in Washington?');
      await page.getByText(RESTART_NOTE).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
      await answered(page, fixtureFigure('WA'));
      expect(await page.getByText(/Send failed/).count(), '"Send failed" prompts').to.equal(0);
    } finally {
      await stopBot();
      await startBot(port);
    }
  });
});
