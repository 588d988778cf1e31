import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EvalCases } from '../../src/eval/eval-cases.js';
import { runEval } from '../../src/eval/run-eval.js';
import { EVAL_CASES_FILES, KNOWLEDGE_DIR } from '../../src/paths.js';
import { realAdvisor } from '../support/knowledge.js';

/**
 * Minimums on the project's own held-out questions (tests/eval/*.json, never used for training).
 * They only ever go up: raise them when the bot gets better, never lower them to make a change pass.
 */
const MINIMUMS: Record<string, { accuracy: number; oosRecall: number; oosPrecision: number; turns: number }> = {
  // The main set: 458 turns across every category the issues name; at least 300 asked for.
  'cases.json': { accuracy: 0.96, oosRecall: 0.93, oosPrecision: 0.93, turns: 300 },
  // Written blind after the main set was in use, so it measures how well tuning generalises.
  'blind-cases.json': { accuracy: 0.96, oosRecall: 0.9, oosPrecision: 0.95, turns: 200 },
};

const training = new Set(
  Object.values(JSON.parse(readFileSync(join(KNOWLEDGE_DIR, 'utterances.json'), 'utf8')).intents as Record<string, string[]>)
    .flat().map((u) => u.toLowerCase().trim()),
);

for (const file of EVAL_CASES_FILES) {
  const name = basename(file);
  const min = MINIMUMS[name]!;
  describe(`the evaluation set ${name}`, () => {
    const cases = EvalCases.parse(JSON.parse(readFileSync(file, 'utf8')));
    const report = runEval(realAdvisor(), cases);

    it(`has at least ${min.turns} questions`, () => {
      expect(report.total).to.be.at.least(min.turns);
    });

    it(`is answered with at least ${min.accuracy * 100}% accuracy`, () => {
      expect(report.accuracy, report.misses.map((m) => `${m.q} → ${m.got}`).join('\n')).to.be.at.least(min.accuracy);
    });

    it('falls back on out-of-scope questions with high recall and precision', () => {
      expect(report.outOfScope.recall, 'recall').to.be.at.least(min.oosRecall);
      expect(report.outOfScope.precision, 'precision').to.be.at.least(min.oosPrecision);
    });

    it('shares no question with the training utterances', () => {
      const shared = cases.cases.flatMap((c) => c.turns.map((t) => t.q.toLowerCase().trim())).filter((q) => q && training.has(q));
      expect(shared).to.deep.equal([]);
    });
  });
}
