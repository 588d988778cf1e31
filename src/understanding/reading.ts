import type { Topic } from '../knowledge/knowledge.js';
import type { EntityMention } from './entities.js';
import type { IntentScore } from './intent-classifier.js';

/** A topic the guide doesn't cover, with the pack's unit that comes closest (found from the topic's "near" words). */
export interface NamedTopic extends Topic {
  readonly nearest?: string;
}

/** How one piece of a message (its question, or one part of it) reads against a guide pack. */
export interface Analysis {
  /** The piece as typed. */
  readonly text: string;
  /** Canonical words, spelling corrected. */
  readonly tokens: readonly string[];
  /** Guide units, salary intents and conversation moves, each with a score in [0, 1], best first. */
  readonly ranked: readonly IntentScore[];
  /** Passage retrieval alone: the units whose own heading, question and text match best, best first (PASSAGES_KEPT of them). */
  readonly passages: readonly IntentScore[];
  readonly entities: readonly EntityMention[];
  /** A job title the careers list doesn't name ("pharmacovigilance specialist"). */
  readonly jobTitle: EntityMention | undefined;
  /** Units named outright by one of their keywords. */
  readonly keywords: readonly string[];
  /** Of the words that could name a topic, the share the pack knows. */
  readonly coverage: number;
  /** Topic words the pack doesn't know at all, as typed: what a gap sentence names. */
  readonly unknown: readonly string[];
  /** Topic words other than places, industries, careers and conversation words: what is asked about. */
  readonly topicWords: readonly string[];
  readonly signals: Signals;
}

/** What a piece of a message asks for, beyond its topic. */
export interface Signals {
  /** Pay: "salary", "how much … make", "what does X make". */
  readonly pay: boolean;
  /** A number: "how many days", "what percentage". */
  readonly quantity: boolean;
  /** A judgement: "is Pfizer a good company". */
  readonly evaluative: boolean;
  /** Setting two things side by side: "versus", "compared with", "different from". */
  readonly compare: boolean;
  /** "Why …?" */
  readonly why: boolean;
  /** What comes after something: "after my master's". */
  readonly after: boolean;
  /** The pack's career is named ("MSL"). */
  readonly careerNamed: boolean;
  /** Topics the guide doesn't cover that the question names ("visas", "first-year pay"), each with the unit nearest to it. */
  readonly topics: readonly NamedTopic[];
}

export type ReadingKind = 'empty' | 'markup' | 'foreign' | 'text';

/** How a whole message reads: what it asks, in one or more parts. Plain data, for the policy to act on. */
export interface Reading {
  readonly kind: ReadingKind;
  /** The message began with a greeting before its question ("hii, what does an MSL do"). */
  readonly greeting: boolean;
  /** The question, or the whole message when nothing in it reads as one. */
  readonly focus: Analysis;
  /** Each question of a message that asks several, in order; empty when it asks one. */
  readonly parts: readonly Analysis[];
  /** The whole message, when it has more than its question: story around it that may name what the question means. */
  readonly whole?: Analysis;
}
