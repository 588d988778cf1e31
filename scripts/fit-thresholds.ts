// npm run fit: fits the understanding's weights and the policy's thresholds on the TUNING sets only, by coordinate
// descent from the current values, and prints the best found with its score on the tuning and (for the record)
// the blind sets. It changes nothing: copy the values it reports into reader.ts and thresholds.ts, with a reason.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CareerAdvisor } from '../src/career-advisor.js';
import { commandConfig, commandKnowledge } from './command-config.js';
import { EvalCases } from '../src/eval/eval-cases.js';
import { runEval } from '../src/eval/run-eval.js';
import { EVAL_SETS } from '../src/paths.js';
import { primaryPack } from '../src/knowledge/load-knowledge.js';
import { THRESHOLDS, type Thresholds } from '../src/policy/thresholds.js';
import { loadEnglishLexicon } from '../src/understanding/english-lexicon.js';
import { Reader, WEIGHTS, type Weights } from '../src/understanding/reader.js';
import { prepareTraining } from '../src/understanding/training.js';
import { readSnapshot } from '../src/understanding/understanding-snapshot.js';

// Each value is tried at these multiples of its current value, one at a time; two rounds settle nearly every run.
const STEPS = [0.8, 0.9, 1.1, 1.2];
const ROUNDS = 2;

const knowledge = commandKnowledge(commandConfig());
const pack = primaryPack(knowledge);
const english = loadEnglishLexicon();
const training = readSnapshot(pack) ?? prepareTraining(pack, english);
const load = (file: string) => EvalCases.parse(JSON.parse(readFileSync(file, 'utf8')));
const tuning = EVAL_SETS.filter((s) => s.role === 'tuning').map((s) => ({ name: basename(s.file), cases: load(s.file) }));
const blind = EVAL_SETS.filter((s) => s.role === 'blind').map((s) => ({ name: basename(s.file), cases: load(s.file) }));

type Params = { weights: Weights; thresholds: Thresholds };

function score(p: Params, sets = tuning): { passed: number; total: number; bySet: string } {
  const advisor = new CareerAdvisor(knowledge, {}, new Map([[pack.id, new Reader(pack, english, training, p.weights)]]), p.thresholds);
  let passed = 0;
  let total = 0;
  const bySet: string[] = [];
  for (const set of sets) {
    const r = runEval(advisor, set.cases);
    passed += r.passed;
    total += r.total;
    bySet.push(`${set.name} ${(100 * r.accuracy).toFixed(1)}%`);
  }
  return { passed, total, bySet: bySet.join(', ') };
}

let best: Params = { weights: { ...WEIGHTS }, thresholds: { ...THRESHOLDS } };
let bestScore = score(best);
console.log(`start: ${bestScore.passed}/${bestScore.total} (${bestScore.bySet})`);
for (let round = 0; round < ROUNDS; round++) {
  for (const group of ['weights', 'thresholds'] as const) {
    for (const key of Object.keys(best[group]) as Array<keyof (Weights & Thresholds)>) {
      for (const step of STEPS) {
        const value = Number(((best[group] as Record<string, number>)[key]! * step).toFixed(3));
        const candidate: Params = { ...best, [group]: { ...best[group], [key]: value } };
        const s = score(candidate);
        if (s.passed > bestScore.passed) {
          best = candidate;
          bestScore = s;
          console.log(`  ${group}.${String(key)} = ${value}: ${s.passed}/${s.total} (${s.bySet})`);
        }
      }
    }
  }
}
console.log('\nBest on the tuning sets:', JSON.stringify(best, null, 1));
console.log(`tuning: ${bestScore.bySet}`);
console.log(`blind (reported, not fitted): ${score(best, blind).bySet}`);
