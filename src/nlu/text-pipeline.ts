import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { Synonyms } from '../knowledge/knowledge.js';
import { normalize } from './normalize.js';
import type { SpellingCorrector } from './spelling.js';
import { QUESTION_WORDS, STOPWORDS } from './stopwords.js';

/** A message after normalising, canonical wording and spelling correction. */
export interface ProcessedText {
  readonly normalized: string;
  /** Canonical lower-case words, spelling corrected, in order. */
  readonly tokens: readonly string[];
  /** Porter stems of the tokens that are not glue words: the classifier's features. */
  readonly stems: readonly string[];
  /** Stems that name a topic: the features minus question words and "msl". */
  readonly topicStems: readonly string[];
}

const WORD = /[a-z0-9$%]+(?:['&./-][a-z0-9]+)*/g;

/** Turns raw text into canonical tokens and stems, the same way for training data and for user messages. */
export class TextPipeline {
  private readonly phrases: ReadonlyArray<[RegExp, string]>;

  constructor(private readonly synonyms: Synonyms, private readonly speller?: SpellingCorrector) {
    this.phrases = Object.entries(synonyms.phrases)
      .sort((a, b) => b[0].length - a[0].length)
      .map(([from, to]) => [new RegExp(`(?<![a-z0-9])${escape(from)}(?![a-z0-9])`, 'g'), to]);
  }

  process(raw: string): ProcessedText {
    const normalized = normalize(raw);
    const tokens = this.tokens(normalized);
    const stems = tokens.filter((t) => !STOPWORDS.has(t)).map(stem);
    return { normalized, tokens, stems, topicStems: stems.filter((s) => !QUESTION_WORDS.has(s)) };
  }

  /** Canonical words of already-normalised text. */
  tokens(normalized: string): string[] {
    let s = normalized;
    for (const [re, to] of this.phrases) s = s.replace(re, to);
    const words = (s.match(WORD) ?? []).map((w) => w.replace(/'s$/, '').replace(/'/g, '').replace(/[.]+$/, ''));
    return words.filter(Boolean).flatMap((w) => {
      const mapped = this.synonyms.words[w] ?? this.synonyms.words[this.speller?.correct(w) ?? w] ?? this.speller?.correct(w) ?? w;
      return mapped.split(' ');
    });
  }
}

export function stem(word: string): string {
  return /^[a-z]+$/.test(word) ? PorterStemmer.stem(word) : word;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
