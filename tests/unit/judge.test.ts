import { expect } from 'chai';
import type { Block, Reply } from '../../src/answer/reply.js';
import type { EvalTurn } from '../../src/eval/eval-cases.js';
import { GAP_STATEMENT, judgeTurn, MAX_JUDGED_CHARS, readableText } from '../../src/eval/judge.js';

const reply = (extra: Partial<Reply> & { text?: string } = {}): Reply => {
  const { text = 'Field CRAs spend a large share of their time on the road.', ...rest } = extra;
  return { blocks: [{ kind: 'paragraph', text }], suggestions: [], outcome: 'answer', unitIds: ['work_environment'], feedback: true, ...rest };
};
const gapReply = (unitIds: string[] = ['duties']): Reply => reply({ text: "The guide doesn't cover visas and sponsorship.", outcome: 'gap', unitIds });

describe('judgeTurn', () => {
  const table: Array<[string, EvalTurn, Reply, string | undefined]> = [
    ['passes a reply that gives an expected unit', { q: 'q', expect: ['work_environment', 'hours'] }, reply(), undefined],
    ['fails a reply that gives none of the expected units', { q: 'q', expect: ['hours'] }, reply(), 'gives none of hours'],
    ['passes a reply that gives every unit a two-part question needs', { q: 'q', all: ['a', 'b'] }, reply({ unitIds: ['a', 'b', 'c'] }), undefined],
    ['fails a reply that misses a part', { q: 'q', all: ['a', 'b'] }, reply({ unitIds: ['a'] }), 'misses b'],
    ['passes a gap reply that says so plainly', { q: 'q', gap: true }, gapReply(), undefined],
    ['passes a gap reply that says so and gives the expected nearest unit', { q: 'q', gap: true, expect: ['duties'] }, gapReply(), undefined],
    ['fails a gap question answered as if the guide covered it', { q: 'q', gap: true }, reply(), 'does not say that the guide lacks what was asked'],
    ['fails an answer that says the guide lacks what it answers', { q: 'q', expect: ['duties'] }, gapReply(), 'says the guide lacks what it answers'],
    ['passes the off-topic reply to an off-topic question', { q: 'q', outcome: 'fallback' }, reply({ outcome: 'off_topic', unitIds: [] }), undefined],
    ['passes an honest no-figure reply to an off-topic pay question', { q: 'q', outcome: 'fallback' }, reply({ outcome: 'nodata', unitIds: [] }), undefined],
    ['fails a guide answer to an off-topic question', { q: 'q', outcome: 'fallback' }, reply(), 'answers work_environment to an off-topic question'],
    ['fails small talk given to an off-topic question', { q: 'q', outcome: 'fallback' }, reply({ outcome: 'talk', unitIds: [] }), 'gives a talk reply, not the off-topic one'],
    ['passes a no-figure reply where one is expected', { q: 'q', outcome: 'nodata' }, reply({ outcome: 'nodata', unitIds: ['salary_states'] }), undefined],
    ['fails figures where none exist', { q: 'q', outcome: 'nodata' }, reply({ outcome: 'salary' }), 'gives a salary reply, not an honest no-figure'],
    ['passes small talk to small talk', { q: 'hi', outcome: 'smalltalk' }, reply({ outcome: 'talk', unitIds: [] }), undefined],
    ['fails an answer to small talk', { q: 'hi', outcome: 'smalltalk' }, reply(), 'gives a answer reply to small talk'],
    ['passes the English-only reply to another language', { q: 'hola', outcome: 'language' }, reply({ outcome: 'language', unitIds: [] }), undefined],
    ['fails the off-topic reply to another language', { q: 'hola', outcome: 'language' }, reply({ outcome: 'off_topic', unitIds: [] }), 'gives a off_topic reply to another language'],
    ['passes any sensible reply', { q: 'q', any: true }, reply(), undefined],
    ['fails a reply with a forbidden word, whatever its case', { q: 'q', any: true, forbid: ['ROAD'] }, reply(), 'says "ROAD"'],
    ['fails an empty reply', { q: 'q', any: true }, reply({ text: '  ' }), 'empty reply'],
  ];
  for (const [what, turn, given, problem] of table) {
    it(what, () => {
      expect(judgeTurn(turn, given)).to.equal(problem);
    });
  }

  it(`fails a reply of more than ${MAX_JUDGED_CHARS} characters, whatever it says`, () => {
    expect(judgeTurn({ q: 'q', any: true }, reply({ text: 'a'.repeat(MAX_JUDGED_CHARS + 1) }))).to.match(/floods the user/);
  });

  it('fails a sentence ending in ":" with only a source after it', () => {
    const blocks: Block[] = [{ kind: 'paragraph', text: 'The guide lists these employers:' }, { kind: 'source', text: 'Source: CRA Career Guide' }];
    expect(judgeTurn({ q: 'q', any: true }, reply({ blocks } as Partial<Reply>))).to.match(/hanging/);
  });

  it('passes a sentence ending in ":" that a list follows', () => {
    const blocks: Block[] = [{ kind: 'paragraph', text: 'The guide lists these employers:' }, { kind: 'list', items: [{ text: 'Northwind Trials' }] }];
    expect(judgeTurn({ q: 'q', any: true }, reply({ blocks } as Partial<Reply>))).to.equal(undefined);
  });
});

describe('GAP_STATEMENT', () => {
  const gaps = [
    "The guide doesn't cover BCMAS certification.",
    'The guide has no salary figure for California.',
    'The guide does not say why. Here is what it says:',
    "The guide doesn't compare CRAs with nurses.",
    'The guide gives no details on visas.',
    'The guide has no first-year figures. Here is what it lists:',
  ];
  for (const text of gaps) {
    it(`hears a gap in "${text}"`, () => {
      expect(GAP_STATEMENT.test(text.toLowerCase())).to.equal(true);
    });
  }

  const answers = [
    'Field CRAs spend a large share of their time on the road.',
    'The guide lists four states.',
    'The guide says most people follow a similar route.',
    "Washington is the highest-paying state in the guide's list.",
  ];
  for (const text of answers) {
    it(`hears no gap in "${text}"`, () => {
      expect(GAP_STATEMENT.test(text.toLowerCase())).to.equal(false);
    });
  }

  it('is matched against text read as a user reads it: lower case, quotes straight, no emphasis', () => {
    expect(readableText(reply({ text: 'The **guide** doesn’t cover  visas.' }))).to.equal("the guide doesn't cover visas.");
  });
});
