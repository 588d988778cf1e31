import { expect } from 'chai';
import { aggregateTurns, type ReportData } from '../../src/report/aggregate-turns.js';
import { escapeHtml, html } from '../../src/report/html.js';
import { parseLogLine } from '../../src/report/read-log-lines.js';
import { EMPTY_CATALOGUE } from '../../src/report/report-catalogue.js';
import { renderReport } from '../../src/report/render-report.js';
import { feedbackLine, SAMPLE_CATALOGUE, sampleReport, turnLine } from '../support/sample-log.js';

const OPTIONS = { generatedAt: new Date('2026-03-09T08:00:00Z'), sources: ['sample.log'] };

/** The text of some markup, as a reader sees it. */
function text(markup: string): string {
  return markup.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

/** The cells of the first table row whose header starts with the given text. */
function row(page: string, header: string): string[] | undefined {
  for (const tr of page.matchAll(/<tr>(.*?)<\/tr>/gs)) {
    const cells = [...tr[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => text(c[1]!));
    if (cells[0]?.startsWith(header)) return cells;
  }
  return undefined;
}

/** A section of the page, from its heading to the next h2. */
function section(page: string, heading: string): string {
  const start = page.indexOf(`>${heading}</h2>`);
  expect(start, `section "${heading}"`).to.be.greaterThan(-1);
  const end = page.indexOf('<h2', start);
  return page.slice(start, end === -1 ? undefined : end);
}

function report(lines: string[]): string {
  const data = aggregateTurns(lines.map((t, i) => ({ line: parseLogLine(t), where: { source: 'test.log', line: i + 1 } })), SAMPLE_CATALOGUE);
  return renderReport(data, OPTIONS);
}

describe('the report page', () => {
  let data: ReportData;
  let page: string;
  before(async () => {
    data = await sampleReport();
    page = renderReport(data, OPTIONS);
  });

  describe('is one self-contained, safe page', () => {
    it('has no script, and a Content-Security-Policy that would block one', () => {
      expect(page).not.to.match(/<script/i);
      expect(page).to.include(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    });

    it('loads nothing from elsewhere: no links to style sheets, fonts or images', () => {
      expect(page).not.to.match(/<link|<img|\bsrc=|\bhref=|url\(|@import|@font-face/i);
    });

    it('escapes a script tag someone typed, so it shows as text', () => {
      expect(page).to.include('&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
      expect(row(section(page, 'What the guide didn’t answer'), '<script>')).to.deep.equal(['<script>alert(document.cookie)</script>', 'off-topic', 'Mar 8, 19:31']);
    });

    it('escapes markup in a vote’s comment', () => {
      expect(page).to.include('Doesn&#39;t say if a &lt;b&gt;PharmD&lt;/b&gt; is enough');
      expect(page).not.to.include('<b>');
    });

    it('escapes unit ids and titles from the log and the packs', () => {
      const hostile = report([turnLine({ outcome: 'clarify', offered: ['<img src=x onerror=alert(1)>'], career: '"><svg onload=alert(1)>' })]);
      expect(hostile).not.to.match(/<img|<svg onload/i);
      expect(hostile).to.include('&lt;img src=x onerror=alert(1)&gt;');
    });
  });

  describe('shows the right figures', () => {
    it('heads the page with the career, the period and the key figures', () => {
      const header = text(page.slice(page.indexOf('<header>'), page.indexOf('</header>')));
      expect(header).to.include('Medical Science Liaison · March 2, 2026 to March 8, 2026 · 55 turns in 25 conversations');
      expect(header).to.include('Turns 55 Conversations 25 Answered 45% Not fully answered 24 44% Votes down 3 of 5 votes');
    });

    it('charts turns per day, one column a day, and lists them in a table', () => {
      const volume = section(page, 'Questions per day');
      expect([...volume.matchAll(/<g><title>/g)]).to.have.length(7);
      expect(volume).to.include('<title>Thu, Mar 5, 2026: 14 turns, 7 not fully answered</title>');
      expect(row(volume, 'Thu, Mar 5, 2026')).to.deep.equal(['Thu, Mar 5, 2026', '14', '7']);
      expect(row(volume, 'Sat, Mar 7, 2026')).to.deep.equal(['Sat, Mar 7, 2026', '2', '0']);
    });

    it('charts the outcome mix and gives its figures in a table', () => {
      const outcomes = section(page, 'How the bot replied');
      expect(outcomes).to.match(/<desc id="outcome-chart-desc">Turns by kind of reply\. Answered: 25 \(45%\); Partly answered: 5 \(9%\); Not in the guide: 10 \(18%\); Did you mean…\?: 4 \(7%\); Off-topic: 5 \(9%\); Everything else: 6 \(11%\)\.<\/desc>/);
      expect(row(outcomes, 'Answered')!.slice(0, 3)).to.deep.equal(['Answered', '25', '45%']);
      expect(row(outcomes, 'Not in the guide')![3]).to.include('(not in the guide 9, no figure in the guide 1)');
      expect(row(outcomes, 'Everything else')!.slice(0, 3)).to.deep.equal(['Everything else', '6', '11%']);
    });

    it('lists the topics the guide doesn’t cover with counts and example questions', () => {
      const unanswered = section(page, 'What the guide didn’t answer');
      expect(row(unanswered, 'Visas and sponsorship')).to.deep.equal([
        'Visas and sponsorship', '2', 'do MSLs need a visa sponsorship? (not in the guide) visa sponsorship for MSL jobs, H1B? (not in the guide)',
      ]);
    });

    it('lists the words people used with counts', () => {
      const unanswered = section(page, 'What the guide didn’t answer');
      expect(row(unanswered, 'jobs')?.slice(0, 2)).to.deep.equal(['jobs', '4']);
      expect(unanswered).to.include('38 more words came up less often.');
    });

    it('lists the latest unanswered questions, with e-mail addresses still masked', () => {
      const unanswered = section(page, 'What the guide didn’t answer');
      expect(unanswered).to.include('<caption>The 10 latest unanswered questions, newest first</caption>');
      expect(row(unanswered, 'looking for an MSL mentor')).to.deep.equal(['looking for an MSL mentor, please email me at [email]', 'off-topic', 'Mar 8, 16:20']);
      expect(page).not.to.match(/[\w.+-]+@[\w-]+\.[a-z]/i);
    });

    it('shows which "Did you mean" choices were offered and taken, by the unit’s title', () => {
      const choices = section(page, '“Did you mean…?” choices');
      expect(text(choices)).to.include('The bot asked “Did you mean…?” 4 times, and people took one of its choices 3 times (75%).');
      expect(row(choices, 'Career paths')).to.deep.equal(['Career paths career_path', '2', '1', '50%']);
      expect(row(choices, 'Career tips')).to.deep.equal(['Career tips tips', '2', '0', '0%']);
    });

    it('lists the answers voted down with their counts and comments', () => {
      const votes = section(page, 'Answers voted down');
      expect(text(votes)).to.include('People voted on answers 5 times: 2 up and 3 down.');
      expect(row(votes, 'Top employers')).to.deep.equal(['Top employers employers', '1', '0', 'I wanted numbers, not a list of names']);
      expect(row(votes, 'Duties')).to.equal(undefined);
    });

    it('says how many lines it read and which it skipped, and where', () => {
      const about = section(page, 'About this report');
      expect(text(about)).to.include('Read 126 lines from sample.log: 55 turns, 5 votes, 58 other log lines (requests, errors, start-up) set aside, 1 blank, and 7 skipped.');
      expect(row(about, 'not JSON')).to.deep.equal(['not JSON', '5', 'sample.log, line 2 sample.log, line 3 sample.log, line 4 sample.log, line 5 sample.log, line 114']);
      expect(row(about, 'feedback line that does not fit')![2]).to.include('sample.log, line 120 (feedback.vote:');
    });
  });

  describe('is accessible', () => {
    it('declares its language and has one h1, then h2 sections in order', () => {
      expect(page).to.include('<html lang="en">');
      expect([...page.matchAll(/<h1[ >]/g)]).to.have.length(1);
      expect([...page.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1])).to.deep.equal([
        'Questions per day', 'How the bot replied', 'What the guide didn’t answer', '“Did you mean…?” choices', 'Answers voted down', 'About this report',
      ]);
    });

    it('gives every table a caption and column headers with a scope', () => {
      const tables = [...page.matchAll(/<table>\s*<caption>[^<]+<\/caption>/g)];
      expect(tables).to.have.length([...page.matchAll(/<table>/g)].length);
      expect(page).not.to.match(/<th>/);
    });

    it('labels every chart with a title and a description that exist', () => {
      const charts = [...page.matchAll(/<svg [^>]*role="img" aria-labelledby="([^"]+)"/g)];
      expect(charts).to.have.length(2);
      for (const chart of charts) {
        for (const id of chart[1]!.split(' ')) expect(page).to.match(new RegExp(`<(title|desc) id="${id}">[^<]{10,}</(title|desc)>`));
      }
    });
  });

  describe('reads well when the log has little in it', () => {
    it('says so when there are no turns, without a blank chart or a stray NaN', () => {
      const empty = renderReport(aggregateTurns([], EMPTY_CATALOGUE), { ...OPTIONS, sources: [] });
      expect(empty).to.include('No turns in these logs');
      expect(empty).to.include('The bot never asked “Did you mean…?” in these logs.');
      expect(empty).to.include('No votes in these logs.');
      expect(empty).not.to.match(/NaN|undefined|Infinity/);
    });

    it('tells how to log the question text when the log has none', () => {
      const page = report([turnLine({ outcome: 'gap', topics: ['visa'] })]);
      expect(page).to.include('<code>LOG_UNANSWERED_TEXT=true</code>');
      expect(row(page, 'Visas and sponsorship')).to.deep.equal(['Visas and sponsorship', '1']);
    });

    it('shows votes as soon as the bot logs them, even with no turns', () => {
      const page = report([feedbackLine({ units: ['employers'], vote: 'down', comment: 'outdated' })]);
      expect(row(section(page, 'Answers voted down'), 'Top employers')).to.deep.equal(['Top employers employers', '1', '0', 'outdated']);
    });

    it('shows an id the packs do not know as code', () => {
      const page = report([feedbackLine({ units: ['renamed_unit'], vote: 'down' })]);
      expect(page).to.include('<th scope="row"><code>renamed_unit</code></th>');
    });

    it('adds a career column when the log has several careers', () => {
      const page = report([
        turnLine({ outcome: 'clarify', offered: ['duties'] }),
        turnLine({ career: 'cra', outcome: 'clarify', offered: ['duties'] }),
      ]);
      const choices = section(page, '“Did you mean…?” choices');
      expect(choices).to.include('<th scope="col">Career</th>');
      expect(row(choices, 'Duties')).to.deep.equal(['Duties duties', 'Medical Science Liaison', '1', '0', '0%']);
      expect(row(choices, 'duties')).to.deep.equal(['duties', 'cra', '1', '0', '0%']);
    });
  });
});

describe('html', () => {
  it('escapes what it interpolates, and joins arrays', () => {
    expect(html`<p title="${'"x"'}">${['<a>', 1, html`<b>ok</b>`, undefined, false]}</p>`.markup).to.equal('<p title="&quot;x&quot;">&lt;a&gt;1<b>ok</b></p>');
  });

  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<&>"'`)).to.equal('&lt;&amp;&gt;&quot;&#39;');
  });
});
