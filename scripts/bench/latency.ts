import { performance } from 'node:perf_hooks';
import type { CareerAdvisor } from '../../src/career-advisor.js';
import type { ConversationMemory } from '../../src/policy/memory.js';
import type { EvalSet } from './eval-questions.js';
import { percentile } from './stats.js';

/** Untimed turns first, so the JIT has compiled the hot paths: every turn once, or this long if that is sooner. */
const WARM_UP_MS = 3_000;
/** Timed passes over every turn go on until this long has passed (at least one, at most MAX_TIMED_PASSES). */
const TIMED_MS = 5_000;
/** Ten passes give several thousand samples, plenty for a stable 99th percentile. */
const MAX_TIMED_PASSES = 10;

export interface Percentiles {
  readonly turns: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface LatencyResult extends Percentiles {
  /** The same, for each evaluation set alone: long forum-style messages cost more than short questions. */
  readonly bySet: ReadonlyMap<string, Percentiles>;
}

/**
 * Times CareerAdvisor.respond (understanding, policy and composing) on every turn of every conversation of every
 * set, carrying each conversation's memory along.
 */
export function measureLatency(advisor: CareerAdvisor, sets: readonly EvalSet[]): LatencyResult {
  const warmUpEnd = performance.now() + WARM_UP_MS;
  for (const set of sets) pass(advisor, set.conversations, () => performance.now() < warmUpEnd);

  const samples = new Map(sets.map((s) => [s.name, [] as number[]]));
  const timedEnd = performance.now() + TIMED_MS;
  for (let passes = 0; passes < MAX_TIMED_PASSES && (passes === 0 || performance.now() < timedEnd); passes++) {
    for (const set of sets) pass(advisor, set.conversations, () => true, (ms) => samples.get(set.name)!.push(ms));
  }
  const all = [...samples.values()].flat();
  return { ...percentiles(all), bySet: new Map([...samples].map(([name, ms]) => [name, percentiles(ms)])) };
}

function percentiles(samples: readonly number[]): Percentiles {
  return { turns: samples.length, p50Ms: percentile(samples, 0.5), p99Ms: percentile(samples, 0.99), maxMs: Math.max(...samples) };
}

/** One pass over the conversations, stopping early when `goOn` says so, handing each turn's duration to `record`. */
function pass(advisor: CareerAdvisor, conversations: readonly (readonly string[])[], goOn: () => boolean, record?: (ms: number) => void): void {
  for (const turns of conversations) {
    if (!goOn()) return;
    let memory: ConversationMemory = {};
    for (const text of turns) {
      const start = performance.now();
      memory = advisor.respond(text, memory).decision.memory;
      record?.(performance.now() - start);
    }
  }
}
