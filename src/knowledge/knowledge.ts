import type { EntitiesFile, Replies, SynonymsFile } from './schema.js';

/** A piece of verbatim guide text: a paragraph, or a bullet list. */
export type ExcerptPart = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/** One answerable unit of the guide, resolved against guide.txt. */
export interface Unit {
  readonly id: string;
  readonly title: string;
  readonly parent: string | undefined;
  readonly step: number | undefined;
  readonly excerpt: readonly ExcerptPart[];
  readonly children: readonly string[];
  readonly listChildren: boolean;
  readonly ask: string;
  readonly keywords: readonly string[];
  readonly more: string | undefined;
  readonly related: readonly string[];
  /** Guide headings from the top-level section down to this unit, for the source line. */
  readonly source: readonly string[];
}

export type SalaryKind = 'state' | 'industry';

/** A salary figure, read from the guide's "Highest paying …" lists. */
export interface SalaryRecord {
  /** Answer id, e.g. salary_state_ca or salary_ind_hospitals. */
  readonly id: string;
  readonly kind: SalaryKind;
  /** Entity id: a postal code for states, an industry id for industries. */
  readonly entityId: string;
  readonly name: string;
  readonly annual: number;
  /** The figure exactly as the guide prints it, e.g. "$164,660". */
  readonly display: string;
}

export interface SalaryTable {
  readonly kind: SalaryKind;
  /** The guide's heading for the list, e.g. "Highest paying states". */
  readonly heading: string;
  /** In the guide's order, highest first. */
  readonly records: readonly SalaryRecord[];
}

export type Entities = EntitiesFile;
export type Synonyms = SynonymsFile;

export interface Knowledge {
  readonly units: ReadonlyMap<string, Unit>;
  readonly salary: { readonly overview: Unit; readonly industries: SalaryTable; readonly states: SalaryTable };
  readonly entities: Entities;
  readonly synonyms: Synonyms;
  readonly utterances: Readonly<Record<string, readonly string[]>>;
  readonly replies: Replies;
  /** Every word of the guide, lower case, for spelling correction. */
  readonly guideWords: readonly string[];
  /** A hash of every knowledge file's bytes: what a trained model was trained on. */
  readonly fingerprint: string;
}

/** Intents that are not guide units: the bot's own conversation moves. */
export const CONVERSATION_INTENTS = ['greeting', 'thanks', 'acknowledge', 'bye', 'help', 'cancel', 'start_over', 'next_step', 'more'] as const;
/** Salary intents; the figures come from the salary tables, never from the utterances. */
export const SALARY_INTENTS = ['salary', 'salary_industries', 'salary_states'] as const;
export type ConversationIntent = (typeof CONVERSATION_INTENTS)[number];
export type SalaryIntent = (typeof SALARY_INTENTS)[number];
