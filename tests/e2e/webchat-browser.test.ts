import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { listeningPort, startServer } from '../../src/server.js';
import { launchChromium } from '../../scripts/launch-chromium.js';
import { cutOffLabels, DESKTOP, isLocal, PHONE, seriousAccessibilityProblems, SHOW_TIMEOUT_MS } from '../support/browser-page.js';
import { say } from '../../src/answer/words.js';
import { FIXTURE_ENV, fixtureFigure, fixtureKnowledge, fixturePack } from '../support/knowledge.js';
import { CollectedLog } from '../support/collected-log.js';
import { WEB_CHAT_FEEDBACK_EVENT } from '../../src/feedback/vote.js';

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const MARKUP = '<b>bold</b><img src=x onerror=alert(1)>';
/** The dots Web Chat draws while a typing activity from the bot is fresh. */
const TYPING_INDICATOR = '.webchat__typing-indicator';
const pack = fixturePack();
/** Questions whose answers offer the longest follow-up labels the fixture guide has: its parts, and its industries. */
const QUESTIONS_WITH_LONG_LABELS = ['Clinical research associate career tips', 'what do CRAs earn in hospitals?'];
/** One message in the transcript: its bubble and the status line under it, where Web Chat draws the thumbs. */
const TRANSCRIPT_ACTIVITY = 'article.webchat__basic-transcript__activity';
/** A guide answer of one unit, and words only its answer shows (the question repeats the heading). */
const HOURS = [...pack.units.values()].find((u) => u.title === 'Typical work hours')!;
const HOURS_WORDS = HOURS.excerpt.flatMap((p) => (p.kind === 'paragraph' ? [p.text.slice(0, 40)] : []))[0]!;
/**
 * Longest wait for a line in the log: a turn is logged before its answer shows, and Web Chat posts a vote 500 ms
 * after the click (in case the person changes their mind); the limit is for a busy machine.
 */
const LOGGED_MS = 10_000;
/** What these tests read of a turn's log line. */
type LoggedTurn = { conversationId: string; units: string[]; outcome: string };

describe('Web Chat in a real browser', function () {
  this.timeout(120_000);

  let browser: Browser;
  let server: Server;
  let base: string;
  const log = new CollectedLog();
  const welcome = say(pack, 'welcome').slice(0, 40);

  before(async () => {
    // A missing Chromium fails here with instructions; CI installs it.
    browser = await launchChromium();
    server = await startServer(createApp(loadConfig(FIXTURE_ENV), fixtureKnowledge(), log.logger), 0, '127.0.0.1');
    base = `http://127.0.0.1:${listeningPort(server)}`;
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** A fresh page (its own sessionStorage) with what it did wrong recorded: foreign requests, dialogs, CSP, errors. */
  async function openPage(viewport: { width: number; height: number }, path = '/') {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const problems = { foreignRequests: [] as string[], dialogs: [] as string[], policyViolations: [] as string[], pageErrors: [] as string[] };
    page.on('request', (request) => {
      if (!isLocal(request.url())) problems.foreignRequests.push(request.url());
    });
    page.on('dialog', (dialog) => {
      problems.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) problems.policyViolations.push(message.text());
    });
    page.on('pageerror', (error) => problems.pageErrors.push(error.message));
    await page.goto(`${base}${path}`);
    await shows(page, welcome);
    return { page, problems, close: () => context.close() };
  }

  const shows = async (page: Page, text: string): Promise<void> => {
    await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: SHOW_TIMEOUT_MS });
  };
  const ask = async (page: Page, question: string): Promise<void> => {
    const answers = await page.locator('.webchat__bubble:not(.webchat__bubble--from-user)').count();
    await page.locator('[data-id="webchat-sendbox-input"]').fill(question);
    await page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
    // Answered when a new bot bubble shows; its buttons come with it.
    await page.locator('.webchat__bubble:not(.webchat__bubble--from-user)').nth(answers).waitFor({ timeout: SHOW_TIMEOUT_MS });
  };

  it('greets, answers with a salary card, follows up, takes a suggested action, renders lists, and shows markup as text', async () => {
    const { page, problems, close } = await openPage(DESKTOP);
    try {
      await ask(page, 'how much do CRAs make in Washington?');
      // A reply with figures is one Adaptive Card, rendered by Web Chat's bundled Adaptive Cards.
      await page.locator('.ac-adaptiveCard', { hasText: fixtureFigure('WA') }).first().waitFor({ state: 'visible', timeout: SHOW_TIMEOUT_MS });

      await ask(page, 'and in Texas?');
      await page.locator('.ac-adaptiveCard', { hasText: 'Texas is the second' }).first().waitFor({ state: 'visible', timeout: SHOW_TIMEOUT_MS });

      await page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: 'Pay in Oregon' }).click();
      await page.locator('.ac-adaptiveCard', { hasText: 'Oregon is the third' }).first().waitFor({ state: 'visible', timeout: SHOW_TIMEOUT_MS });
      await shows(page, fixtureFigure('OR'));

      // Markdown lists ("- " items after a blank line) render as list items, not as one run-on paragraph.
      await ask(page, 'how do I become a clinical research associate?');
      await page.locator('.webchat__bubble li', { hasText: 'Step 1: Earn a degree' }).first().waitFor({ state: 'visible', timeout: SHOW_TIMEOUT_MS });
      expect(await page.locator('.webchat__bubble li', { hasText: 'Step ' }).count()).to.be.at.least(4);

      await ask(page, MARKUP);
      await shows(page, MARKUP); // the user's own bubble, as typed
      await shows(page, say(pack, 'offTopic').slice(0, 30));
      const mine = page.locator('.webchat__bubble--from-user', { hasText: MARKUP });
      expect(await mine.count(), 'the bubble of the typed markup').to.be.greaterThan(0);
      expect(await mine.locator('b, img').count(), 'elements made from the typed markup').to.equal(0);
      expect(await page.locator('img[src="x"]').count(), 'an <img> from the typed markup anywhere').to.equal(0);

      await page.screenshot({ path: join(ARTIFACTS, 'webchat.png') });
      expect(problems).to.deep.equal({ foreignRequests: [], dialogs: [], policyViolations: [], pageErrors: [] });
    } finally {
      await close();
    }
  });

  it('puts thumbs up and down under a guide answer only, and logs a click on one as a vote naming that answer\'s units', async () => {
    const { page, problems, close } = await openPage(DESKTOP);
    try {
      const likes = page.getByRole('button', { name: 'Like', exact: true });
      expect(await likes.count(), 'thumbs under the welcome').to.equal(0);

      const turnsBefore = log.withMessage('turn').length;
      await ask(page, HOURS.ask);
      const answer = page.locator(TRANSCRIPT_ACTIVITY, { hasText: HOURS_WORDS });
      await answer.getByRole('button', { name: 'Dislike', exact: true }).waitFor({ timeout: SHOW_TIMEOUT_MS });
      expect(await answer.getByRole('button', { name: 'Like', exact: true }).count(), 'thumbs up under the answer').to.equal(1);
      const [turn] = (await log.waitFor('turn', turnsBefore, (r) => r.length > 0, LOGGED_MS)).map((r) => r.turn as LoggedTurn);
      expect(turn?.units, 'the units the answer came from, as its turn logged them').to.deep.equal([HOURS.id]);

      const votesBefore = log.withMessage('feedback').length;
      const posted = page.waitForRequest((r) => r.method() === 'POST' && (r.postData() ?? '').includes(WEB_CHAT_FEEDBACK_EVENT), { timeout: LOGGED_MS });
      await answer.getByRole('button', { name: 'Dislike', exact: true }).click();
      await answer.locator('[aria-pressed="true"]').waitFor({ timeout: SHOW_TIMEOUT_MS });
      await posted;
      const [vote] = await log.waitFor('feedback', votesBefore, (r) => r.length > 0, LOGGED_MS);
      expect(vote?.feedback).to.deep.equal({ conversationId: turn!.conversationId, channelId: 'webchat', units: [HOURS.id], outcome: 'answer', vote: 'down' });

      // Small talk is not from the guide: no thumbs under it, so the answer's stay the only ones.
      const talkFrom = log.withMessage('turn').length;
      await ask(page, 'help');
      const [talk] = (await log.waitFor('turn', talkFrom, (r) => r.length > 0, LOGGED_MS)).map((r) => r.turn as LoggedTurn);
      expect(talk?.outcome).to.equal('talk');
      expect(await likes.count(), 'thumbs up on the page').to.equal(1);
      expect(log.withMessage('feedback').length - votesBefore, 'votes logged for one click').to.equal(1);
      expect(problems.pageErrors).to.deep.equal([]);
    } finally {
      await close();
    }
  });

  it('does not stamp every message with its own time', async () => {
    const { page, close } = await openPage(DESKTOP);
    try {
      await ask(page, 'Work environment');
      await ask(page, 'What does a CRA do on a typical day?');
      expect(await page.locator('.webchat__bubble').count(), 'messages shown').to.be.at.least(5);
      // Answers that ask for votes keep their status line, with the time in it hidden: count only what shows.
      const stamps = await page.getByText('Just now').all();
      expect((await Promise.all(stamps.map((s) => s.isVisible()))).filter(Boolean), 'visible "Just now" stamps').to.deep.equal([]);
    } finally {
      await close();
    }
  });

  it('shows a typing indicator while the bot works on an answer', async () => {
    const { page, close } = await openPage(DESKTOP);
    try {
      // The answer follows the typing activity within milliseconds, so the indicator is caught as it is drawn.
      await page.evaluate((selector) => {
        const seen = { typing: false };
        (window as unknown as { typingSeen: typeof seen }).typingSeen = seen;
        new MutationObserver(() => {
          if (document.querySelector(selector)) seen.typing = true;
        }).observe(document.body, { childList: true, subtree: true });
      }, TYPING_INDICATOR);
      await ask(page, 'Typical work hours');
      expect(await page.evaluate(() => (window as unknown as { typingSeen: { typing: boolean } }).typingSeen.typing), 'typing indicator shown').to.equal(true);
    } finally {
      await close();
    }
  });

  for (const viewport of [DESKTOP, PHONE]) {
    const size = `${viewport.width}×${viewport.height}`;

    it(`shows every button label whole at ${size}, in less than a third of the screen`, async () => {
      const { page, close } = await openPage(viewport);
      try {
        expect(await cutOffLabels(page), 'labels cut off on the welcome').to.deep.equal([]);
        for (const question of QUESTIONS_WITH_LONG_LABELS) {
          await ask(page, question);
          const toolbar = page.getByRole('toolbar', { name: 'Suggested actions' });
          await toolbar.getByRole('button').first().waitFor({ timeout: SHOW_TIMEOUT_MS });
          expect(await cutOffLabels(page), `labels cut off after "${question}"`).to.deep.equal([]);
          const height = (await toolbar.boundingBox())?.height ?? Infinity;
          expect(height, `height of the buttons after "${question}"`).to.be.below(viewport.height / 3);
        }
        await page.screenshot({ path: join(ARTIFACTS, `webchat-buttons-${viewport.width}.png`) });
      } finally {
        await close();
      }
    });

    it(`has no serious or critical accessibility problems at ${size}, salary card included`, async () => {
      const { page, close } = await openPage(viewport);
      try {
        expect(await seriousAccessibilityProblems(page), 'on the welcome').to.deep.equal([]);
        await ask(page, 'how much do CRAs make in Washington?');
        await page.locator('.ac-adaptiveCard').first().waitFor({ state: 'visible', timeout: SHOW_TIMEOUT_MS });
        expect(await seriousAccessibilityProblems(page), 'after a salary answer').to.deep.equal([]);
      } finally {
        await close();
      }
    });
  }

  it('shows the starter questions an embedding page asks for, and sends one when clicked', async () => {
    const { page, problems, close } = await openPage(PHONE, `/embed?title=${encodeURIComponent('Ask Acme Careers')}&accent=%23a03060&starter=${encodeURIComponent('Is travel part of the job?')}`);
    try {
      await page.getByRole('heading', { name: 'Ask Acme Careers' }).waitFor({ timeout: SHOW_TIMEOUT_MS });
      const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
      expect(accent).to.equal('#a03060');

      await page.locator('#starters').getByRole('button', { name: 'Is travel part of the job?' }).click();
      // The question shows as the user's, and the starters make way for the conversation.
      await page.locator('.webchat__bubble--from-user', { hasText: 'Is travel part of the job?' }).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
      await page.locator('#starters').waitFor({ state: 'hidden', timeout: SHOW_TIMEOUT_MS });
      expect(problems.foreignRequests, 'requests to other hosts').to.deep.equal([]);
    } finally {
      await close();
    }
  });
});
