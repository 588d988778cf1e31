import type { CareerAdvisor } from '../career-advisor.js';
import type { ConversationMemory } from '../policy/memory.js';
import type { EvalCases, EvalTurn } from './eval-cases.js';
import { GAP_STATEMENT, judgeTurn, readableText } from './judge.js';

export interface TurnResult {
  /** "case id#turn number": stable across runs, for the per-turn baseline. */
  readonly key: string;
  readonly category: string;
  readonly q: string;
  readonly expected: string;
  readonly got: string;
  /** Why it failed; undefined when it passed. */
  readonly problem: string | undefined;
  readonly rule: string;
  readonly confidence: number;
  readonly offTopic: boolean;
  readonly fellBack: boolean;
  readonly gapAsked: boolean;
  readonly gapSaid: boolean;
}

export interface Tally { passed: number; total: number }

export interface EvalReport {
  readonly total: number;
  readonly passed: number;
  readonly accuracy: number;
  readonly byCategory: Record<string, Tally>;
  readonly byExpected: Record<string, Tally>;
  /** Off-topic detection: precision and recall of the off-topic reply on off-topic questions. */
  readonly offTopic: { precision: number; recall: number; truePositives: number; falsePositives: number; falseNegatives: number };
  /** Of the questions about the career that the guide doesn't (fully) answer, the share whose reply says so. */
  readonly gapShare: number;
  readonly results: readonly TurnResult[];
  readonly misses: readonly TurnResult[];
}

/** What a turn expects, in a word or two, for reports. */
export function expectation(t: EvalTurn): string {
  const parts = [t.gap ? 'gap' : '', t.expect?.join('|') ?? '', t.all ? `all:${t.all.join('+')}` : '', t.outcome ?? '', t.any ? 'any' : ''].filter(Boolean);
  return parts.join(' ');
}

/** Runs every case as a conversation through the advisor, each turn's memory carried to the next, and judges each turn. */
export function runEval(advisor: CareerAdvisor, cases: EvalCases, translate: (id: string) => string = (id) => id): EvalReport {
  const results: TurnResult[] = [];
  for (const c of cases.cases) {
    let memory: ConversationMemory = {};
    c.turns.forEach((turn, i) => {
      const { decision, reply: given } = advisor.respond(turn.q, memory);
      const reply = { ...given, unitIds: given.unitIds.map(translate) };
      memory = decision.memory;
      const problem = judgeTurn(turn, reply);
      results.push({
        key: `${c.id}#${i + 1}`, category: c.category, q: turn.q, expected: expectation(turn),
        got: `${reply.outcome}${reply.unitIds.length ? `:${reply.unitIds.join('+')}` : ''}`, problem,
        rule: decision.rule, confidence: decision.confidence,
        offTopic: turn.outcome === 'fallback', fellBack: reply.outcome === 'off_topic',
        gapAsked: turn.gap === true, gapSaid: GAP_STATEMENT.test(readableText(reply)),
      });
    });
  }
  const tally = (key: (r: TurnResult) => string): Record<string, Tally> => {
    const out: Record<string, Tally> = {};
    for (const r of results) {
      const t = (out[key(r)] ??= { passed: 0, total: 0 });
      t.total++;
      if (!r.problem) t.passed++;
    }
    return out;
  };
  const tp = results.filter((r) => r.offTopic && r.fellBack).length;
  const fp = results.filter((r) => !r.offTopic && r.fellBack).length;
  const fn = results.filter((r) => r.offTopic && !r.fellBack).length;
  const passed = results.filter((r) => !r.problem).length;
  const gapAsked = results.filter((r) => r.gapAsked);
  return {
    total: results.length, passed, accuracy: results.length ? passed / results.length : 0,
    byCategory: tally((r) => r.category),
    byExpected: tally((r) => r.expected.split(/[ |+:]/)[0] === 'all' ? r.expected.split(/[:+]/)[1]! : r.expected.split(/[ |]/)[0]!),
    offTopic: { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, truePositives: tp, falsePositives: fp, falseNegatives: fn },
    gapShare: gapAsked.length ? gapAsked.filter((r) => r.gapSaid).length / gapAsked.length : 1,
    results, misses: results.filter((r) => r.problem),
  };
}
