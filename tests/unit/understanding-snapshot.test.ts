import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { EvalCases } from '../../src/eval/eval-cases.js';
import { loadEnglishLexicon } from '../../src/nlu/english-lexicon.js';
import { prepareTraining } from '../../src/nlu/training.js';
import { Understanding } from '../../src/nlu/understand.js';
import { readSnapshot } from '../../src/nlu/understanding-snapshot.js';
import { EVAL_CASES_FILES } from '../../src/paths.js';
import { realKnowledge } from '../support/knowledge.js';

describe('the understanding snapshot', () => {
  const knowledge = realKnowledge();

  it('is written by the build for the current knowledge and code', () => {
    expect(readSnapshot(knowledge)).to.not.equal(undefined);
  });

  it('holds exactly what training afresh prepares', () => {
    expect(readSnapshot(knowledge)).to.deep.equal(JSON.parse(JSON.stringify(prepareTraining(knowledge, loadEnglishLexicon()))));
  });

  it('decides every evaluation question as training afresh does', () => {
    const english = loadEnglishLexicon();
    const fromSnapshot = new Understanding(knowledge, english, readSnapshot(knowledge)!);
    const fresh = new Understanding(knowledge, english, prepareTraining(knowledge, english));
    const questions = EVAL_CASES_FILES.flatMap((f) => EvalCases.parse(JSON.parse(readFileSync(f, 'utf8'))).cases.flatMap((c) => c.turns.map((t) => t.q)));
    for (const q of questions) expect(fromSnapshot.understand(q), q).to.deep.equal(fresh.understand(q));
  });

  it('is ignored once the knowledge has changed', () => {
    expect(readSnapshot({ ...knowledge, fingerprint: 'edited since the build' })).to.equal(undefined);
  });
});
