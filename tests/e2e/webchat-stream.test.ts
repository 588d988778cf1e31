import { expect } from 'chai';
import type { Browser, Page, WebSocket as PageWebSocket } from 'playwright-core';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { listeningPort, startServer } from '../../src/server.js';
import { launchChromium } from '../../scripts/launch-chromium.js';
import { say } from '../../src/answer/words.js';
import { FIXTURE_ENV, fixtureFigure, fixtureKnowledge, fixturePack } from '../support/knowledge.js';

/** Longest wait for one thing to show on the page or arrive on the stream; answers take milliseconds. */
const SHOW_TIMEOUT_MS = 15_000;

interface Frame {
  readonly activities: Array<{ readonly type: string; readonly text?: string; readonly attachments?: unknown[]; readonly from: { readonly role?: string } }>;
  readonly watermark?: string;
}

/**
 * Web Chat's own Direct Line client (DirectLineJS, bundled with Web Chat) against the local Direct Line's stream:
 * the page opens the stream it is offered and gets the welcome, a typing activity and answers through it, not by
 * polling. How the page shows them is the page's tests' concern.
 */
describe("Web Chat on the local Direct Line's WebSocket stream, in a real browser", function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  let server: Server;
  let base: string;
  const frames: Frame[] = [];
  const sockets: PageWebSocket[] = [];
  const polls: string[] = [];
  const problems: string[] = [];

  before(async () => {
    browser = await launchChromium();
    server = await startServer(createApp(loadConfig(FIXTURE_ENV), fixtureKnowledge(), { error: () => undefined }), 0, '127.0.0.1');
    base = `http://127.0.0.1:${listeningPort(server)}`;
    page = await browser.newPage();
    page.on('websocket', (socket) => {
      sockets.push(socket);
      socket.on('framereceived', ({ payload }) => {
        if (typeof payload === 'string' && payload) frames.push(JSON.parse(payload) as Frame);
      });
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('request', (request) => {
      if (request.method() === 'GET' && /\/activities(\?|$)/.test(request.url())) polls.push(request.url());
    });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  const arrived = async (predicate: (frame: Frame) => boolean): Promise<void> => {
    const deadline = Date.now() + SHOW_TIMEOUT_MS;
    while (!frames.some(predicate)) {
      if (Date.now() > deadline) throw new Error(`no such activity set arrived; got ${JSON.stringify(frames).slice(0, 500)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('streams the welcome, a typing activity and the answer to Web Chat, which never polls', async () => {
    await page.goto(`${base}/`);
    await arrived((f) => f.activities.some((a) => a.text === say(fixturePack(), 'welcome')));
    expect(sockets.map((s) => new URL(s.url()).pathname)).to.have.length(1);
    expect(new URL(sockets[0]?.url() ?? '').pathname).to.match(/^\/v3\/directline\/conversations\/[^/]+\/stream$/);

    const sendBox = page.locator('[data-id="webchat-sendbox-input"]');
    await sendBox.fill('how much do CRAs make in Washington?');
    await sendBox.press('Enter');
    await arrived((f) => f.activities.some((a) => a.type === 'typing' && a.from.role === 'bot'));
    await arrived((f) => f.activities.some((a) => a.type === 'message' && a.from.role === 'bot' && JSON.stringify(a.attachments ?? []).includes(fixtureFigure('WA'))));
    await page.getByText(fixtureFigure('WA')).first().waitFor({ state: 'visible', timeout: SHOW_TIMEOUT_MS });
    expect(polls, 'polls for activities').to.deep.equal([]);
    expect(problems, 'script errors and refused connections').to.deep.equal([]);
  });
});
