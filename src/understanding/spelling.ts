import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import { isEnglish, type WordSet } from './english-lexicon.js';

// Words shorter than this are never corrected: "in" must not become Indiana, "me" not Maine,
// "ai" not "an"; short words are too close to each other for an edit distance to mean a typo.
export const MIN_CORRECTABLE_LENGTH = 5;
// Four-letter words are corrected only by restoring one dropped letter ("typs" to "types"), the
// commonest slip in short words; swapping a letter would turn real words into other real words.
export const SHORT_WORD_LENGTH = 4;
// Words of this length or more may be two edits off ("califronia", "masachusets"); shorter ones one.
export const TWO_EDIT_LENGTH = 8;
// Added to a preferred word's frequency on a tie: more than any word's count in the knowledge.
const PREFERRED_BONUS = 1_000_000;
// Corrections are remembered per spelling; this bounds that memory however much gibberish arrives, while holding
// every misspelling a busy day brings, so none costs the full search twice.
const MAX_CACHED_CORRECTIONS = 20_000;

/** Whether two words of the same length differ only by two neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

export function maxEdits(length: number): number {
  if (length < MIN_CORRECTABLE_LENGTH) return 0;
  return length >= TWO_EDIT_LENGTH ? 2 : 1;
}

/**
 * Corrects misspelt words against a known vocabulary. Only words of MIN_CORRECTABLE_LENGTH or more,
 * made of letters and not English words already, are touched; the first letter must match (people rarely mistype it, and it keeps
 * unrelated words apart); the closest word wins and, on a tie, the more frequent one.
 */
export class SpellingCorrector {
  private readonly known: ReadonlyMap<string, number>;
  private readonly byInitial = new Map<string, string[]>();
  private readonly cache = new Map<string, string>();

  /**
   * @param preferred Words that win a tie on distance, whatever their frequency: place names, which a chat about
   *   salaries by state makes likelier than the everyday word ("new yourk" is New York, not "new your").
   */
  constructor(vocabulary: Iterable<string>, private readonly english: WordSet = new Set(), private readonly preferred: ReadonlySet<string> = new Set()) {
    const counts = new Map<string, number>();
    for (const w of vocabulary) counts.set(w, (counts.get(w) ?? 0) + 1);
    this.known = counts;
    for (const w of counts.keys()) {
      if (w.length < MIN_CORRECTABLE_LENGTH - 1 || !/^[a-z]+$/.test(w)) continue;
      const list = this.byInitial.get(w[0]!) ?? [];
      list.push(w);
      this.byInitial.set(w[0]!, list);
    }
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  correct(word: string): string {
    if (this.known.has(word) || word.length < SHORT_WORD_LENGTH || !/^[a-z]+$/.test(word)) return word;
    // Remembered first: the English word list is large enough that asking it costs more than the cache.
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    if (isEnglish(this.english, word)) return this.remember(word, word);
    if (word.length < MIN_CORRECTABLE_LENGTH) return this.restoreDroppedLetter(word);
    const limit = maxEdits(word.length);
    let best = word;
    let bestDistance = limit + 1;
    let bestCount = 0;
    for (const candidate of this.byInitial.get(word[0]!) ?? []) {
      if (Math.abs(candidate.length - word.length) > limit) continue;
      const d = DamerauLevenshteinDistance(word, candidate);
      const count = (this.known.get(candidate) ?? 0) + (this.preferred.has(candidate) ? PREFERRED_BONUS : 0);
      if (d < bestDistance || (d === bestDistance && count > bestCount)) {
        best = candidate;
        bestDistance = d;
        bestCount = count;
      }
    }
    return this.remember(word, best);
  }

  private restoreDroppedLetter(word: string): string {
    let best = word;
    let bestCount = 0;
    for (const candidate of this.byInitial.get(word[0]!) ?? []) {
      // One dropped letter ("typs"), or two swapped ("hoem"): the commonest slips in short words.
      if (candidate.length !== word.length + 1 && !(candidate.length === word.length && isSwap(word, candidate))) continue;
      const count = this.known.get(candidate) ?? 0;
      if (count > bestCount && DamerauLevenshteinDistance(word, candidate) === 1) { best = candidate; bestCount = count; }
    }
    return this.remember(word, best);
  }

  private remember(word: string, correction: string): string {
    if (this.cache.size >= MAX_CACHED_CORRECTIONS) this.cache.clear();
    this.cache.set(word, correction);
    return correction;
  }
}
