import { expect } from 'chai';
import { aggregateTurns, MAX_EXAMPLES, MAX_FOCUS_GROUPS, MAX_LATEST, type ReportData } from '../../src/report/aggregate-turns.js';
import { cleanText, MAX_EXAMPLE_CHARS } from '../../src/report/clean-text.js';
import { focusTerms } from '../../src/report/focus-terms.js';
import { parseLogLine } from '../../src/report/read-log-lines.js';
import { EMPTY_CATALOGUE } from '../../src/report/report-catalogue.js';
import { OUTCOME_GROUPS } from '../../src/report/outcome-groups.js';
import { UNANSWERED_OUTCOMES } from '../../src/turn-log.js';
import { feedbackLine, SAMPLE_CATALOGUE, sampleReport, turnLine } from '../support/sample-log.js';

/** Counts log lines given as text, as the CLI would after reading them. */
function tally(lines: string[]): ReportData {
  return aggregateTurns(lines.map((text, i) => ({ line: parseLogLine(text), where: { source: 'test.log', line: i + 1 } })), SAMPLE_CATALOGUE);
}

describe('counting the sample log', () => {
  let data: ReportData;
  before(async () => {
    data = await sampleReport();
  });

  it('counts the turns and the conversations they belong to', () => {
    expect(data.turns).to.equal(55);
    expect(data.conversations).to.equal(25);
    expect(data.careers).to.deep.equal([{ id: 'msl', name: 'Medical Science Liaison', turns: 55 }]);
  });

  it('spans the week from the first line to the last', () => {
    expect(new Date(data.period!.first).toISOString()).to.equal('2026-03-02T09:14:05.201Z');
    expect(new Date(data.period!.last).toISOString()).to.equal('2026-03-08T19:31:07.415Z');
  });

  it('counts turns and unanswered turns per UTC day', () => {
    expect(data.days.map((d) => [d.day, d.turns, d.unanswered])).to.deep.equal([
      ['2026-03-02', 7, 2],
      ['2026-03-03', 6, 4],
      ['2026-03-04', 13, 2],
      ['2026-03-05', 14, 7],
      ['2026-03-06', 5, 3],
      ['2026-03-07', 2, 0],
      ['2026-03-08', 8, 6],
    ]);
  });

  it('sorts every outcome into its group, and the groups add up to the turns', () => {
    expect(data.outcomes.map((o) => [o.group.id, o.count])).to.deep.equal([
      ['answered', 25], ['partial', 5], ['gap', 10], ['clarify', 4], ['off_topic', 5], ['other', 6],
    ]);
    expect(data.outcomes.reduce((sum, o) => sum + o.count, 0)).to.equal(data.turns);
    const outcomes = (id: string) => data.outcomes.find((o) => o.group.id === id)!.outcomes;
    expect(outcomes('gap')).to.deep.equal([{ outcome: 'gap', count: 9 }, { outcome: 'nodata', count: 1 }]);
    expect(outcomes('other')).to.deep.equal([
      { outcome: 'talk', count: 3 }, { outcome: 'handoff', count: 1 }, { outcome: 'language', count: 1 }, { outcome: 'no_more', count: 1 },
    ]);
  });

  it('counts the unanswered turns and how many carry their text', () => {
    expect(data.unanswered.turns).to.equal(24);
    expect(data.unanswered.withText).to.equal(24);
  });

  it('groups unanswered questions by the topics the guide leaves out, labelled from the catalogue', () => {
    const topics = data.unanswered.byTopic.map((g) => [g.label, g.count]);
    expect(topics.slice(0, 3)).to.deep.equal([['bonuses and incentives', 2], ['entry-level or first-year pay', 2], ['visas and sponsorship', 2]]);
    // Topics the catalogue has no label for show their id.
    expect(topics).to.deep.include(['car', 1]);
    expect(data.unanswered.topicGroups).to.equal(10);
    const visa = data.unanswered.byTopic.find((g) => g.key === 'visa')!;
    expect(visa.examples.map((e) => e.text)).to.deep.equal(['do MSLs need a visa sponsorship?', 'visa sponsorship for MSL jobs, H1B?']);
  });

  it('groups unanswered questions by the words used at least twice, without the career’s own name', () => {
    const words = data.unanswered.byWord.map((g) => [g.label, g.count]);
    expect(words).to.deep.equal([
      ['jobs', 4], ['remote', 3], ['bonus', 2], ['career', 2], ['email', 2], ['salary', 2], ['sponsorship', 2], ['starting', 2], ['visa', 2],
    ]);
    expect(data.unanswered.wordGroups).to.be.greaterThan(words.length);
  });

  it('keeps a few different examples under a word, the same question asked twice only once', () => {
    const career = data.unanswered.byWord.find((g) => g.label === 'career')!;
    expect(career.examples).to.deep.equal([{ text: 'career', outcome: 'clarify' }]);
    const jobs = data.unanswered.byWord.find((g) => g.label === 'jobs')!;
    expect(jobs.examples).to.have.length(MAX_EXAMPLES);
  });

  it('keeps masked contacts masked and never counts the mask as a word', () => {
    const texts = data.unanswered.latest.map((e) => e.text);
    expect(texts).to.include('looking for an MSL mentor, please email me at [email]');
    expect(texts.join(' ')).not.to.include('@');
    const masks = tally([turnLine({ outcome: 'off_topic', text: 'mail [email] or [phone]' }), turnLine({ outcome: 'off_topic', text: 'mail me' })]);
    expect(masks.unanswered.byWord.map((g) => [g.label, g.count])).to.deep.equal([['mail', 2]]);
  });

  it('keeps the latest unanswered questions, newest first', () => {
    expect(data.unanswered.latest).to.have.length(MAX_LATEST);
    expect(data.unanswered.latest.slice(0, 2)).to.deep.equal([
      { text: '<script>alert(document.cookie)</script>', outcome: 'off_topic', time: Date.parse('2026-03-08T19:31:07.415Z') },
      { text: 'looking for an MSL mentor, please email me at [email]', outcome: 'off_topic', time: Date.parse('2026-03-08T16:20:44.052Z') },
    ]);
  });

  it('counts the "Did you mean" questions asked and the choices offered and taken, by unit', () => {
    expect(data.choices.asked).to.equal(4);
    expect(data.choices.taken).to.equal(3);
    expect(data.choices.rows.map((r) => [r.unit, r.title, r.offered, r.taken])).to.deep.equal([
      ['career_path', 'Career paths', 2, 1],
      ['trend_remote', 'Remote roles', 2, 1],
      ['work_env', 'Work environment', 2, 1],
      ['tips', 'Career tips', 2, 0],
    ]);
  });

  it('counts votes, and lists the answers voted down by unit with their comments', () => {
    expect(data.votes.up).to.equal(2);
    expect(data.votes.down).to.equal(3);
    expect(data.votes.rows.map((r) => [r.unit, r.title, r.down, r.up, r.comments])).to.deep.equal([
      ['employers', 'Top employers', 1, 0, ['I wanted numbers, not a list of names']],
      ['faq_qualifications', 'Qualifications employers look for', 1, 0, ["Doesn't say if a <b>PharmD</b> is enough"]],
      ['salary_states', 'Highest paying states', 1, 0, ['No figure for Texas at all']],
    ]);
  });

  it('accounts for every line: turns, votes, other log lines, blanks and what was skipped, with where', () => {
    const { lines } = data;
    expect(lines.read).to.equal(126);
    expect(lines.turns + lines.feedback + lines.other + lines.blank + lines.skipped.reduce((s, k) => s + k.count, 0)).to.equal(lines.read);
    expect([lines.turns, lines.feedback, lines.other, lines.blank]).to.deep.equal([55, 5, 58, 1]);
    expect(lines.skipped.map((s) => [s.reason, s.count, s.examples.map((e) => e.line)])).to.deep.equal([
      ['not JSON', 5, [2, 3, 4, 5, 114]],
      ['turn line that does not fit', 1, [115]],
      ['feedback line that does not fit', 1, [120]],
    ]);
    expect(lines.skipped[1]!.examples[0]!.detail).to.match(/^turn\.confidence: /);
  });
});

describe('counting votes', () => {
  it('counts a vote on an answer of two units under each unit', () => {
    const data = tally([feedbackLine({ units: ['duties', 'employers'], vote: 'down' })]);
    expect(data.votes.down).to.equal(1);
    expect(data.votes.rows.map((r) => r.unit)).to.deep.equal(['duties', 'employers']);
  });

  it('leaves answers only voted up out of the voted-down table, and sorts by down votes', () => {
    const data = tally([
      feedbackLine({ units: ['duties'], vote: 'up' }),
      feedbackLine({ units: ['employers'], vote: 'down' }),
      feedbackLine({ units: ['tips'], vote: 'down' }),
      feedbackLine({ units: ['tips'], vote: 'down', comment: 'too vague' }),
      feedbackLine({ units: ['tips'], vote: 'up' }),
    ]);
    expect(data.votes.rows.map((r) => [r.unit, r.down, r.up, r.comments])).to.deep.equal([['tips', 2, 1, ['too vague']], ['employers', 1, 0, []]]);
  });

  it('counts a changed vote in place of the one it replaces', () => {
    const data = tally([
      feedbackLine({ units: ['tips'], vote: 'up', outcome: 'answer' }),
      feedbackLine({ units: ['tips'], vote: 'down', outcome: 'answer', changed: true }),
    ]);
    expect([data.votes.up, data.votes.down]).to.deep.equal([0, 1]);
    expect(data.votes.rows.map((r) => [r.unit, r.down, r.up])).to.deep.equal([['tips', 1, 0]]);
  });

  it('does not put a vote on a "the guide doesn’t cover that" reply against the section shown under it', () => {
    const data = tally([feedbackLine({ units: ['tips'], vote: 'down', outcome: 'gap' }), feedbackLine({ units: ['employers'], vote: 'down', outcome: 'nodata' })]);
    expect(data.votes.down).to.equal(2);
    expect(data.votes.rows.map((r) => [r.unit, r.down])).to.deep.equal([['', 2]]);
  });

  it('takes a vote’s career from its conversation’s turns', () => {
    const data = tally([
      turnLine({ conversationId: 'c1', career: 'cra' }),
      turnLine({ conversationId: 'c2', career: 'msl' }),
      feedbackLine({ conversationId: 'c1', units: ['duties'] }),
      feedbackLine({ conversationId: 'c2', units: ['duties'] }),
    ]);
    expect(data.votes.rows.map((r) => [r.career, r.unit, r.title])).to.deep.equal([['cra', 'duties', undefined], ['msl', 'duties', 'Duties']]);
  });

  it('reads a vote that names its career, as a later bot may log it', () => {
    const data = tally([feedbackLine({ career: 'cra', units: ['duties'] })]);
    expect(data.votes.rows[0]).to.include({ career: 'cra', unit: 'duties' });
  });

  it('titles a vote from a conversation the log doesn’t hold from whichever pack has the unit', () => {
    const data = tally([feedbackLine({ conversationId: 'elsewhere', units: ['employers'] })]);
    expect(data.votes.rows[0]).to.include({ career: '', unit: 'employers', title: 'Top employers' });
  });

  it('shows votes from a log that has nothing but votes', () => {
    const data = tally([feedbackLine({ units: ['duties'], vote: 'down' })]);
    expect(data.turns).to.equal(0);
    expect(data.period).to.not.equal(undefined);
    expect(data.votes.rows).to.have.length(1);
  });
});

describe('the outcomes the bot logs as unanswered', () => {
  it('are the report\'s partly answered, not in the guide, did you mean and off-topic groups, no more and no fewer', () => {
    const groups = OUTCOME_GROUPS.filter((g) => ['partial', 'gap', 'clarify', 'off_topic'].includes(g.id)).flatMap((g) => g.outcomes);
    expect([...UNANSWERED_OUTCOMES].sort()).to.deep.equal([...groups].sort());
  });
});

describe('counting unanswered questions', () => {
  it('leaves the text of answered turns out of the groups, even when LOG_USER_TEXT logged it', () => {
    const data = tally([turnLine({ outcome: 'answer', text: 'what do msls do' }), turnLine({ outcome: 'gap', text: 'do msls get a car' })]);
    expect(data.unanswered.turns).to.equal(1);
    expect(data.unanswered.byWord.map((g) => g.label)).to.deep.equal(['car']);
  });

  it('groups "visa" and "visas" as one word, named by the form used most', () => {
    const data = tally(['visas for MSLs?', 'visa sponsorship', 'any visas', 'visas?'].map((text) => turnLine({ outcome: 'gap', text })));
    expect(data.unanswered.byWord[0]).to.deep.include({ label: 'visas', count: 4 });
  });

  it('keeps the latest by time when files come out of order', () => {
    const data = tally([turnLine({ outcome: 'gap', text: 'newer' }, 2000), turnLine({ outcome: 'gap', text: 'older' }, 1000)]);
    expect(data.unanswered.latest.map((e) => e.text)).to.deep.equal(['newer', 'older']);
  });

  it('shows at most the top groups', () => {
    const words = Array.from({ length: MAX_FOCUS_GROUPS + 5 }, (_, i) => `zz${String.fromCharCode(97 + i)}word`);
    const data = tally(words.flatMap((w) => [turnLine({ outcome: 'gap', text: w }), turnLine({ outcome: 'gap', text: w })]));
    expect(data.unanswered.byWord).to.have.length(MAX_FOCUS_GROUPS);
    expect(data.unanswered.wordGroups).to.equal(MAX_FOCUS_GROUPS + 5);
  });

  it('shows ids where the catalogue has no names', () => {
    const data = aggregateTurns([{ line: parseLogLine(turnLine({ outcome: 'clarify', offered: ['a_unit'], topics: ['visa'] })), where: { source: 't', line: 1 } }], EMPTY_CATALOGUE);
    expect(data.choices.rows[0]).to.include({ unit: 'a_unit', title: undefined });
    expect(data.unanswered.byTopic[0]!.label).to.equal('visa');
  });
});

describe('the focus words of a question', () => {
  const table: Array<[string, string[]]> = [
    ['How much do MSLs get paid for a car?', ['paid', 'car']],
    ['What is the VISA sponsorship like for msl jobs', ['visa', 'sponsorship', 'jobs']],
    ['visa visas VISA', ['visa']],
    ['email me at [email] or call [phone]', ['email', 'call']],
    ['what about 2024 or 401k', ['401k']],
    ['<b>bonus</b> & stock?', ['bonus', 'stock']],
    ['', []],
  ];
  for (const [text, words] of table) {
    it(`finds ${words.length ? words.join(', ') : 'nothing'} in ${JSON.stringify(text)}`, () => {
      expect(focusTerms(text, new Set(['msl', 'msls'])).map((t) => t.word)).to.deep.equal(words);
    });
  }
});

describe('cleaning a logged text for the page', () => {
  it('masks a contact a log from elsewhere left in', () => {
    expect(cleanText('mail jo@example.com or 415 555 0199')).to.equal('mail [email] or [phone]');
  });

  it('removes control characters and direction overrides, and collapses white space', () => {
    expect(cleanText('a\u0000b \u202Eevil\u202C\n\n c')).to.equal('ab evil c');
  });

  it('cuts a long text with an ellipsis', () => {
    const out = cleanText('word '.repeat(100));
    expect(out.length).to.be.at.most(MAX_EXAMPLE_CHARS);
    expect(out.endsWith('…')).to.equal(true);
  });
});
