import { expect } from 'chai';
import { foldWhiteSpace } from '../../src/understanding/white-space.js';

describe('foldWhiteSpace', () => {
  const table = ['a b', 'a  b', 'a\tb', 'a \n b', '\n', '  lead and trail  ', 'no\u00a0break\u2003em', 'crlf\r\nline', '', 'word'];
  for (const text of table) {
    it(`folds ${JSON.stringify(text)} as folding every run of white space to one space would`, () => {
      expect(foldWhiteSpace(text)).to.equal(text.replace(/\s+/g, ' '));
    });
  }
});
