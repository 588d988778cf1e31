import { expect } from 'chai';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeError } from '../../src/knowledge/knowledge-error.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { realKnowledge } from '../support/knowledge.js';

/** Copies the knowledge to a scratch folder, lets the test break one file, and returns the load error. */
function loadBroken(file: string, edit: (text: string) => string): KnowledgeError {
  const dir = mkdtempSync(join(tmpdir(), 'msl-knowledge-'));
  try {
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    loadKnowledge(dir);
  } catch (e) {
    if (e instanceof KnowledgeError) return e;
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('the broken knowledge loaded without an error');
}

describe('loadKnowledge', () => {
  const k = realKnowledge();

  it('reads the salary figures from the guide, in the guide’s order', () => {
    expect(k.salary.industries.records.map((r) => [r.name, r.display])).to.deep.equal([
      ['Pharmaceutical and Medicine Manufacturing', '$165,830'], ['Research and Development', '$160,660'],
      ['Medical and Diagnostic Laboratories', '$160,230'], ['Hospitals', '$158,470'], ['Federal Government', '$155,840'],
    ]);
    expect(k.salary.states.records.map((r) => [r.id, r.annual])).to.deep.equal([
      ['salary_state_ca', 164660], ['salary_state_nj', 161210], ['salary_state_ma', 158590], ['salary_state_ct', 157920], ['salary_state_ny', 157290],
    ]);
  });

  it('takes every excerpt verbatim from the guide', () => {
    const guide = readFileSync(join(KNOWLEDGE_DIR, 'guide.txt'), 'utf8').replace(/\s+/g, ' ');
    for (const unit of k.units.values()) {
      expect(unit.excerpt.length + unit.children.length, unit.id).to.be.greaterThan(0);
      for (const part of unit.excerpt) {
        for (const piece of part.kind === 'paragraph' ? [part.text] : part.items) expect(guide, unit.id).to.include(piece);
      }
    }
  });

  it('names the file, the place and the problem when a selector matches nothing', () => {
    const error = loadBroken('units.json', (t) => t.replace('"heading": "Work environment"', '"heading": "Work environmnt"'));
    expect(error.message).to.match(/units\.json at units\[\d+\] \(work_env\)\.excerpt: heading "Work environmnt" is not in the guide/);
  });

  it('rejects a file that is not JSON', () => {
    expect(loadBroken('entities.json', (t) => t.slice(0, 50)).message).to.match(/entities\.json: is not valid JSON/);
  });

  it('rejects a schema violation with its path', () => {
    const error = loadBroken('replies.json', (t) => t.replace('"starters": [', '"starters": ["one", "two", '));
    expect(error.message).to.match(/replies\.json at starters: .*three/);
  });

  it('rejects an intent that has no answer', () => {
    const error = loadBroken('utterances.json', (t) => t.replace('"intents": {', '"intents": { "astrology": ["what is my star sign", "horoscope today", "zodiac"],'));
    expect(error.message).to.match(/utterances\.json at intents\.astrology: has no answer/);
  });

  it('rejects a unit nobody can reach', () => {
    const error = loadBroken('utterances.json', (t) => t.replace('"outlook": [', '"outlook_gone": ['));
    expect(error.message).to.match(/unit "outlook" is unreachable/);
  });

  it('rejects a figure the guide does not print in the expected form', () => {
    const error = loadBroken('guide.txt', (t) => t.replace('Hospitals – $158,470', 'Hospitals – about 158k'));
    expect(error.message).to.match(/guide\.txt at Highest paying industries: "Hospitals – about 158k" is not of the form/);
  });

  it('rejects a unit that refers to a unit that does not exist', () => {
    const error = loadBroken('units.json', (t) => t.replace('"more": "duties"', '"more": "dutiez"'));
    expect(error.message).to.match(/refers to unknown unit "dutiez"/);
  });
});
