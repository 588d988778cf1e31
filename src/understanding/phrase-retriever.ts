import Fuse from 'fuse.js';
import type { IntentScore } from './intent-classifier.js';

export interface Phrasing {
  readonly intent: string;
  /** Stems, from the same pipeline as the query. */
  readonly stems: readonly string[];
}

/**
 * Fuzzy lookup of a word the phrasings never use, in one frozen config. It runs over the phrasings' distinct stems
 * (about a thousand short strings), not over whole phrasings: that finds the same matches for a residual typo at
 * a hundredth of the cost of searching every phrasing on every message.
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
  private readonly phrasings: ReadonlyArray<{ readonly intent: string; readonly stems: ReadonlySet<string>; readonly weight: number }>;
  private readonly index = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  private readonly fuse: Fuse<string>;
  private readonly fuzzyCache = new Map<string, string | undefined>();
  private readonly queryMatch: Float64Array;
  private readonly phraseMatch: Float64Array;

  constructor(phrasings: readonly Phrasing[]) {
    const df = new Map<string, number>();
    for (const p of phrasings) for (const s of new Set(p.stems)) df.set(s, (df.get(s) ?? 0) + 1);
    for (const [s, n] of df) this.idf.set(s, Math.log(1 + phrasings.length / n));
    this.maxIdf = Math.log(1 + phrasings.length);
    this.phrasings = phrasings.map((p, i) => {
      const stems = new Set(p.stems);
      for (const s of stems) {
        const list = this.index.get(s) ?? [];
        list.push(i);
        this.index.set(s, list);
      }
      return { intent: p.intent, stems, weight: [...stems].reduce((sum, s) => sum + this.weight(s), 0) };
    });
    this.fuse = new Fuse([...df.keys()], FUSE_OPTIONS);
    this.queryMatch = new Float64Array(phrasings.length);
    this.phraseMatch = new Float64Array(phrasings.length);
  }

  /** Similarity in [0, 1] (1 is the same words) of each matching intent, best first. */
  search(stems: readonly string[]): IntentScore[] {
    const query = new Map<string, { as: string; credit: number }>();
    for (const s of new Set(stems)) {
      if (this.index.has(s)) query.set(s, { as: s, credit: 1 });
      else {
        const near = this.nearest(s);
        if (near) query.set(s, { as: near, credit: FUZZY_MATCH_WEIGHT });
        else query.set(s, { as: s, credit: 0 });
      }
    }
    let queryTotal = 0;
    for (const s of query.keys()) queryTotal += this.weight(s);
    if (queryTotal === 0) return [];

    // Typed arrays indexed by phrasing, reused across calls: a common stem ("msl") touches hundreds of phrasings.
    const { queryMatch, phraseMatch } = this;
    const touched: number[] = [];
    for (const [s, { as, credit }] of query) {
      if (credit === 0) continue;
      const toQuery = credit * this.weight(s);
      const toPhrase = credit * this.weight(as);
      for (const i of this.index.get(as) ?? []) {
        if (queryMatch[i] === 0) touched.push(i);
        queryMatch[i]! += toQuery;
        phraseMatch[i]! += toPhrase;
      }
    }
    const best = new Map<string, number>();
    for (const i of touched) {
      const p = this.phrasings[i]!;
      const recall = queryMatch[i]! / queryTotal;
      const precision = phraseMatch[i]! / p.weight;
      queryMatch[i] = 0;
      phraseMatch[i] = 0;
      const f1 = (2 * recall * precision) / (recall + precision);
      if (f1 > (best.get(p.intent) ?? 0)) best.set(p.intent, f1);
    }
    return [...best].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
  }

  private weight(stem: string): number {
    return this.idf.get(stem) ?? this.maxIdf;
  }

  /** The phrasings' stem closest to one they never use, if any is close enough. */
  private nearest(stem: string): string | undefined {
    if (this.fuzzyCache.has(stem)) return this.fuzzyCache.get(stem);
    const hit = stem.length >= FUSE_OPTIONS.minMatchCharLength && /^[a-z]+$/.test(stem) ? this.fuse.search(stem, { limit: 1 })[0] : undefined;
    const near = hit && hit.item[0] === stem[0] ? hit.item : undefined;
    if (this.fuzzyCache.size >= MAX_CACHED_LOOKUPS) this.fuzzyCache.clear();
    this.fuzzyCache.set(stem, near);
    return near;
  }
}
