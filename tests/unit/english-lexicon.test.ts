import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { isEnglish, LEXICON_FILE, loadEnglishLexicon, savedTables } from '../../src/understanding/english-lexicon.js';
import { WordTable } from '../../src/understanding/word-table.js';

describe('the English word list', () => {
  const english = loadEnglishLexicon();

  const table: Array<[string, boolean, boolean]> = [
    ['salary', true, true],
    ['pharmacist', true, true],
    ['honestly', true, false],
    ['terrible', true, false],
    ['qzxv', false, false],
    ['', false, false],
  ];
  for (const [word, isWord, isNoun] of table) {
    it(`${isWord ? 'has' : 'has not'} ${JSON.stringify(word)}${isWord ? `, ${isNoun ? 'as a noun' : 'not as a noun'}` : ''}`, () => {
      expect(english.has(word)).to.equal(isWord);
      expect(english.nouns.has(word)).to.equal(isNoun);
    });
  }

  it('takes a regular inflection of a word on it as English', () => {
    expect(isEnglish(english, 'salaries')).to.equal(true);
    expect(isEnglish(english.nouns, 'pharmacists')).to.equal(true);
    expect(isEnglish(english, 'qzxvs')).to.equal(false);
  });

  it('has tables saved by the build for the list as it is, and none for a list changed since', () => {
    const text = readFileSync(LEXICON_FILE, 'utf8');
    expect(savedTables(text)).to.not.equal(undefined);
    expect(savedTables(`${text}\nzyzzyva`)).to.equal(undefined);
  });

  it('answers from the tables the build saved as tables built afresh from the list would', () => {
    const text = readFileSync(LEXICON_FILE, 'utf8');
    const fresh = WordTable.build(text);
    const lines = text.split('\n');
    // Every 37th word, and the same with a letter added: present and absent words alike.
    for (let i = 0; i < lines.length; i += 37) {
      for (const word of [lines[i]!, `${lines[i]!}q`]) expect(english.has(word), word).to.equal(fresh.has(word));
    }
  });
});
