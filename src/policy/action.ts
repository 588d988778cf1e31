import type { TalkIntent } from '../knowledge/knowledge.js';
import type { IntentScore } from '../understanding/intent-classifier.js';
import type { ConversationMemory } from './memory.js';

/** A salary question: which list or records it asks about. Figures are looked up when answering. */
export interface SalaryQuery {
  readonly intent: 'salary' | 'salary_industries' | 'salary_states';
  /** Postal codes, in the order named. */
  readonly states: readonly string[];
  /** Industry ids, in the order named (listed in the guide or not). */
  readonly industries: readonly string[];
  /** Places abroad named, which the guide has no figures for. */
  readonly places: readonly string[];
  /** Other careers named ("nurses"): the guide has no figures for them. */
  readonly careers: readonly string[];
  /** Postal codes as the user typed them ("TX"), so an answer can name the place both ways. */
  readonly typed?: Readonly<Record<string, string>>;
  /** "Which industry pays the most?": the top one, with the rest below it. */
  readonly top?: boolean;
}

/** What the guide doesn't cover in a question, in the words the reply will use. */
export type Gap =
  /** A topic the guide leaves out: one of the curated topics, or the question's own words the guide doesn't know. */
  | { readonly kind: 'topic'; readonly topic: string; readonly from: 'topics' | 'words' }
  | { readonly kind: 'question' }
  | { readonly kind: 'figures' }
  | { readonly kind: 'why' }
  | { readonly kind: 'compare'; readonly first: string; readonly second: string }
  | { readonly kind: 'list_item'; readonly name: string; readonly list: string }
  | { readonly kind: 'salary'; readonly topic: string };

export type { TalkIntent };

/** What the bot decided to do with one message. */
export type Action =
  /** Quote one unit, or two for a message that asked two things; with a gap when the guide answers only part. */
  | { readonly kind: 'answer'; readonly unitIds: readonly string[]; readonly gap?: Gap }
  | { readonly kind: 'salary'; readonly query: SalaryQuery; readonly gap?: Gap; readonly yearly?: boolean }
  /** The question is about the career, but the guide doesn't answer it; the nearest unit when one is close. */
  | { readonly kind: 'gap'; readonly gap: Gap; readonly nearest?: string }
  /** A message that asked two things the guide answers differently: both answers, in order. */
  | { readonly kind: 'both'; readonly first: Action; readonly second: Action }
  | { readonly kind: 'clarify'; readonly choices: readonly string[] }
  | { readonly kind: 'talk'; readonly intent: TalkIntent }
  /** "No" to a "Did you mean…?". */
  | { readonly kind: 'declined' }
  | { readonly kind: 'no_more'; readonly unitId: string; readonly end?: 'last' | 'first' }
  | { readonly kind: 'language' }
  | { readonly kind: 'handoff' }
  | { readonly kind: 'other_career'; readonly career: string }
  | { readonly kind: 'off_topic'; readonly reason: 'out_of_scope' | 'markup' };

/** An action, the rule that chose it, how sure the bot is, and what to remember for the next turn. */
export interface Decision {
  readonly action: Action;
  /** The policy rule that decided, for logs and `npm run ask`. */
  readonly rule: string;
  readonly confidence: number;
  /** The best candidates weighed, for logs and authoring tools. */
  readonly candidates: readonly IntentScore[];
  readonly memory: ConversationMemory;
}
