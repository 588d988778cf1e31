import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { EvalReport, TurnResult } from './run-eval.js';

/** Per evaluation set, the keys of the turns that passed when the baseline was last accepted. */
const Baseline = z.record(z.string(), z.array(z.string()));
export type Baseline = z.infer<typeof Baseline>;

export function readBaseline(file: string): Baseline {
  return existsSync(file) ? Baseline.parse(JSON.parse(readFileSync(file, 'utf8'))) : {};
}

/** Turns the baseline says passed that fail now. */
export function regressions(passing: readonly string[], report: EvalReport): TurnResult[] {
  const was = new Set(passing);
  return report.results.filter((r) => r.problem && was.has(r.key));
}
