import { SALARY_INTENTS, type Pack } from '../knowledge/knowledge.js';
import type { EntityMention } from '../understanding/entities.js';
import { byScoreDescending, type IntentScore } from '../understanding/intent-classifier.js';
import type { Analysis, Reading } from '../understanding/reading.js';
import type { ConversationMemory } from './memory.js';
import { FOLLOW_UP_WORDS, THRESHOLDS, type Thresholds } from './thresholds.js';
import { neighbours } from './walkthrough.js';

const SALARY = new Set<string>(SALARY_INTENTS);

/** Everything a rule looks at, worked out once per question. Plain data. */
export interface Context {
  readonly pack: Pack;
  readonly reading: Reading;
  /** The question being decided: the message's focus, or one of its parts. */
  readonly a: Analysis;
  readonly memory: ConversationMemory;
  /** The best intent of all, conversation moves included. */
  readonly top: IntentScore | undefined;
  /** Units and salary intents, best first, parts and siblings of the last answer raised a little. */
  readonly answerable: readonly IntentScore[];
  /** The best answerable score, scaled by how much of the question the pack knows. */
  readonly confidence: number;
  /** States, industries and places abroad named. */
  readonly places: readonly EntityMention[];
  /** Other careers named, and for a pay question any job title. */
  readonly careers: readonly EntityMention[];
  /** A short message right after an answer, read as a follow-up to it. */
  readonly followUp: boolean;
  /** The question is about the career: it names it, asks about pay, names a career topic, or follows up. */
  readonly inDomain: boolean;
  /** The policy's numbers: THRESHOLDS, or a candidate set while fitting them (scripts/fit-thresholds.ts). */
  readonly thresholds: Thresholds;
}

/** The context of one question; a part of a longer message is on topic when the whole message is. */
export function contextFor(pack: Pack, reading: Reading, a: Analysis, memory: ConversationMemory, wholeOnTopic = false, thresholds: Thresholds = THRESHOLDS): Context {
  const near = new Set(neighbours(pack, memory.unitId));
  // The message's story counts a little towards what its question means ("…interview next week. Any advice?").
  const story = a === reading.focus && reading.whole ? scoresOf(reading.whole.ranked) : undefined;
  const answerable: IntentScore[] = [];
  for (const c of a.ranked) {
    if (!(pack.units.has(c.intent) || (SALARY.has(c.intent) && pack.salary))) continue;
    answerable.push({ intent: c.intent, score: Math.min(1, c.score + (near.has(c.intent) ? thresholds.context : 0) + thresholds.story * (story?.get(c.intent) ?? 0)) });
  }
  answerable.sort(byScoreDescending);
  const confidence = (answerable[0]?.score ?? 0) * a.coverage;
  const careers = [...a.entities.filter((e) => e.type === 'career'), ...(a.jobTitle ? [a.jobTitle] : [])];
  const followUp = (memory.unitId !== undefined || memory.salary !== undefined) && a.topicWords.length <= FOLLOW_UP_WORDS;
  const inDomain = wholeOnTopic || a.signals.careerNamed || a.signals.pay || a.signals.topics.length > 0
    // A fair match counts only when nothing in the question is foreign to the guide: "best pizza place in New York".
    || (confidence >= thresholds.clarify && a.coverage >= thresholds.minCoverage && (a.unknown.length === 0 || confidence >= thresholds.answer))
    || (followUp && a.coverage > 0);
  return {
    pack, reading, a, memory, top: a.ranked[0], answerable, confidence,
    places: a.entities.filter((e) => e.type !== 'career'), careers, followUp, inDomain, thresholds,
  };
}

function scoresOf(ranked: readonly IntentScore[]): Map<string, number> {
  const scores = new Map<string, number>();
  for (const c of ranked) scores.set(c.intent, c.score);
  return scores;
}
