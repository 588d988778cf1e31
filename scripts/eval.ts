// npm run eval [-- --update-baseline] [-- file.json …]: scores the evaluation sets and compares with the baseline.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CareerAdvisor } from '../src/career-advisor.js';
import { EvalCases } from '../src/eval/eval-cases.js';
import { runEval, type EvalReport } from '../src/eval/run-eval.js';
import { commandConfig, commandKnowledge } from './command-config.js';
import { EVAL_BASELINE_FILE, EVAL_SETS } from '../src/paths.js';
import { readBaseline, regressions } from '../src/eval/baseline.js';
import { idTranslation } from '../src/eval/id-translation.js';
import { loadPack } from '../src/knowledge/load-pack.js';
import { primaryPack } from '../src/knowledge/load-knowledge.js';

const args = process.argv.slice(2);
const update = args.includes('--update-baseline');
const verbose = args.includes('--verbose');
// --ids-from <pack-dir>: judge a pack whose unit ids differ (an imported one) in another pack's ids, matched by heading.
const idsFrom = args.includes('--ids-from') ? args[args.indexOf('--ids-from') + 1] : undefined;
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--ids-from');
const config = commandConfig();
const knowledge = commandKnowledge(config);
const advisor = new CareerAdvisor(knowledge);
const translate = idsFrom ? idTranslation(primaryPack(knowledge), loadPack(idsFrom, knowledge.common)) : undefined;
const sets = files.length ? files.map((file) => ({ file, role: 'given' })) : EVAL_SETS;
const pct = (n: number): string => `${(100 * n).toFixed(1)}%`;
const baseline = readBaseline(EVAL_BASELINE_FILE);
const next: Record<string, string[]> = { ...baseline };

for (const { file, role } of sets) {
  const name = basename(file);
  const report = runEval(advisor, EvalCases.parse(JSON.parse(readFileSync(file, 'utf8'))), translate);
  console.log(`\n=== ${name} (${role}) ===`);
  // Blind sets are reported, not studied: their misses are printed only on request.
  if (role !== 'blind' || verbose) print(report);
  const lost = regressions(baseline[name] ?? [], report);
  // A blind set's regressions are counted and named by key only: reading its questions would be tuning on it.
  if (lost.length) console.log(`Regressions against the baseline (${lost.length}):\n${lost.map((r) => (role === 'blind' && !verbose ? `  ${r.key}` : `  ${r.key} "${r.q}" → ${r.got}: ${r.problem}`)).join('\n')}`);
  next[name] = report.results.filter((r) => !r.problem).map((r) => r.key).sort();
  const o = report.offTopic;
  console.log(`Off topic: precision ${pct(o.precision)}, recall ${pct(o.recall)} (${o.truePositives} caught, ${o.falseNegatives} missed, ${o.falsePositives} on-topic questions refused)`);
  console.log(`Gap questions answered with a plain gap sentence: ${pct(report.gapShare)}`);
  console.log(`Accuracy ${pct(report.accuracy)} (${report.passed}/${report.total} turns)`);
}
if (update && !idsFrom) {
  writeFileSync(EVAL_BASELINE_FILE, `${JSON.stringify(next, null, 1)}\n`);
  console.log(`\nBaseline written to ${basename(EVAL_BASELINE_FILE)}.`);
}

function print(report: EvalReport): void {
  console.log('Misses:');
  for (const m of report.misses) console.log(`  ${m.key.padEnd(12)} "${m.q}"\n${' '.repeat(16)}expected ${m.expected}, got ${m.got} by "${m.rule}" (${m.confidence.toFixed(2)}): ${m.problem}`);
  console.log('\nBy category:');
  for (const [k, v] of Object.entries(report.byCategory).sort()) console.log(`  ${k.padEnd(14)} ${v.passed}/${v.total}  ${pct(v.passed / v.total)}`);
}
