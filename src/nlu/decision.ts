import type { IntentScore } from './intent-classifier.js';

/** What the bot remembers of a conversation between turns, so follow-ups work. Plain JSON. */
export interface ConversationMemory {
  /** The last unit answered, for "tell me more" and "what's next". */
  readonly unitId?: string;
  /** The last salary question's places and industries, for "what about New York?". */
  readonly salary?: {
    readonly states: readonly string[];
    readonly industries: readonly string[];
    /** The figures asked for lately, newest last, for "compare them" after two questions. */
    readonly recent?: readonly string[];
  };
  /** The last step of the how-to-become walk-through shown. */
  readonly step?: number;
}

export type TalkIntent = 'greeting' | 'thanks' | 'acknowledge' | 'bye' | 'help' | 'cancel' | 'start_over';

/** A salary question: which list or records it asks about. Figures are looked up when answering. */
export interface SalaryQuery {
  readonly intent: 'salary' | 'salary_industries' | 'salary_states';
  /** Postal codes, in the order named. */
  readonly states: readonly string[];
  /** Industry ids, in the order named. */
  readonly industries: readonly string[];
  /** Other careers named ("nurses"): the guide has no figures for them. */
  readonly careers: readonly string[];
  /** Postal codes as the user typed them ("TX"), so an answer can name the place both ways. */
  readonly typed?: Readonly<Record<string, string>>;
}

/** What the bot decided to do with one message. */
export type Action =
  | { readonly kind: 'answer'; readonly unitId: string }
  | { readonly kind: 'salary'; readonly query: SalaryQuery }
  | { readonly kind: 'talk'; readonly intent: TalkIntent }
  | { readonly kind: 'clarify'; readonly choices: readonly string[] }
  | { readonly kind: 'no_more'; readonly unitId: string }
  | { readonly kind: 'fallback'; readonly reason: FallbackReason };

/** An action with how sure the bot is and the intents it weighed. */
export type Decision = Action & { readonly confidence: number; readonly candidates: readonly IntentScore[] };

export type FallbackReason = 'out_of_scope' | 'low_confidence' | 'other_career' | 'markup';
