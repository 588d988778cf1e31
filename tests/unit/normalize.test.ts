import { expect } from 'chai';
import { isShouting, MAX_MATCH_CHARS, normalize } from '../../src/understanding/normalize.js';

describe('normalize', () => {
  const table: Array<[string, string]> = [
    ['  How MUCH do CRAs earn?  ', 'how much do cras earn?'],
    ['What’s the pay “like”', "what's the pay like"],
    ['salary???!!!', 'salary?!'],
    ['CRA 💊 salary 🚀', 'cra salary'],
    ['<b>hi</b> there', 'hi there'],
    ['R&amp;D pay', 'r&d pay'],
    ['nine–to–five', 'nine-to-five'],
    ['tabs\tand\nnewlines', 'tabs and newlines'],
    ['', ''],
    ['   ', ''],
  ];
  for (const [raw, expected] of table) {
    it(`turns ${JSON.stringify(raw)} into ${JSON.stringify(expected)}`, () => {
      expect(normalize(raw)).to.equal(expected);
    });
  }

  it('caps very long input on a word boundary', () => {
    const long = 'salary in california '.repeat(100);
    const out = normalize(long);
    expect(out.length).to.be.at.most(MAX_MATCH_CHARS);
    expect(out.endsWith('salary') || out.endsWith('in') || out.endsWith('california')).to.equal(true);
  });

  it('tells caps lock from deliberate abbreviations', () => {
    expect(isShouting('HOW MUCH DO CRAS MAKE IN OHIO')).to.equal(true);
    expect(isShouting('CRA pay in PA')).to.equal(false);
  });
});
