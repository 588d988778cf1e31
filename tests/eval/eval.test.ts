import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { EvalCases } from '../../src/eval/eval-cases.js';
import { runEval } from '../../src/eval/run-eval.js';
import { EVAL_CASES_FILE } from '../../src/paths.js';
import { realAdvisor } from '../support/knowledge.js';

/**
 * Minimums on the project's own held-out questions (tests/eval/cases.json, never used for training).
 * They only ever go up: raise them when the bot gets better, never lower them to make a change pass.
 */
const MIN_ACCURACY = 0.94;
const MIN_OUT_OF_SCOPE_RECALL = 0.9;
// Precision counts in-scope questions wrongly refused; a refusal is safe but unhelpful, so it may trail recall.
const MIN_OUT_OF_SCOPE_PRECISION = 0.88;
// The issue asks for at least 300 questions; fewer would make the figures noisy.
const MIN_TURNS = 300;

describe('the evaluation set', () => {
  const cases = EvalCases.parse(JSON.parse(readFileSync(EVAL_CASES_FILE, 'utf8')));
  const report = runEval(realAdvisor(), cases);

  it(`has at least ${MIN_TURNS} questions`, () => {
    expect(report.total).to.be.at.least(MIN_TURNS);
  });

  it(`is answered with at least ${MIN_ACCURACY * 100}% accuracy`, () => {
    expect(report.accuracy, report.misses.map((m) => `${m.q} → ${m.got}`).join('\n')).to.be.at.least(MIN_ACCURACY);
  });

  it('falls back on out-of-scope questions with high recall and precision', () => {
    expect(report.outOfScope.recall).to.be.at.least(MIN_OUT_OF_SCOPE_RECALL);
    expect(report.outOfScope.precision).to.be.at.least(MIN_OUT_OF_SCOPE_PRECISION);
  });

  it('shares no question with the training utterances', () => {
    const training = new Set(Object.values(JSON.parse(readFileSync(EVAL_CASES_FILE.replace(/tests[\\/]eval[\\/]cases\.json$/, 'knowledge/utterances.json'), 'utf8')).intents as Record<string, string[]>).flat().map((u) => u.toLowerCase().trim()));
    const shared = cases.cases.flatMap((c) => c.turns.map((t) => t.q.toLowerCase().trim())).filter((q) => q && training.has(q));
    expect(shared).to.deep.equal([]);
  });
});
