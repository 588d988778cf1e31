import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { Synonyms } from '../knowledge/knowledge.js';
import { normalize } from './normalize.js';
import type { SpellingCorrector } from './spelling.js';
import { GLUE_WORDS } from './stopwords.js';

/** A message after normalising, canonical wording and spelling correction. */
export interface ProcessedText {
  readonly normalized: string;
  /** Canonical lower-case words, spelling corrected, in order. */
  readonly tokens: readonly string[];
  /** Porter stems of the tokens that are not glue words: the classifier's features. */
  readonly stems: readonly string[];
}

// Words keep inner apostrophes, ampersands and dots ("r&d", "ph.d") so synonyms can map them;
// hyphens and slashes split ("hospital-based", "AI/ML") once the phrase synonyms have had their turn.
const WORD = /[a-z0-9$%]+(?:['&.][a-z0-9]+)*/g;
// Most words have no apostrophe or dot to strip.
const PLAIN_WORD = /^[a-z0-9$%&]+$/;

// Canonical forms remembered: a busy day's vocabulary, bounded so a flood of made-up words cannot grow the memory.
const MAX_CACHED_WORDS = 20_000;

/** Turns raw text into canonical tokens and stems, the same way for training data and for user messages. */
export class TextPipeline {
  private readonly phrases: RegExp;
  private readonly phraseTable: ReadonlyMap<string, string>;
  /**
   * The word synonyms, as a Map: they are looked up by the user's words, and an object would answer "constructor"
   * or "__proto__" with what every object inherits.
   */
  private readonly words: ReadonlyMap<string, string>;
  /** Typed words' canonical forms, remembered: every message asks for every word, and a day's words repeat. */
  private readonly corrected = new Map<string, string>();

  constructor(synonyms: Synonyms, private readonly speller?: SpellingCorrector) {
    this.words = new Map(Object.entries(synonyms.words));
    // One alternation, longest phrase first, so a longer phrase wins over a shorter one inside it.
    // Hyphens count as spaces in phrases ("medical-science liaison", "9-5"), on both sides.
    this.phraseTable = new Map(Object.entries(synonyms.phrases).map(([from, to]) => [dehyphen(from), to]));
    const alternatives = [...this.phraseTable.keys()].sort((a, b) => b.length - a.length).map(escape);
    this.phrases = alternatives.length ? new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'g') : /(?!)/g;
  }

  process(raw: string, correct = true): ProcessedText {
    const normalized = normalize(raw);
    const tokens = this.tokens(normalized, correct);
    return { normalized, tokens, stems: featureStems(tokens) };
  }

  /**
   * Canonical words of already-normalised text: phrase synonyms, then word synonyms or spelling
   * correction word by word, then phrase synonyms again so corrected words can form a phrase
   * ("medcal sceince liason" becomes "msl"), then word synonyms for what the phrases produced.
   */
  tokens(normalized: string, correct = true): string[] {
    const words: string[] = [];
    for (const typed of this.replacePhrases(normalized).match(WORD) ?? []) {
      const word = correct ? this.correctedWord(typed) : this.canonicalWord(typed, false);
      if (word) words.push(word);
    }
    const tokens: string[] = [];
    for (const w of this.replacePhrases(words.join(' ')).split(' ')) {
      if (!w) continue;
      const synonym = this.words.get(w);
      if (synonym === undefined) tokens.push(w);
      else for (const part of synonym.split(' ')) if (part) tokens.push(part);
    }
    return tokens;
  }

  /** A typed word's canonical form, spelling corrected ('' for a word that is only punctuation), remembered. */
  private correctedWord(typed: string): string {
    let word = this.corrected.get(typed);
    if (word === undefined) {
      word = this.canonicalWord(typed, true);
      if (this.corrected.size >= MAX_CACHED_WORDS) this.corrected.clear();
      this.corrected.set(typed, word);
    }
    return word;
  }

  private canonicalWord(typed: string, correct: boolean): string {
    const w = PLAIN_WORD.test(typed) ? typed : typed.replace(/'s$/, '').replace(/'/g, '').replace(/[.]+$/, '');
    if (!w) return '';
    const canonical = this.words.get(w) ?? (correct ? this.speller?.correct(w) : undefined) ?? w;
    return this.words.get(canonical) ?? canonical;
  }

  /** Whether the pack has a synonym for this word. */
  hasSynonym(word: string): boolean {
    return this.words.has(word);
  }

  /** Canonical words of a curated phrase (an alias, a keyword): synonyms apply, spelling correction does not. */
  canonical(phrase: string): string[] {
    return this.tokens(normalize(phrase), false);
  }

  private replacePhrases(text: string): string {
    return dehyphen(text).replace(this.phrases, (phrase) => this.phraseTable.get(phrase) ?? phrase);
  }
}

/** The classifier's features of canonical words: stems of all but the glue words. */
export function featureStems(tokens: readonly string[]): string[] {
  return tokens.filter((t) => !GLUE_WORDS.has(t)).map(stem);
}

// Stems are remembered per word: a few thousand words cover nearly every message, and stemming is the pipeline's
// costliest step. The bound keeps a flood of made-up words from growing the memory without limit.
const MAX_CACHED_STEMS = 20_000;
const stems = new Map<string, string>();

export function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  const result = /^[a-z]+$/.test(word) ? PorterStemmer.stem(word) : word;
  if (stems.size >= MAX_CACHED_STEMS) stems.clear();
  stems.set(word, result);
  return result;
}

/** Hyphens between words become spaces; a hyphen before a number ("-5") stays. */
function dehyphen(s: string): string {
  return s.replace(/(?<=[a-z0-9])-(?=[a-z0-9])/g, ' ');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
