// npm run eval: scores the project's own evaluation set and compares it with the previous run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CareerAdvisor } from '../src/career-advisor.js';
import { EvalCases } from '../src/eval/eval-cases.js';
import { runEval } from '../src/eval/run-eval.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { EVAL_CASES_FILE, KNOWLEDGE_DIR, PROJECT_ROOT } from '../src/paths.js';

const advisor = new CareerAdvisor(loadKnowledge(KNOWLEDGE_DIR));
const cases = EvalCases.parse(JSON.parse(readFileSync(EVAL_CASES_FILE, 'utf8')));
const report = runEval(advisor, cases);
const pct = (n: number): string => `${(100 * n).toFixed(1)}%`;

const lastDir = join(PROJECT_ROOT, '.eval');
const lastFile = join(lastDir, 'last-run.json');
const previous = existsSync(lastFile) ? (JSON.parse(readFileSync(lastFile, 'utf8')) as { accuracy: number; passing: string[] }) : undefined;

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
if (previous) {
  const now = new Set(report.results.filter((r) => r.pass).map((r) => `${r.caseId}:${r.q}`));
  const lost = previous.passing.filter((k) => !now.has(k));
  const delta = report.accuracy - previous.accuracy;
  console.log(`Previous run: ${pct(previous.accuracy)} (${delta >= 0 ? '+' : ''}${(100 * delta).toFixed(1)} points)`);
  for (const k of lost) console.log(`  regression: ${k}`);
}
console.log(`Accuracy ${pct(report.accuracy)} (${report.passed}/${report.total} turns)`);
mkdirSync(lastDir, { recursive: true });
writeFileSync(lastFile, JSON.stringify({ accuracy: report.accuracy, passing: report.results.filter((r) => r.pass).map((r) => `${r.caseId}:${r.q}`) }));
