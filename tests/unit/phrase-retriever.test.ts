import { expect } from 'chai';
import type { IntentScore } from '../../src/understanding/intent-classifier.js';
import { PhraseRetriever, type Phrasing } from '../../src/understanding/phrase-retriever.js';
import { collectScores } from '../support/collect-scores.js';

const phrasing = (intent: string, words: string): Phrasing => ({ intent, stems: words.split(' ') });

// "msl" is in more than the dominant share of these phrasings, so the retriever skips walking it.
const PHRASINGS: readonly Phrasing[] = [
  phrasing('salary', 'msl salari'),
  phrasing('salary', 'much msl make'),
  phrasing('salary', 'pai'),
  phrasing('duties', 'msl do'),
  phrasing('duties', 'what msl do dai'),
  phrasing('hours', 'msl work hour'),
  phrasing('hours', 'long hour week'),
  phrasing('travel', 'msl travel much'),
  phrasing('career', 'msl'),
  phrasing('career', 'becom msl'),
];

/** The IDF-weighted F1 of every phrasing against the query, best per intent, computed the plain way. */
function reference(phrasings: readonly Phrasing[], query: readonly string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const p of phrasings) for (const s of new Set(p.stems)) df.set(s, (df.get(s) ?? 0) + 1);
  const weight = (s: string): number => Math.log(1 + phrasings.length / (df.get(s) ?? 1));
  const sum = (stems: Iterable<string>): number => [...stems].reduce((n, s) => n + weight(s), 0);
  const asked = new Set(query);
  const best = new Map<string, number>();
  for (const p of phrasings) {
    const stems = new Set(p.stems);
    const matched = sum([...asked].filter((s) => stems.has(s)));
    if (matched === 0) continue;
    const recall = matched / sum(asked);
    const precision = matched / sum(stems);
    best.set(p.intent, Math.max(best.get(p.intent) ?? 0, (2 * recall * precision) / (recall + precision)));
  }
  return best;
}

const search = (retriever: PhraseRetriever, stems: readonly string[]): IntentScore[] => collectScores(retriever.intents, (sink) => retriever.search(stems, sink));
const scores = (retriever: PhraseRetriever, query: string): Map<string, number> =>
  new Map(search(retriever, query.split(' ')).map((s) => [s.intent, s.score]));

describe('PhraseRetriever', () => {
  const retriever = new PhraseRetriever(PHRASINGS);

  const queries = ['msl salari', 'much msl make', 'msl', 'what do msl do', 'msl hour week', 'long hour', 'pai msl', 'msl travel much msl', 'becom', 'salari msl'];
  for (const query of queries) {
    it(`scores [${query}] as the plain IDF-weighted F1 over every phrasing would`, () => {
      const got = scores(retriever, query);
      const want = reference(PHRASINGS, query.split(' '));
      expect([...got.keys()]).to.have.members([...want.keys()]);
      for (const [intent, score] of want) expect(got.get(intent), intent).to.be.closeTo(score, 1e-12);
    });
  }

  it('gives 1 to an intent one of whose phrasings has exactly the words asked', () => {
    expect(scores(retriever, 'msl').get('career')).to.be.closeTo(1, 1e-12);
    expect(scores(retriever, 'msl salari').get('salary')).to.be.closeTo(1, 1e-12);
  });

  it('gives nothing for words no phrasing has, or nothing asked', () => {
    expect(search(retriever, ['pizza'])).to.deep.equal([]);
    expect(search(retriever, [])).to.deep.equal([]);
  });

  it('takes a one-letter slip in a longer stem for the stem it misses, for less than the stem itself', () => {
    const slip = scores(retriever, 'travl').get('travel') ?? 0;
    expect(slip).to.be.greaterThan(0);
    expect(slip).to.be.lessThan(scores(retriever, 'travel').get('travel')!);
  });

  it('counts a word once however often it is repeated', () => {
    expect(search(retriever, ['msl', 'msl', 'salari'])).to.deep.equal(search(retriever, ['msl', 'salari']));
  });
});
