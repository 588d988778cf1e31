import Fuse from 'fuse.js';
import type { IntentScore } from './intent-classifier.js';

export interface Phrasing {
  readonly intent: string;
  /** Stems, from the same pipeline as the query. */
  readonly stems: readonly string[];
}

/**
 * Fuzzy lookup of a word the phrasings never use, in one frozen config. It runs over the phrasings' distinct stems
 * (about 700 short strings, 750 µs a new word), not over whole phrasings: that finds the same matches for a residual
 * typo at a hundredth of the cost of searching every phrasing on every message.
 */
export const FUSE_OPTIONS = Object.freeze({
  includeScore: true,
  ignoreLocation: true,
  // 0.25 takes one slip in a six-letter stem ("experiance" → "experi") but not a different word of the same length.
  threshold: 0.25,
  // Stems shorter than this are never matched fuzzily: "ai" must not stand for "am".
  minMatchCharLength: 4,
});
// Fuzzy matches for words the phrasings never use are remembered; this bounds that memory against floods of gibberish
// while holding every word a busy day of real questions uses (a few thousand), so none is looked up twice.
const MAX_CACHED_LOOKUPS = 20_000;
// A fuzzy match counts for this share of an exact one: a guessed word is weaker evidence than a typed one.
const FUZZY_MATCH_WEIGHT = 0.8;

/**
 * Finds the phrasings (utterances, titles, keywords) closest to a query and scores each by how much of the query
 * and of the phrasing the other covers, weighting rare words above common ones (an IDF-weighted F1). An inverted
 * index gives the candidates; Fuse.js supplies the nearest known stem for a word no phrasing uses.
 */
export class PhraseRetriever {
  /** Per phrasing: its intent's number, and the IDF weight of its stems. */
  private readonly phraseIntent: Int32Array;
  private readonly phraseWeight: Float64Array;
  private readonly intents: string[] = [];
  private readonly index = new Map<string, Int32Array>();
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  private readonly fuse: Fuse<string>;
  /** The same stems by first letter, to find at a twentieth of the cost that most new words have no near neighbour. */
  private readonly fuzzyByInitial = new Map<string, Fuse<string>>();
  private readonly fuzzyCache = new Map<string, string | undefined>();
  // Scratch arrays reused across calls, indexed by phrasing or by intent: a common stem ("msl") touches hundreds.
  private readonly queryMatch: Float64Array;
  private readonly phraseMatch: Float64Array;
  private readonly touched: Int32Array;
  private readonly best: Float64Array;

  constructor(phrasings: readonly Phrasing[]) {
    const df = new Map<string, number>();
    for (const p of phrasings) for (const s of new Set(p.stems)) df.set(s, (df.get(s) ?? 0) + 1);
    for (const [s, n] of df) this.idf.set(s, Math.log(1 + phrasings.length / n));
    this.maxIdf = Math.log(1 + phrasings.length);
    // Phrasings of one intent with the same stems ("what does an MSL do", "what does a MSL do") score the same: each
    // such set is indexed once. The IDF above still counts every phrasing, so the scores are as if all were indexed.
    const distinct = new Map<string, Phrasing>();
    for (const p of phrasings) {
      const stems = [...new Set(p.stems)];
      const key = `${p.intent}\u0000${[...stems].sort().join(' ')}`;
      if (!distinct.has(key)) distinct.set(key, { intent: p.intent, stems });
    }
    const indexed = [...distinct.values()];
    const intentNumber = new Map<string, number>();
    const postings = new Map<string, number[]>();
    this.phraseIntent = new Int32Array(indexed.length);
    this.phraseWeight = new Float64Array(indexed.length);
    indexed.forEach((p, i) => {
      if (!intentNumber.has(p.intent)) { intentNumber.set(p.intent, this.intents.length); this.intents.push(p.intent); }
      this.phraseIntent[i] = intentNumber.get(p.intent)!;
      for (const s of p.stems) {
        const list = postings.get(s) ?? [];
        list.push(i);
        postings.set(s, list);
        this.phraseWeight[i]! += this.weight(s);
      }
    });
    for (const [s, list] of postings) this.index.set(s, Int32Array.from(list));
    const byInitial = new Map<string, string[]>();
    for (const s of df.keys()) {
      const list = byInitial.get(s[0]!);
      if (list) list.push(s);
      else byInitial.set(s[0]!, [s]);
    }
    for (const [initial, list] of byInitial) this.fuzzyByInitial.set(initial, new Fuse(list, FUSE_OPTIONS));
    this.fuse = new Fuse([...df.keys()], FUSE_OPTIONS);
    this.queryMatch = new Float64Array(indexed.length);
    this.phraseMatch = new Float64Array(indexed.length);
    this.touched = new Int32Array(indexed.length);
    this.best = new Float64Array(this.intents.length);
  }

  /** Similarity in [0, 1] (1 is the same words) of each matching intent, in no particular order: the reader adds them up. */
  search(stems: readonly string[]): IntentScore[] {
    const { queryMatch, phraseMatch, touched, best, phraseIntent, phraseWeight } = this;
    const unique = [...new Set(stems)];
    let queryTotal = 0;
    for (const s of unique) queryTotal += this.weight(s);
    if (queryTotal === 0) return [];

    let count = 0;
    for (const s of unique) {
      // A stem no phrasing uses stands for its nearest neighbour, if it has one close enough, at a discount.
      const exact = this.index.get(s);
      const as = exact ? s : this.nearest(s);
      const list = exact ?? (as ? this.index.get(as) : undefined);
      if (!list) continue;
      const credit = exact ? 1 : FUZZY_MATCH_WEIGHT;
      const toQuery = credit * this.weight(s);
      const toPhrase = credit * this.weight(as!);
      for (let k = 0; k < list.length; k++) {
        const i = list[k]!;
        if (queryMatch[i] === 0) touched[count++] = i;
        queryMatch[i]! += toQuery;
        phraseMatch[i]! += toPhrase;
      }
    }
    const found: number[] = [];
    for (let k = 0; k < count; k++) {
      const i = touched[k]!;
      const recall = queryMatch[i]! / queryTotal;
      const precision = phraseMatch[i]! / phraseWeight[i]!;
      queryMatch[i] = 0;
      phraseMatch[i] = 0;
      const f1 = (2 * recall * precision) / (recall + precision);
      const intent = phraseIntent[i]!;
      if (best[intent] === 0) found.push(intent);
      if (f1 > best[intent]!) best[intent] = f1;
    }
    const out = found.map((intent) => ({ intent: this.intents[intent]!, score: best[intent]! }));
    for (const intent of found) best[intent] = 0;
    return out;
  }

  private weight(stem: string): number {
    return this.idf.get(stem) ?? this.maxIdf;
  }

  /** The phrasings' stem closest to one they never use, if any is close enough. */
  private nearest(stem: string): string | undefined {
    if (this.fuzzyCache.has(stem)) return this.fuzzyCache.get(stem);
    const searchable = stem.length >= FUSE_OPTIONS.minMatchCharLength && /^[a-z]+$/.test(stem);
    // A neighbour must share the first letter and be the closest of all stems (a closer one elsewhere says this is
    // another word, not a typo). With no neighbour of the same letter there is nothing to check against all.
    const sameInitial = searchable ? this.fuzzyByInitial.get(stem[0]!)?.search(stem, { limit: 1 })[0] : undefined;
    const hit = sameInitial ? this.fuse.search(stem, { limit: 1 })[0] : undefined;
    const near = hit && hit.item[0] === stem[0] ? hit.item : undefined;
    if (this.fuzzyCache.size >= MAX_CACHED_LOOKUPS) this.fuzzyCache.clear();
    this.fuzzyCache.set(stem, near);
    return near;
  }
}
