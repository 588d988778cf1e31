import { expect } from 'chai';
import { WordTable } from '../../src/understanding/word-table.js';

describe('WordTable', () => {
  const text = 'cat\ncattle\ndog\n\nemu\nfox';
  const all = WordTable.build(text);
  const tail = WordTable.build(text, text.indexOf('\n\n') + 2);

  const table: Array<[string, boolean, boolean]> = [
    ['cat', true, false],
    ['cattle', true, false],
    ['dog', true, false],
    ['emu', true, true],
    ['fox', true, true],
    ['ca', false, false],
    ['cats', false, false],
    ['catt', false, false],
    ['og', false, false],
    ['', false, false],
    ['dog\nemu', false, false],
    ['pizza', false, false],
  ];
  for (const [word, inAll, inTail] of table) {
    it(`${inAll ? 'has' : 'has not'} ${JSON.stringify(word)} among all its words, and ${inTail ? 'has' : 'has not'} it among those after the blank line`, () => {
      expect(all.has(word)).to.equal(inAll);
      expect(tail.has(word)).to.equal(inTail);
    });
  }

  it('counts each word once, skipping blank lines', () => {
    expect(all.size).to.equal(5);
    expect(tail.size).to.equal(2);
    expect(WordTable.build('a\na\n\nb\n').size).to.equal(2);
  });

  it('takes only the lines within the range it is given', () => {
    const middle = WordTable.build(text, 4, 14);
    expect(['cattle', 'dog'].map((w) => middle.has(w))).to.deep.equal([true, true]);
    expect(['cat', 'emu', 'do'].map((w) => middle.has(w))).to.deep.equal([false, false, false]);
  });

  it('restored from its slots, answers as the table it was saved from', () => {
    const restored = WordTable.restore(text, text.length, Int32Array.from(all.slots), all.size);
    for (const [word, inAll] of table) expect(restored.has(word), word).to.equal(inAll);
    expect(restored.size).to.equal(all.size);
  });

  it('refuses slots that are not a power of two, or all taken, or fewer taken than it would hold', () => {
    expect(() => WordTable.restore(text, text.length, new Int32Array(6), 0)).to.throw();
    expect(() => WordTable.restore(text, text.length, Int32Array.from([1, 5, 12, 17]), 4)).to.throw();
    expect(() => WordTable.restore(text, text.length, Int32Array.from(all.slots), all.size + 1)).to.throw();
  });

  it('answers as a Set of the same words would, for a large list', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${(i * 7919).toString(36)}`);
    const big = WordTable.build(words.join('\n'));
    const set = new Set(words);
    for (let i = 0; i < 10000; i++) {
      const probe = `w${(i * 7919).toString(36)}`;
      expect(big.has(probe), probe).to.equal(set.has(probe));
    }
    expect(big.size).to.equal(set.size);
  });
});
