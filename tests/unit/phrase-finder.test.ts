import { expect } from 'chai';
import { PhraseFinder } from '../../src/knowledge/phrase-finder.js';

/** The definition: the phrase, with no letter or digit right before or after it. */
const asWholeWords = (text: string, phrase: string): boolean =>
  new RegExp(`(?<![a-z0-9])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9])`).test(text);

describe('PhraseFinder', () => {
  const text = 'a cra monitors sites for r&d teams. the 401(k) plan, pay-for-performance, and $5,000 bonuses. bureaucracy aside';
  const finder = new PhraseFinder(text);

  const table: Array<[string, boolean]> = [
    ['cra', true],
    ['monitors sites', true],
    ['r&d', true],
    ['r&d teams', true],
    ['401(k)', true],
    ['pay-for-performance', true],
    ['for', true],
    ['$5,000', true],
    ['bureaucracy', true],
    ['crac', false],
    ['racy', false],
    ['monitor', false],
    ['sites for r', true],
    ['d teams', true],
    ['pfizer', false],
    ['CRA', false],
    ['k) plan', true],
    ['', true],
  ];
  for (const [phrase, found] of table) {
    it(`${found ? 'finds' : 'does not find'} ${JSON.stringify(phrase)}, as the whole-word definition says`, () => {
      expect(asWholeWords(text, phrase), 'the definition').to.equal(found);
      expect(finder.has(phrase)).to.equal(found);
    });
  }
});
