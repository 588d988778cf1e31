import { stem, TextPipeline } from '../understanding/text-pipeline.js';
import { GLUE_WORDS, NON_TOPIC_WORDS } from '../understanding/stopwords.js';

/** A word a question turns on, and the key it is grouped by: its stem, so "visa" and "visas" count together. */
export interface FocusTerm {
  readonly key: string;
  readonly word: string;
}

// The bot's own tokeniser, with no synonyms and no spelling correction: the report shows the words people typed.
const plainWords = new TextPipeline({ phrases: {}, words: {} });
// What maskContacts leaves in place of an e-mail address or phone number: not a word anyone asked about.
const MASKS = /\[(?:email|phone)\]/g;
// Words shorter than this are initials and stray letters ("i", "a", "s"), never a question's focus.
const MIN_WORD_CHARS = 2;

/**
 * The content words of a question, lower case, once each, in order: the bot's normaliser and tokeniser, minus its
 * stop words (the glue and the words that name no topic), minus the career's own names (every question is about
 * the career), minus numbers and masked contacts.
 */
export function focusTerms(text: string, careerWords: ReadonlySet<string> = new Set()): FocusTerm[] {
  const seen = new Set<string>();
  const terms: FocusTerm[] = [];
  for (const word of plainWords.process(text.replace(MASKS, ' '), false).tokens) {
    if (word.length < MIN_WORD_CHARS || !/[a-z]/.test(word)) continue;
    if (GLUE_WORDS.has(word) || NON_TOPIC_WORDS.has(word) || careerWords.has(word)) continue;
    const key = stem(word);
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ key, word });
  }
  return terms;
}
