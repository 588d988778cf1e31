import type { Reply } from '../answer/reply.js';
import type { CareerAdvisor } from '../career-advisor.js';
import type { ConversationMemory } from '../nlu/decision.js';
import type { EvalCases, EvalTurn } from './eval-cases.js';

export interface TurnResult {
  readonly caseId: string;
  readonly category: string;
  readonly q: string;
  readonly expected: string;
  readonly got: string;
  readonly pass: boolean;
  readonly confidence: number;
  readonly outOfScope: boolean;
  readonly fellBack: boolean;
}

export interface EvalReport {
  readonly total: number;
  readonly passed: number;
  readonly accuracy: number;
  readonly byCategory: Record<string, { passed: number; total: number }>;
  readonly byExpected: Record<string, { passed: number; total: number }>;
  /** Out-of-scope detection: precision and recall of falling back on out-of-scope questions. */
  readonly outOfScope: { precision: number; recall: number; truePositives: number; falsePositives: number; falseNegatives: number };
  readonly misses: readonly TurnResult[];
  readonly results: readonly TurnResult[];
}

/** What a reply answered, in the eval's vocabulary. */
export function describe(reply: Reply): string {
  if (reply.outcome === 'talk') return 'smalltalk';
  if (reply.outcome === 'answer' || reply.outcome === 'salary') return reply.unitIds.join('+');
  return reply.outcome;
}

export function judgeTurn(turn: EvalTurn, reply: Reply): boolean {
  if (turn.outcome === 'smalltalk') return reply.outcome === 'talk';
  if (turn.outcome === 'fallback') return reply.outcome === 'fallback';
  if (turn.outcome === 'nodata') return reply.outcome === 'nodata';
  if (turn.expect) return turn.expect.some((id) => reply.unitIds.includes(id));
  if (turn.all) return turn.all.every((id) => reply.unitIds.includes(id));
  return false;
}

/** Runs every case as a conversation through the advisor and scores each turn. */
export function runEval(advisor: CareerAdvisor, cases: EvalCases): EvalReport {
  const results: TurnResult[] = [];
  for (const c of cases.cases) {
    let memory: ConversationMemory = {};
    for (const turn of c.turns) {
      const { decision, reply } = advisor.respond(turn.q, memory);
      memory = reply.memory;
      results.push({
        caseId: c.id, category: c.category, q: turn.q,
        expected: turn.outcome ?? (turn.expect ? turn.expect.join('|') : `all:${turn.all!.join('+')}`),
        got: describe(reply), pass: judgeTurn(turn, reply), confidence: decision.confidence,
        outOfScope: turn.outcome === 'fallback', fellBack: reply.outcome === 'fallback',
      });
    }
  }
  const tally = (key: (r: TurnResult) => string): Record<string, { passed: number; total: number }> => {
    const out: Record<string, { passed: number; total: number }> = {};
    for (const r of results) {
      const t = (out[key(r)] ??= { passed: 0, total: 0 });
      t.total++;
      if (r.pass) t.passed++;
    }
    return out;
  };
  const tp = results.filter((r) => r.outOfScope && r.fellBack).length;
  const fp = results.filter((r) => !r.outOfScope && r.fellBack).length;
  const fn = results.filter((r) => r.outOfScope && !r.fellBack).length;
  const passed = results.filter((r) => r.pass).length;
  return {
    total: results.length, passed, accuracy: results.length ? passed / results.length : 0,
    byCategory: tally((r) => r.category),
    byExpected: tally((r) => r.expected.split(/[|+:]/)[0] === 'all' ? r.expected.split(/[:+]/)[1]! : r.expected.split('|')[0]!),
    outOfScope: { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, truePositives: tp, falsePositives: fp, falseNegatives: fn },
    misses: results.filter((r) => !r.pass), results,
  };
}
