import type { Starter } from './schema.js';
import type { Templates } from './templates.js';

/** A piece of verbatim guide text: a paragraph, or a bullet list. */
export type ExcerptPart = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/** One answerable unit of the guide, resolved against guide.txt. */
export interface Unit {
  readonly id: string;
  readonly title: string;
  /** A button caption for this unit's question, at most 30 characters. */
  readonly label: string;
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
  /** The guide heading this unit's text sits under, for a link to that section. */
  readonly heading: string | undefined;
}

export type SalaryKind = 'state' | 'industry';

/** A salary figure, read from the guide's "Highest paying …" lists. */
export interface SalaryRecord {
  /** Answer id, e.g. salary_state_ca or salary_ind_hospitals. */
  readonly id: string;
  readonly kind: SalaryKind;
  /** Entity id: a postal code for states, an industry id for industries. */
  readonly entityId: string;
  /** As the guide names it ("Hospitals"). */
  readonly name: string;
  /** As it reads inside a sentence ("hospitals"). */
  readonly inline: string;
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

export interface Salary {
  /** The unit that introduces the figures; general pay questions are answered with it. */
  readonly overview: Unit;
  readonly industries?: SalaryTable;
  readonly states?: SalaryTable;
  /** How often the figures are paid ("a year"), as the pack's curator says; undefined when nobody said. */
  readonly period?: string;
}

export interface State { readonly id: string; readonly name: string; readonly abbr: string; readonly abbrMatch: 'any' | 'upper' | 'never'; readonly aliases: readonly string[] }
export interface Industry { readonly id: string; readonly name: string; readonly inline: string; readonly aliases: readonly string[]; /** The guide lists a figure for it. */ readonly listed: boolean }
export interface Career { readonly id: string; readonly name: string; readonly aliases: readonly string[]; /** The guide names it, as a path from this career. */ readonly inGuide: boolean }
export interface Place { readonly id: string; readonly name: string; readonly aliases: readonly string[] }

export interface Entities {
  readonly states: readonly State[];
  readonly industries: readonly Industry[];
  readonly careers: readonly Career[];
  readonly jobTitles: readonly string[];
  readonly places: readonly Place[];
}

export interface Synonyms {
  readonly phrases: Readonly<Record<string, string>>;
  readonly words: Readonly<Record<string, string>>;
}

export interface Topic { readonly id: string; readonly label: string; readonly phrases: readonly string[]; readonly salary: boolean; readonly near?: string | undefined }
export interface Topics {
  readonly topics: readonly Topic[];
  readonly quantity: readonly string[];
  readonly evaluative: readonly string[];
}

export interface CareerNames {
  readonly name: string;
  readonly plural: string;
  readonly short: string;
  readonly shortPlural: string;
  /** Every way of naming the career the bot recognises, lower case, longest first. */
  readonly aliases: readonly string[];
}

/** The conversation moves every pack shares: small talk, help, navigation, yes and no. */
export const CONVERSATION_INTENTS = [
  'greeting', 'thanks', 'acknowledge', 'bye', 'help', 'cancel', 'start_over',
  'next_step', 'previous_step', 'more', 'yes', 'no', 'per_year', 'why', 'handoff',
] as const;
export type ConversationIntent = (typeof CONVERSATION_INTENTS)[number];
/** The moves that are small talk, answered with one of the bot's own sentences whatever was said before. */
export const TALK_INTENTS = ['greeting', 'thanks', 'acknowledge', 'bye', 'help', 'cancel', 'start_over'] as const satisfies readonly ConversationIntent[];
export type TalkIntent = (typeof TALK_INTENTS)[number];
/** Salary intents; the figures come from the salary tables, never from the phrasings. */
export const SALARY_INTENTS = ['salary', 'salary_industries', 'salary_states'] as const;
export type SalaryIntent = (typeof SALARY_INTENTS)[number];

/** One career guide, loaded and validated: everything the bot knows and says about that career. */
export interface Pack {
  readonly id: string;
  /** The folder it was loaded from, for messages. */
  readonly dir: string;
  readonly career: CareerNames;
  readonly guide: { readonly title: string; readonly url: string | undefined };
  readonly units: ReadonlyMap<string, Unit>;
  /** The "how to become" walk-through: its overview unit and its steps in order, when the guide has "Step N:" sections. */
  readonly walkthrough: { readonly unitId: string; readonly steps: readonly string[] } | undefined;
  readonly salary: Salary | undefined;
  readonly entities: Entities;
  readonly synonyms: Synonyms;
  /** Example phrasings per unit or salary intent: curated, and possibly empty. */
  readonly phrasings: Readonly<Record<string, readonly string[]>>;
  readonly conversation: Readonly<Record<ConversationIntent, readonly string[]>>;
  readonly replies: Templates;
  readonly starters: readonly Starter[];
  readonly topics: Topics;
  /** Names in the guide's lists with a link to them. */
  readonly links: Readonly<Record<string, string>>;
  /** Every word of the guide, lower case, for spelling correction and for telling what the guide knows. */
  readonly guideWords: readonly string[];
  /** The guide's whole text, lower case with quotes folded, for phrase lookups. */
  readonly guideText: string;
  /** A hash of every file the pack was loaded from: what a trained model was trained on. */
  readonly fingerprint: string;
}
