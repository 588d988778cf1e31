import { expect } from 'chai';
import { BestFirst } from '../../src/understanding/best-first.js';
import type { IntentScore } from '../../src/understanding/intent-classifier.js';

const scores = (...pairs: Array<[string, number]>): IntentScore[] => pairs.map(([intent, score]) => ({ intent, score }));
const stableSort = (list: readonly IntentScore[]): IntentScore[] => [...list].sort((a, b) => b.score - a.score);

describe('BestFirst', () => {
  const table: Array<[string, IntentScore[], number]> = [
    ['nothing offered', [], 3],
    ['fewer scores than it keeps', scores(['a', 0.2], ['b', 0.9]), 3],
    ['more scores than it keeps', scores(['a', 0.2], ['b', 0.9], ['c', 0.5], ['d', 0.7], ['e', 0.1]), 3],
    ['ties across the cut', scores(['a', 0.5], ['b', 0.5], ['c', 0.9], ['d', 0.5]), 2],
    ['ties at the top', scores(['a', 0.9], ['b', 0.9], ['c', 0.9]), 2],
    ['one kept', scores(['a', 0.1], ['b', 0.3], ['c', 0.3]), 1],
    ['none kept', scores(['a', 0.1]), 0],
  ];
  for (const [what, list, k] of table) {
    it(`keeps what a stable sort puts first, for ${what}`, () => {
      const keeper = new BestFirst(k);
      for (const s of list) keeper.offer(s.intent, s.score);
      expect(keeper.take()).to.deep.equal(stableSort(list).slice(0, k));
    });
  }

  it('starts afresh after each take', () => {
    const keeper = new BestFirst(2);
    keeper.offer('a', 0.4);
    const first = keeper.take();
    keeper.offer('b', 0.1);
    expect(keeper.take()).to.deep.equal(scores(['b', 0.1]));
    expect(first).to.deep.equal(scores(['a', 0.4]));
  });
});
