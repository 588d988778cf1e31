import { expect } from 'chai';
import type { IntentScore } from '../../src/understanding/intent-classifier.js';
import { PassageIndex, type Passage, type QueryTerm } from '../../src/understanding/passage-index.js';
import { collectScores } from '../support/collect-scores.js';

/** Passages with one field of words, weight 1, unless given as [words, weight] pairs. */
const passage = (id: string, ...fields: Array<string | [string, number]>): Passage => ({
  id, fields: fields.map((f) => (typeof f === 'string' ? { stems: f.split(' '), weight: 1 } : { stems: f[0].split(' '), weight: f[1] })),
});
const search = (index: PassageIndex, query: readonly QueryTerm[]): IntentScore[] => collectScores(index.intents, (sink) => index.search(query, sink));
const terms = (words: string, weight = 1): QueryTerm[] => words.split(' ').map((stem) => ({ stem, weight }));
const ids = (index: PassageIndex, words: string): string[] => search(index, terms(words)).sort((a, b) => b.score - a.score).map((s) => s.intent);
const scoreOf = (index: PassageIndex, words: string, id: string): number => search(index, terms(words)).find((s) => s.intent === id)?.score ?? 0;

describe('PassageIndex', () => {
  const index = new PassageIndex([
    passage('duties', 'monitor site visit record queri report'),
    passage('hours', 'hour travel day report late even'),
    passage('employers', 'northwind bluefern harborlight employ'),
    passage('skills', 'detail commun travel plan'),
  ]);

  it('ranks first the passage that has the query\'s words', () => {
    expect(ids(index, 'site visit')[0]).to.equal('duties');
    expect(ids(index, 'northwind')[0]).to.equal('employers');
  });

  it('finds nothing for words no passage has', () => {
    expect(search(index, terms('pizza weather'))).to.deep.equal([]);
    expect(search(index, [])).to.deep.equal([]);
  });

  it('scores every passage with a query word within 0 and 1', () => {
    const scores = search(index, terms('travel report'));
    expect(scores.map((s) => s.intent)).to.have.members(['duties', 'hours', 'skills']);
    for (const s of scores) expect(s.score).to.be.within(0, 1);
  });

  it('counts a rare word for more than a word many passages share', () => {
    // Passages of the same length, each matching one of the two words: the one with the rare word wins.
    const even = new PassageIndex([passage('a', 'common one two'), passage('b', 'rare three four'), passage('c', 'common five six')]);
    expect(ids(even, 'common rare')[0]).to.equal('b');
  });

  it('lowers a match for every query word no passage has', () => {
    expect(scoreOf(index, 'site visit pizza', 'duties')).to.be.lessThan(scoreOf(index, 'site visit', 'duties'));
  });

  it('takes one word as thinner evidence than two that match as well', () => {
    expect(scoreOf(index, 'northwind', 'employers')).to.be.lessThan(scoreOf(index, 'northwind bluefern', 'employers'));
  });

  it('counts a synonym standing in for a word for less than the word itself', () => {
    const full = search(index, [{ stem: 'queri', weight: 1 }])[0]!.score;
    const half = search(index, [{ stem: 'queri', weight: 0.5 }, { stem: 'unknownword', weight: 0.5 }])[0]!.score;
    expect(half).to.be.lessThan(full);
  });

  it('weights a word in a heavier field more, as the title outweighs the text', () => {
    const weighted = new PassageIndex([
      passage('titled', ['travel', 3], 'hour day'),
      passage('mentioned', ['skill', 3], 'travel day'),
    ]);
    expect(ids(weighted, 'travel')).to.deep.equal(['titled', 'mentioned']);
  });

  it('knows which stems some passage has', () => {
    expect(index.has('northwind')).to.equal(true);
    expect(index.has('pizza')).to.equal(false);
  });

  it('gives the same answer to the same query, whatever was asked before', () => {
    const first = search(index, terms('travel plan'));
    search(index, terms('northwind site'));
    expect(search(index, terms('travel plan'))).to.deep.equal(first);
  });
});
