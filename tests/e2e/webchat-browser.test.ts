import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { listeningPort, startServer } from '../../src/server.js';
import { launchChromium } from '../../scripts/launch-chromium.js';
import { realKnowledge } from '../support/knowledge.js';

/** Longest wait for one thing to show on the page; answers take milliseconds, Web Chat polls every second. */
const SHOW_TIMEOUT_MS = 15_000;
const SCREENSHOT = join(PROJECT_ROOT, 'test-artifacts', 'webchat.png');
const MARKUP = '<b>bold</b><img src=x onerror=alert(1)>';

/** Addresses the page may load: the bot itself, and the data:/blob: URLs Web Chat makes in the page. */
/** A page on another site that adds the chat with the documented script tag. */
async function startSite(botBase: () => string): Promise<HttpServer> {
  const site = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Careers</title><h1>Careers at Acme</h1>
      <script src="${botBase()}/embed.js" data-title="Ask Acme Careers" data-accent="#a03060" data-starters="Do I need a PhD?" async></script>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return site;
}
const siteOrigin = (site: HttpServer): string => `http://localhost:${(site.address() as AddressInfo).port}`;

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

describe('Web Chat in a real browser', function () {
  this.timeout(120_000);

  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: Server;
  let base: string;
  /** Two sites that embed the chat with the script tag: one listed in ALLOWED_ORIGINS, one not. */
  let allowedSite: HttpServer;
  let otherSite: HttpServer;
  const foreignRequests: string[] = [];
  const dialogs: string[] = [];
  const policyViolations: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    // A missing Chromium fails here with instructions; CI installs it.
    browser = await launchChromium();
    allowedSite = await startSite(() => base);
    otherSite = await startSite(() => base);
    // "localhost" and "127.0.0.1" are different origins to a browser, so the sites are foreign to the bot.
    const app = createApp(loadConfig({ ALLOWED_ORIGINS: siteOrigin(allowedSite) }), realKnowledge());
    server = await startServer(app, 0, '127.0.0.1');
    base = `http://127.0.0.1:${listeningPort(server)}`;
    context = await browser.newContext({ viewport: { width: 900, height: 800 } });
    page = await context.newPage();
    page.on('request', (request) => {
      if (!isLocal(request.url())) foreignRequests.push(request.url());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    server?.close();
    allowedSite?.close();
    otherSite?.close();
  });

  const sendBox = () => page.locator('[data-id="webchat-sendbox-input"]');
  const ask = async (question: string): Promise<void> => {
    await sendBox().fill(question);
    await sendBox().press('Enter');
  };
  const shows = async (text: string): Promise<void> => {
    await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: SHOW_TIMEOUT_MS });
  };

  it('greets, answers with a salary card, follows up, takes a suggested action, and shows markup as text', async () => {
    await page.goto(`${base}/`);
    await shows(realKnowledge().replies.welcome.slice(0, 40));

    await ask('how much do MSLs earn in California');
    await shows('$164,660');
    // The figures come as an Adaptive Card too, rendered by Web Chat's bundled Adaptive Cards.
    await page.locator('.ac-adaptiveCard', { hasText: '$164,660' }).first().waitFor({ state: 'visible', timeout: SHOW_TIMEOUT_MS });

    await ask('and in New York?');
    await shows('$157,290');

    await page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: 'What about New Jersey?' }).click();
    await shows('$161,210');

    await ask(MARKUP);
    await shows(MARKUP); // the user's own bubble, as typed
    await shows(realKnowledge().replies.fallback.slice(0, 30));
    const mine = page.locator('.webchat__bubble--from-user', { hasText: MARKUP });
    expect(await mine.count(), 'the bubble of the typed markup').to.be.greaterThan(0);
    expect(await mine.locator('b, img').count(), 'elements made from the typed markup').to.equal(0);
    expect(await page.locator('img[src="x"]').count(), 'an <img> from the typed markup anywhere').to.equal(0);

    mkdirSync(join(PROJECT_ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    expect(dialogs, 'dialogs opened by the page').to.deep.equal([]);
    expect(foreignRequests, 'requests to other hosts').to.deep.equal([]);
    expect(policyViolations, 'Content-Security-Policy violations').to.deep.equal([]);
    expect(pageErrors, 'script errors').to.deep.equal([]);
  });

  it('shows the starter questions an embedding page asks for, and sends one when clicked', async () => {
    const embedded = await context.newPage();
    embedded.on('request', (request) => {
      if (!isLocal(request.url())) foreignRequests.push(request.url());
    });
    try {
      await embedded.goto(`${base}/embed?title=${encodeURIComponent('Ask Acme Careers')}&accent=%23a03060&starter=${encodeURIComponent('Do I need a PhD?')}`);
      await embedded.getByRole('heading', { name: 'Ask Acme Careers' }).waitFor({ timeout: SHOW_TIMEOUT_MS });
      await embedded.getByText(realKnowledge().replies.welcome.slice(0, 40)).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
      const accent = await embedded.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
      expect(accent).to.equal('#a03060');

      await embedded.locator('#starters').getByRole('button', { name: 'Do I need a PhD?' }).click();
      // The question shows as the user's, and the starters make way for the conversation.
      await embedded.locator('.webchat__bubble--from-user', { hasText: 'Do I need a PhD?' }).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
      await embedded.locator('#starters').waitFor({ state: 'hidden', timeout: SHOW_TIMEOUT_MS });
      expect(foreignRequests, 'requests to other hosts').to.deep.equal([]);
    } finally {
      await embedded.close();
    }
  });

  it('opens from the script tag on an allowed site, in a panel framed from the bot', async () => {
    const site = await context.newPage();
    site.on('request', (request) => {
      if (!isLocal(request.url())) foreignRequests.push(request.url());
    });
    try {
      await site.goto(`${siteOrigin(allowedSite)}/`);
      await site.getByRole('button', { name: 'Open chat: Ask Acme Careers' }).click();
      const chat = site.frameLocator('iframe[title="Ask Acme Careers"]');
      await chat.getByText(realKnowledge().replies.welcome.slice(0, 40)).first().waitFor({ timeout: SHOW_TIMEOUT_MS });
      await chat.locator('#starters').getByRole('button', { name: 'Do I need a PhD?' }).waitFor({ timeout: SHOW_TIMEOUT_MS });
      mkdirSync(join(PROJECT_ROOT, 'test-artifacts'), { recursive: true });
      await site.screenshot({ path: join(PROJECT_ROOT, 'test-artifacts', 'webchat-embedded.png') });
      await site.getByRole('button', { name: 'Close chat: Ask Acme Careers' }).click();
      await site.getByRole('dialog', { name: 'Ask Acme Careers' }).waitFor({ state: 'hidden', timeout: SHOW_TIMEOUT_MS });
      expect(foreignRequests, 'requests to other hosts').to.deep.equal([]);
    } finally {
      await site.close();
    }
  });

  it('refuses to be framed by a site missing from ALLOWED_ORIGINS', async () => {
    const site = await context.newPage();
    try {
      await site.goto(`${siteOrigin(otherSite)}/`);
      // Chromium reports the refusal on the embedding page's console.
      const refusal = site.waitForEvent('console', { predicate: (message) => message.text().includes('frame-ancestors'), timeout: SHOW_TIMEOUT_MS });
      await site.getByRole('button', { name: 'Open chat: Ask Acme Careers' }).click();
      expect((await refusal).text()).to.include('frame-ancestors').and.include(base);
      const welcome = site.frameLocator('iframe[title="Ask Acme Careers"]').getByText(realKnowledge().replies.welcome.slice(0, 40));
      expect(await welcome.count()).to.equal(0);
    } finally {
      await site.close();
    }
  });
});
