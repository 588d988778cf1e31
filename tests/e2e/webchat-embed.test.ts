import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { listeningPort, startServer } from '../../src/server.js';
import { launchChromium } from '../../scripts/launch-chromium.js';
import { DESKTOP, isLocal, PHONE, seriousAccessibilityProblems, SHOW_TIMEOUT_MS, startPortal, type Portal } from '../support/browser-page.js';
import { say } from '../../src/answer/words.js';
import { FIXTURE_ENV, fixtureKnowledge, fixturePack } from '../support/knowledge.js';

const TITLE = 'Ask Acme Careers';
/** One starter the welcome already offers (written differently), one it does not. */
const STARTERS = 'what is a clinical research associate|Is travel part of the job?';
/** How often, and how long apart, focus is read again while it moves between the portal and the chat frame. */
const FOCUS_SETTLE_TRIES = 20;
const FOCUS_SETTLE_MS = 25;

describe('the chat embedded on a portal with embed.js', function () {
  this.timeout(120_000);

  let browser: Browser;
  let server: Server;
  let base: string;
  let portal: Portal;
  let refusedPortal: Portal;
  /** The script tag's attributes on the allowed portal; a test may change them before it loads the page. */
  let attributes: Record<string, string>;
  const welcome = say(fixturePack(), 'welcome').slice(0, 40);

  before(async () => {
    browser = await launchChromium();
    portal = await startPortal(() => base, () => attributes);
    refusedPortal = await startPortal(() => base, () => attributes);
    server = await startServer(createApp(loadConfig({ ...FIXTURE_ENV, ALLOWED_ORIGINS: portal.origin }), fixtureKnowledge()), 0, '127.0.0.1');
    base = `http://127.0.0.1:${listeningPort(server)}`;
    mkdirSync(join(PROJECT_ROOT, 'test-artifacts'), { recursive: true });
  });

  after(async () => {
    await browser?.close();
    server?.close();
    portal?.close();
    refusedPortal?.close();
  });

  let context: BrowserContext;
  let consoleMessages: string[];
  let foreignRequests: string[];
  beforeEach(() => {
    attributes = { title: TITLE, accent: '#a03060', starters: STARTERS };
    consoleMessages = [];
    foreignRequests = [];
  });
  afterEach(async () => {
    await context?.close();
  });

  async function visit(site: Portal, viewport: { width: number; height: number }): Promise<Page> {
    context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.on('console', (message) => consoleMessages.push(message.text()));
    page.on('request', (request) => {
      if (!isLocal(request.url())) foreignRequests.push(request.url());
    });
    await page.goto(`${site.origin}/`);
    return page;
  }
  const launcher = (page: Page) => page.getByRole('button', { name: `Open chat: ${TITLE}` });
  const dialog = (page: Page) => page.getByRole('dialog', { name: TITLE });
  /** Opens the panel and waits for the chat inside to greet; returns the chat's frame. */
  async function openChat(page: Page): Promise<Frame> {
    await launcher(page).click();
    const chat = page.frameLocator(`iframe[title="${TITLE}"]`);
    await chat.getByText(welcome).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
    const frame = page.frames().find((f) => f.url().startsWith(`${base}/embed`));
    if (!frame) throw new Error('the chat frame is missing');
    return frame;
  }
  /**
   * Where focus is: the portal's element, or the element inside the chat frame. The frame is another site, so
   * Chromium runs it in another process and moves focus into it a moment after the key press: until then the
   * portal's document has nothing focused (BODY), and the answer is read again.
   */
  const focusIn = async (page: Page, frame: Frame): Promise<string> => {
    for (let tries = 0; ; tries += 1) {
      const outer = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? '');
      if (outer === 'IFRAME') {
        return `chat: ${await frame.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.getAttribute('data-id') ?? document.activeElement?.textContent ?? '')}`;
      }
      if (outer !== 'BODY' || tries === FOCUS_SETTLE_TRIES) return outer;
      await page.waitForTimeout(FOCUS_SETTLE_MS);
    }
  };

  it('shows nothing on a site missing from ALLOWED_ORIGINS, and says why in one console message', async () => {
    const page = await visit(refusedPortal, DESKTOP);
    await page.waitForFunction(() => document.readyState === 'complete');
    const deadline = Date.now() + SHOW_TIMEOUT_MS;
    while (consoleMessages.length === 0 && Date.now() < deadline) await page.waitForTimeout(100);
    // Time for anything else the script might add or log.
    await page.waitForTimeout(500);
    expect(consoleMessages, 'console messages').to.have.length(1);
    expect(consoleMessages[0]).to.include('ALLOWED_ORIGINS').and.include(refusedPortal.origin);
    expect(await page.locator('button, iframe, [role="dialog"]').count(), 'chat elements on the page').to.equal(0);
  });

  it('opens as a modal dialog that takes the focus, keeps Tab inside, and gives focus back when Escape or its close button closes it', async () => {
    const page = await visit(portal, DESKTOP);
    await launcher(page).waitFor({ timeout: SHOW_TIMEOUT_MS });
    expect(await launcher(page).getAttribute('aria-expanded')).to.equal('false');
    const frame = await openChat(page);

    expect(await dialog(page).getAttribute('aria-modal')).to.equal('true');
    expect(await page.getByRole('button', { name: `Close chat: ${TITLE}` }).getAttribute('aria-expanded')).to.equal('true');
    await page.waitForFunction(() => document.activeElement?.tagName === 'IFRAME', undefined, { timeout: SHOW_TIMEOUT_MS });
    await frame.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input', undefined, { timeout: SHOW_TIMEOUT_MS });

    // Round the panel both ways: every stop is in it, and the close button comes round again.
    for (const key of ['Tab', 'Shift+Tab']) {
      const stops: string[] = [];
      for (let i = 0; i < 20; i += 1) {
        await page.keyboard.press(key);
        stops.push(await focusIn(page, frame));
      }
      expect(stops.every((stop) => stop === 'Close chat' || stop.startsWith('chat: ')), `${key} stops: ${stops.join(' | ')}`).to.equal(true);
      expect(stops.filter((stop) => stop === 'Close chat').length, `${key} stops at the close button`).to.be.at.least(2);
    }

    // Escape inside the chat, in its message box, closes the panel and puts focus back on the launcher.
    await frame.locator('[data-id="webchat-sendbox-input"]').focus();
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'hidden', timeout: SHOW_TIMEOUT_MS });
    expect(await focusIn(page, frame)).to.equal(`Open chat: ${TITLE}`);

    // Escape on the portal's side of the panel (its close button) does the same, and so does the close button.
    for (const how of ['Escape', 'click'] as const) {
      await launcher(page).click();
      await dialog(page).waitFor({ state: 'visible', timeout: SHOW_TIMEOUT_MS });
      const closeButton = page.getByRole('button', { name: 'Close chat', exact: true });
      if (how === 'click') await closeButton.click();
      else await closeButton.press('Escape');
      await dialog(page).waitFor({ state: 'hidden', timeout: SHOW_TIMEOUT_MS });
      expect(await focusIn(page, frame), `focus after ${how}`).to.equal(`Open chat: ${TITLE}`);
    }
    expect(await launcher(page).getAttribute('aria-haspopup')).to.equal('dialog');
    expect(foreignRequests, 'requests to other hosts').to.deep.equal([]);
  });

  it("offers the advisor's starter questions only where the welcome does not already", async () => {
    const page = await visit(portal, PHONE);
    const frame = await openChat(page);
    const starters = await frame.locator('#starters button').allInnerTexts();
    expect(starters).to.deep.equal(['Is travel part of the job?']);
  });

  for (const viewport of [DESKTOP, PHONE]) {
    it(`has no serious or critical accessibility problems on the portal at ${viewport.width}×${viewport.height}, closed and open`, async () => {
      const page = await visit(portal, viewport);
      await launcher(page).waitFor({ timeout: SHOW_TIMEOUT_MS });
      expect(await seriousAccessibilityProblems(page), 'the portal with the chat closed').to.deep.equal([]);
      const frame = await openChat(page);
      expect(await seriousAccessibilityProblems(page), 'the portal with the chat open').to.deep.equal([]);
      expect(await seriousAccessibilityProblems(frame), 'the chat in its panel').to.deep.equal([]);
      await page.screenshot({ path: join(PROJECT_ROOT, 'test-artifacts', `webchat-embedded-${viewport.width}.png`) });
    });
  }

  it('sits on the side and at the offset data-position and data-offset ask for, clear of the footer', async () => {
    attributes = { ...attributes, position: 'left', offset: '24 80' };
    const page = await visit(portal, DESKTOP);
    const button = await launcher(page).boundingBox();
    expect(button, 'the launcher').to.not.equal(null);
    expect(button?.x).to.equal(24);
    expect(DESKTOP.height - ((button?.y ?? 0) + (button?.height ?? 0)), 'px from the bottom').to.equal(80);
    const footer = await page.locator('footer').boundingBox();
    expect((button?.y ?? 0) + (button?.height ?? 0), 'the launcher bottom').to.be.at.most(footer?.y ?? 0);

    await openChat(page);
    const panel = await dialog(page).boundingBox();
    expect(panel?.x, 'the panel on the left too').to.equal(24);
    expect((panel?.y ?? 0) + (panel?.height ?? 0), 'the panel above the launcher').to.be.below(button?.y ?? 0);
  });

  it('warns about a data-position it does not know, once, and stays on the right', async () => {
    attributes = { ...attributes, position: 'middle' };
    const page = await visit(portal, DESKTOP);
    const button = await launcher(page).boundingBox();
    expect(DESKTOP.width - ((button?.x ?? 0) + (button?.width ?? 0)), 'px from the right').to.equal(20);
    expect(consoleMessages.filter((message) => message.includes('data-position'))).to.have.length(1);
  });

  it('fills the whole screen on a phone', async () => {
    const page = await visit(portal, PHONE);
    await openChat(page);
    expect(await dialog(page).boundingBox()).to.deep.equal({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    expect(await page.getByRole('button', { name: 'Close chat', exact: true }).isVisible()).to.equal(true);
  });

  it('refuses to be framed by a site missing from ALLOWED_ORIGINS', async () => {
    const page = await visit(refusedPortal, DESKTOP);
    // Chromium reports the refusal on the embedding page's console.
    const refusal = page.waitForEvent('console', { predicate: (message) => message.text().includes('frame-ancestors'), timeout: SHOW_TIMEOUT_MS });
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.title = 'chat';
      document.body.appendChild(frame);
    }, `${base}/embed`);
    expect((await refusal).text()).to.include('frame-ancestors').and.include(base);
    expect(await page.frameLocator('iframe[title="chat"]').getByText(welcome).count()).to.equal(0);
  });
});
