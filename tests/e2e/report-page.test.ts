import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/launch-chromium.js';
import { renderReport } from '../../src/report/render-report.js';
import { DESKTOP, PHONE, seriousAccessibilityProblems } from '../support/browser-page.js';
import { sampleReport } from '../support/sample-log.js';

describe('the report page in a browser', function () {
  // Starting Chromium takes a few seconds on a busy machine; the checks themselves take well under one.
  this.timeout(60_000);
  let browser: Browser;
  let page: string;
  before(async () => {
    page = renderReport(await sampleReport(), { generatedAt: new Date('2026-03-09T08:00:00Z'), sources: ['sample.log'] });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  for (const [name, viewport] of [['a laptop', DESKTOP], ['a phone', PHONE]] as const) {
    describe(`on ${name}`, () => {
      let tab: Page;
      const requests: string[] = [];
      before(async () => {
        tab = await browser.newPage({ viewport });
        tab.on('request', (request) => requests.push(request.url()));
        await tab.setContent(page, { waitUntil: 'load' });
      });
      after(async () => {
        await tab.close();
      });

      it('loads nothing from anywhere: every style and chart is in the page', () => {
        expect(requests).to.deep.equal([]);
      });

      it('has no serious accessibility problem by axe’s rules (contrast, names, headings, tables)', async () => {
        expect(await seriousAccessibilityProblems(tab)).to.deep.equal([]);
      });

      it('fits the window’s width, so nothing needs scrolling sideways', async () => {
        const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).to.be.at.most(0);
      });

      it('shows the question someone typed as a script as text, and runs nothing', async () => {
        const cell = tab.getByRole('rowheader', { name: '<script>alert(document.cookie)</script>' });
        expect(await cell.count()).to.equal(1);
        expect(await tab.evaluate(() => document.scripts.length)).to.equal(0);
      });
    });
  }
});
