import { expect } from 'chai';
import { SpellingCorrector } from '../../src/understanding/spelling.js';

describe('SpellingCorrector', () => {
  const vocabulary = ['salary', 'california', 'science', 'skills', 'essential', 'indiana', 'maine', 'types', 'education', 'liaison', 'medical'];
  const english = new Set(['election', 'move', 'movie', 'in', 'me']);
  const speller = new SpellingCorrector(vocabulary, english);
  const table: Array<[string, string, string]> = [
    ['salery', 'salary', 'fixes a wrong vowel'],
    ['califronia', 'california', 'fixes swapped letters'],
    ['sceince', 'science', 'fixes swapped letters in a short word'],
    ['skils', 'skills', 'restores a dropped letter'],
    ['essentail', 'essential', 'fixes a long word two edits off'],
    ['medcal', 'medical', 'restores a dropped letter in a six-letter word'],
    ['typs', 'types', 'restores a dropped letter in a four-letter word'],
    ['in', 'in', 'never touches short words: "in" is not Indiana'],
    ['me', 'me', 'never touches short words: "me" is not Maine'],
    ['2031', '2031', 'never touches numbers'],
    ['election', 'election', 'never "corrects" a real English word'],
    ['movie', 'movie', 'never "corrects" a real English word into a domain word'],
    ['qwzzx', 'qwzzx', 'leaves gibberish alone'],
  ];
  it('prefers a place name when a typo is as close to an everyday word ("yourk" → york, not your)', () => {
    const withPlaces = new SpellingCorrector(['your', 'your', 'your', 'york'], new Set(), new Set(['york']));
    expect(withPlaces.correct('yourk')).to.equal('york');
    expect(new SpellingCorrector(['your', 'your', 'your', 'york']).correct('yourk')).to.equal('your');
  });

  for (const [word, expected, why] of table) {
    it(`${why} (${word} → ${expected})`, () => {
      expect(speller.correct(word)).to.equal(expected);
    });
  }
});
