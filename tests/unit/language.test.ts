import { expect } from 'chai';
import { createReader } from '../../src/understanding/understanding-snapshot.js';
import { isEnglish, loadEnglishLexicon } from '../../src/understanding/english-lexicon.js';
import { isForeign } from '../../src/understanding/language.js';
import { fixturePack } from '../support/knowledge.js';

const english = loadEnglishLexicon();
const englishWord = (word: string): boolean => isEnglish(english, word);

describe('isForeign', () => {
  const foreign: Array<[string, string]> = [
    ['Spanish', '¿Cuánto gana un asociado de investigación clínica en Texas?'],
    ['Spanish without accents', 'cuanto gana un asociado de investigacion clinica en texas'],
    ['French', 'Combien gagne un associé de recherche clinique au Texas ?'],
    ['German', 'Wie viel verdient ein klinischer Monitor in Texas?'],
    ['German naming the career in English', 'Was ist ein CRA und wie viel verdient er?'],
    ['Portuguese', 'Quanto ganha um associado de pesquisa clínica?'],
    ['Russian', 'Как стать специалистом по клиническим исследованиям?'],
    ['Chinese', '临床研究助理的工资是多少'],
  ];
  for (const [language, text] of foreign) {
    it(`reads ${language} as foreign: "${text}"`, () => {
      expect(isForeign(text, englishWord)).to.equal(true);
    });
  }

  const notForeign: Array<[string, string]> = [
    ['plain English', 'How much do clinical research associates make in Texas?'],
    ['English with typos', 'how much do cras mak in texsas'],
    ['English jargon and acronyms', 'do CRAs need GCP and ICH E6 R3 training for EDC and CTMS?'],
    ['English with a borrowed accent', 'résumé tips for CRAs'],
    ['English with Latin', 'CRA salary per annum in Minnesota'],
    ['a two-word message', 'ok thanks'],
    ['one foreign word in English', 'is a CRA job muy bueno for a nurse?'],
    ['emoji and numbers', '👍 4 CRAs 2 sites 😀'],
    ['nothing but punctuation', '?!...'],
  ];
  for (const [what, text] of notForeign) {
    it(`does not read ${what} as foreign: "${text}"`, () => {
      expect(isForeign(text, englishWord)).to.equal(false);
    });
  }

  it('asks the pack which words it knows: chat spelling is English when the pack can correct it', () => {
    const text = 'wat skils r needed 4 cra';
    expect(isForeign(text, englishWord), 'with English words only').to.equal(true);
    expect(isForeign(text, () => true), 'when every word is known').to.equal(false);
  });
});

describe('the Reader on the fixture pack, telling languages apart', () => {
  const reader = createReader(fixturePack());
  const table: Array<[string, 'foreign' | 'text']> = [
    ['¿Cuánto gana un asociado de investigación clínica en Texas?', 'foreign'],
    ['Combien gagne un associé de recherche clinique au Texas ?', 'foreign'],
    ['Wie viel verdient ein klinischer Monitor in Texas?', 'foreign'],
    ['wat skils r needed 4 cra', 'text'],
    ['how much do cras mak in texsas', 'text'],
    ['what is SDV in monitoring visits', 'text'],
  ];
  for (const [text, kind] of table) {
    it(`reads "${text}" as ${kind}`, () => {
      expect(reader.read(text).kind).to.equal(kind);
    });
  }
});
