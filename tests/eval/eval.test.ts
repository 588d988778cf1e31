import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readBaseline, regressions } from '../../src/eval/baseline.js';
import { EvalCases } from '../../src/eval/eval-cases.js';
import { runEval } from '../../src/eval/run-eval.js';
import { EVAL_BASELINE_FILE, EVAL_SETS } from '../../src/paths.js';
import { mslAdvisor, mslKnowledge } from '../support/knowledge.js';
import { fold, overlaps, trainedTexts } from './leaks.js';

/**
 * Minimums per evaluation set, at what `npm run eval` measured when they were set, rounded down to the percent.
 * They only ever go up: raise them when the bot gets better, never lower them to make a change pass.
 */
const MINIMUMS: Record<string, { turns: number; accuracy: number; offTopicPrecision: number; offTopicRecall: number }> = {
  'cases.json': { turns: 300, accuracy: 0.97, offTopicPrecision: 0.95, offTopicRecall: 0.95 },
  'real-style-tuning.json': { turns: 200, accuracy: 0.87, offTopicPrecision: 0.87, offTopicRecall: 0.82 },
  'blind-cases.json': { turns: 200, accuracy: 0.94, offTopicPrecision: 1, offTopicRecall: 0.8 },
  // The blind set of real people's styles: at least 200 turns, committed before any tuning against it.
  'real-style-blind.json': { turns: 200, accuracy: 0.87, offTopicPrecision: 1, offTopicRecall: 0.76 },
};

const baseline = readBaseline(EVAL_BASELINE_FILE);
const trained = trainedTexts(mslKnowledge().packs);
const pct = (n: number): string => `${(100 * n).toFixed(1)}%`;

for (const { file, role } of EVAL_SETS) {
  const name = basename(file);
  const min = MINIMUMS[name];
  describe(`the ${role} evaluation set ${name}`, () => {
    const cases = EvalCases.parse(JSON.parse(readFileSync(file, 'utf8')));
    const report = runEval(mslAdvisor(), cases);

    it('has minimums set in this file', () => {
      expect(min, `add ${name} to MINIMUMS`).to.not.equal(undefined);
    });

    it(`has at least ${min?.turns} turns`, () => {
      expect(report.total).to.be.at.least(min!.turns);
    });

    it(`is answered with at least ${pct(min?.accuracy ?? 1)} accuracy`, () => {
      expect(report.accuracy, `${report.passed}/${report.total} turns`).to.be.at.least(min!.accuracy);
    });

    it(`refuses off-topic questions with at least ${pct(min?.offTopicPrecision ?? 1)} precision and ${pct(min?.offTopicRecall ?? 1)} recall`, () => {
      const o = report.offTopic;
      const detail = `${o.truePositives} caught, ${o.falseNegatives} missed, ${o.falsePositives} on-topic questions refused`;
      expect(o.precision, `precision (${detail})`).to.be.at.least(min!.offTopicPrecision);
      expect(o.recall, `recall (${detail})`).to.be.at.least(min!.offTopicRecall);
    });

    it('still passes every turn the baseline says passed (npm run eval -- --update-baseline accepts a new one)', () => {
      expect(baseline[name], `tests/eval/baseline.json has no entry for ${name}`).to.be.an('array').that.is.not.empty;
      const lost = regressions(baseline[name] ?? [], report);
      expect(lost.map((r) => `${r.key} "${r.q}" → ${r.got}: ${r.problem}`), 'turns that passed and now fail').to.deep.equal([]);
    });

    it('asks nothing the bot is trained on: no curated ask, keyword or phrasing of the pack, folded', () => {
      expect(overlaps(cases, trained).map((o) => `${o.key} "${o.q}" is the ${o.source}`)).to.deep.equal([]);
    });
  });
}

describe('the evaluation overlap check', () => {
  it('folds case, punctuation, quotes and white space before comparing', () => {
    expect(fold('  What’s an   MSL??? ')).to.equal('whats an msl');
    expect(fold('MSLになるには？')).to.equal('mslになるには');
  });

  it('catches a question that is a curated phrasing, folded, and lets the guide\'s own headings be', () => {
    const pack = mslKnowledge().packs[0]!;
    const phrasing = pack.phrasings.what_is![0]!;
    const heading = [...pack.units.values()].find((u) => !trained.has(fold(u.title)))!.title;
    const cases = EvalCases.parse({ cases: [{ id: 'x', category: 'c', turns: [{ q: `  ${phrasing.toUpperCase()}?!`, any: true }, { q: heading, any: true }] }] });
    expect(overlaps(cases, trained).map((o) => o.key)).to.deep.equal(['x#1']);
  });
});
