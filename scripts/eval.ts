// npm run eval [-- file.json]: scores the project's own evaluation sets and compares with the previous run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CareerAdvisor } from '../src/career-advisor.js';
import { EvalCases } from '../src/eval/eval-cases.js';
import { runEval, type EvalReport } from '../src/eval/run-eval.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { EVAL_CASES_FILES, KNOWLEDGE_DIR, PROJECT_ROOT } from '../src/paths.js';

const advisor = new CareerAdvisor(loadKnowledge(KNOWLEDGE_DIR));
const files = process.argv.length > 2 ? process.argv.slice(2) : [...EVAL_CASES_FILES];
const pct = (n: number): string => `${(100 * n).toFixed(1)}%`;
const lastDir = join(PROJECT_ROOT, '.eval');
mkdirSync(lastDir, { recursive: true });

for (const file of files) {
  const report = runEval(advisor, EvalCases.parse(JSON.parse(readFileSync(file, 'utf8'))));
  console.log(`\n=== ${basename(file)} ===`);
  print(report);
  compareWithLastRun(join(lastDir, `${basename(file, '.json')}.last.json`), report);
  console.log(`Accuracy ${pct(report.accuracy)} (${report.passed}/${report.total} turns)`);
}

function print(report: EvalReport): void {
  console.log('Misses:');
  for (const m of report.misses) console.log(`  ${m.caseId.padEnd(14)} "${m.q}"\n${' '.repeat(18)}expected ${m.expected}, got ${m.got} (confidence ${m.confidence.toFixed(2)})`);
  console.log('\nBy category:');
  for (const [k, v] of Object.entries(report.byCategory).sort()) console.log(`  ${k.padEnd(14)} ${v.passed}/${v.total}  ${pct(v.passed / v.total)}`);
  console.log('\nBy expected answer (below 100% only):');
  for (const [k, v] of Object.entries(report.byExpected).sort()) if (v.passed < v.total) console.log(`  ${k.padEnd(20)} ${v.passed}/${v.total}`);
  const confusion = new Map<string, number>();
  for (const m of report.misses) confusion.set(`${m.expected} -> ${m.got}`, (confusion.get(`${m.expected} -> ${m.got}`) ?? 0) + 1);
  console.log('\nConfusions (expected -> got):');
  for (const [k, n] of [...confusion].sort((a, b) => b[1] - a[1])) console.log(`  ${n}× ${k}`);
  const o = report.outOfScope;
  console.log(`\nOut of scope: precision ${pct(o.precision)}, recall ${pct(o.recall)} (${o.truePositives} caught, ${o.falseNegatives} missed, ${o.falsePositives} in-scope questions wrongly refused)`);
}

function compareWithLastRun(file: string, report: EvalReport): void {
  const passing = report.results.filter((r) => r.pass).map((r) => `${r.caseId}:${r.q}`);
  if (existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, 'utf8')) as { accuracy: number; passing: string[] };
    const now = new Set(passing);
    const delta = report.accuracy - previous.accuracy;
    console.log(`Previous run: ${pct(previous.accuracy)} (${delta >= 0 ? '+' : ''}${(100 * delta).toFixed(1)} points)`);
    for (const k of previous.passing.filter((p) => !now.has(p))) console.log(`  regression: ${k}`);
  }
  writeFileSync(file, JSON.stringify({ accuracy: report.accuracy, passing }));
}
