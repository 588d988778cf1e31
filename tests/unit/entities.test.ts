import { expect } from 'chai';
import { createReader } from '../../src/understanding/understanding-snapshot.js';
import { fixturePack } from '../support/knowledge.js';

// The states, industries and careers every pack shares (knowledge/common/entities.json), found as people type them.
describe('finding entities, on the fixture pack', () => {
  const reader = createReader(fixturePack());
  const ids = (text: string): string[] => reader.analyse(text).entities.map((e) => `${e.type}:${e.id}`);

  const table: Array<[string, string[]]> = [
    ['how much do CRAs earn in California', ['state:CA']],
    ['cra pay CA', ['state:CA']],
    ['cra pay ca', ['state:CA']],
    ['salary in Cali', ['state:CA']],
    ['what about Jersey?', ['state:NJ']],
    ['and Mass', ['state:MA']],
    ['CT or NY', ['state:CT', 'state:NY']],
    ['salry in new yrok', ['state:NY']],
    ['califronia', ['state:CA']],
    ['salary in the District of Columbia', ['state:DC']],
    ['is it better in West Virginia or Virginia', ['state:WV', 'state:VA']],
    ['cra pay in washington state', ['state:WA']],
    ['CRA pay in the Nutmeg State', ['state:CT']],
    ['HOW MUCH DO CRAS MAKE IN OHIO', ['state:OH']],
    ['CRA jobs in PA?', ['state:PA']],
    ['what do I need in order to apply', []],
    ['tell me about it', []],
    ['do I need an MD or a PhD', []],
    ['me', []],
    ['hospitals vs colleges and universities', ['industry:hospitals', 'industry:colleges_and_universities']],
    ['contract research organizations', ['industry:contract_research_organizations']],
    ['CRO cra salary', ['industry:contract_research_organizations']],
    ['how much do nurses make', ['career:nurse']],
  ];
  for (const [text, expected] of table) {
    it(`finds ${expected.length ? expected.join(', ') : 'nothing'} in "${text}"`, () => {
      expect(ids(text)).to.deep.equal(expected);
    });
  }
});
