import { expect } from 'chai';
import { EntityExtractor } from '../../src/nlu/entities.js';
import { TextPipeline } from '../../src/nlu/text-pipeline.js';
import { SpellingCorrector } from '../../src/nlu/spelling.js';
import { realKnowledge } from '../support/knowledge.js';

describe('EntityExtractor', () => {
  const k = realKnowledge();
  const vocabulary = [...k.guideWords, ...k.entities.states.map((s) => s.name.toLowerCase()), 'hospitals', 'laboratories'];
  const pipeline = new TextPipeline(k.synonyms, new SpellingCorrector(vocabulary.flatMap((v) => v.split(' '))));
  const extractor = new EntityExtractor(k.entities, pipeline);
  const ids = (text: string): string[] => extractor.extract(pipeline.process(text).tokens, text).map((e) => `${e.type}:${e.id}`);

  const table: Array<[string, string[]]> = [
    ['how much do MSLs earn in California', ['state:CA']],
    ['msl pay CA', ['state:CA']],
    ['msl pay ca', ['state:CA']],
    ['salary in Cali', ['state:CA']],
    ['what about Jersey?', ['state:NJ']],
    ['and Mass', ['state:MA']],
    ['CT or NY', ['state:CT', 'state:NY']],
    ['salry in new yrok', ['state:NY']],
    ['califronia', ['state:CA']],
    ['salary in Texas', ['state:TX']],
    ['salary in the District of Columbia', ['state:DC']],
    ['is it better in West Virginia or Virginia', ['state:WV', 'state:VA']],
    ['what do I need in order to apply', []],
    ['tell me about it', []],
    ['do I need an MD or a PhD', []],
    ['HOW MUCH DO MSLS MAKE IN OHIO', ['state:OH']],
    ['MSL jobs in PA?', ['state:PA']],
    ['pharma msl salary', ['industry:pharma']],
    ['R&D pay', ['industry:rnd']],
    ['how much in labs', ['industry:labs']],
    ['hospitals vs federal government', ['industry:hospitals', 'industry:fedgov']],
    ['government msl salary', ['industry:fedgov']],
    ['how much do nurses make', ['career:nurse']],
    ['MSL pay in the Nutmeg State', ['state:CT']],
  ];
  for (const [text, expected] of table) {
    it(`finds ${expected.length ? expected.join(', ') : 'nothing'} in "${text}"`, () => {
      expect(ids(text)).to.deep.equal(expected);
    });
  }
});
