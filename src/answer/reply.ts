import type { ConversationMemory } from '../nlu/decision.js';

/** A figure on a salary card. */
export interface SalaryFact {
  readonly label: string;
  /** As the guide prints it, e.g. "$164,660". */
  readonly value: string;
}

/** The figures of a salary reply, for an Adaptive Card. The same figures are always in the text too. */
export interface SalaryCard {
  readonly title: string;
  readonly facts: readonly SalaryFact[];
  readonly note?: string;
  readonly source: string;
}

export type Outcome = 'answer' | 'salary' | 'nodata' | 'talk' | 'clarify' | 'fallback' | 'no_more';

/** One reply, channel-neutral: the bot layer renders it as an activity. */
export interface Reply {
  /** Markdown, shown on every channel. */
  readonly text: string;
  readonly card?: SalaryCard;
  /** Follow-up questions offered as buttons; at most three. */
  readonly suggestions: readonly string[];
  readonly outcome: Outcome;
  /** Guide units and salary records in this reply, for logs and evaluation. */
  readonly unitIds: readonly string[];
  /** What to remember for the next turn. */
  readonly memory: ConversationMemory;
}

// Teams renders at most three suggested actions; other channels follow suit so replies look the same.
export const MAX_SUGGESTIONS = 3;
