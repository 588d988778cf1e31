/** How the report sorts the bot's replies for a content owner: what was answered, half answered, missed or else. */
export interface OutcomeGroup {
  readonly id: 'answered' | 'partial' | 'gap' | 'clarify' | 'off_topic' | 'other';
  readonly label: string;
  /** What the group means, in a sentence for the page. */
  readonly meaning: string;
  /** The turn log's outcomes in it; 'other' also takes any outcome not listed anywhere. */
  readonly outcomes: readonly string[];
}

export const OUTCOME_GROUPS: readonly OutcomeGroup[] = [
  { id: 'answered', label: 'Answered', meaning: 'The guide answered the question: a section of it, or pay figures.', outcomes: ['answer', 'salary'] },
  { id: 'partial', label: 'Partly answered', meaning: 'The bot gave what the guide has and said what it lacks, e.g. pay figures but not first-year pay.', outcomes: ['partial'] },
  { id: 'gap', label: 'Not in the guide', meaning: 'On topic, but the guide has no answer or no figure for it.', outcomes: ['gap', 'nodata'] },
  { id: 'clarify', label: 'Did you mean…?', meaning: 'The bot was unsure and offered a few choices.', outcomes: ['clarify'] },
  { id: 'off_topic', label: 'Off-topic', meaning: 'Not about the career the guide covers.', outcomes: ['off_topic'] },
  { id: 'other', label: 'Everything else', meaning: 'Greetings, thanks and help; messages not in English; “tell me more” at the end of a section; asking for a person.', outcomes: ['talk', 'language', 'no_more', 'handoff'] },
];

/** Each outcome of the turn log, in plain words. */
export const OUTCOME_NAMES: Readonly<Record<string, string>> = {
  answer: 'guide answer',
  salary: 'pay figures',
  partial: 'partly answered',
  gap: 'not in the guide',
  nodata: 'no figure in the guide',
  clarify: 'did you mean',
  talk: 'small talk or help',
  off_topic: 'off-topic',
  language: 'not in English',
  no_more: 'nothing more to show',
  handoff: 'asked for a person',
};

/** The group an outcome belongs to; outcomes the report does not know yet count as 'other'. */
export function groupOf(outcome: string): OutcomeGroup['id'] {
  return OUTCOME_GROUPS.find((g) => g.outcomes.includes(outcome))?.id ?? 'other';
}

export function outcomeName(outcome: string): string {
  return OUTCOME_NAMES[outcome] ?? outcome;
}
