import { expect } from 'chai';
import { bestFirst } from '../../src/understanding/best-first.js';
import type { IntentScore } from '../../src/understanding/intent-classifier.js';

const scores = (...pairs: Array<[string, number]>): IntentScore[] => pairs.map(([intent, score]) => ({ intent, score }));
const stableSort = (list: readonly IntentScore[]): IntentScore[] => [...list].sort((a, b) => b.score - a.score);

describe('bestFirst', () => {
  const table: Array<[string, IntentScore[], number]> = [
    ['an empty list', [], 3],
    ['fewer scores than asked for', scores(['a', 0.2], ['b', 0.9]), 3],
    ['more scores than asked for', scores(['a', 0.2], ['b', 0.9], ['c', 0.5], ['d', 0.7], ['e', 0.1]), 3],
    ['ties across the cut', scores(['a', 0.5], ['b', 0.5], ['c', 0.9], ['d', 0.5]), 2],
    ['ties at the top', scores(['a', 0.9], ['b', 0.9], ['c', 0.9]), 2],
    ['one asked for', scores(['a', 0.1], ['b', 0.3], ['c', 0.3]), 1],
    ['none asked for', scores(['a', 0.1]), 0],
  ];
  for (const [what, list, k] of table) {
    it(`gives what a stable sort puts first, for ${what}`, () => {
      expect(bestFirst(list, k)).to.deep.equal(stableSort(list).slice(0, Math.max(0, k)));
    });
  }
});
