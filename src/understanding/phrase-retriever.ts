import Fuse from 'fuse.js';
import type { ScoreSink } from './intent-classifier.js';

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
 * A stem in more than this share of the phrasings is not walked (the career's name: "msl" is in about 60% of them),
 * since its postings alone would touch most phrasings on most messages. Walking it cost a third of the search.
 */
const DOMINANT_SHARE = 0.4;

/** A stem too common to walk: which phrasings have it, and per intent the lightest of those phrasings. */
interface Dominant {
  readonly member: Uint8Array;
  readonly lightest: Float64Array;
}

/**
 * Finds the phrasings (utterances, titles, keywords) closest to a query and scores each by how much of the query
 * and of the phrasing the other covers, weighting rare words above common ones (an IDF-weighted F1). An inverted
 * index gives the candidates; Fuse.js supplies the nearest known stem for a word no phrasing uses.
 */
export class PhraseRetriever {
  /** Per phrasing: its intent's number, and the IDF weight of its stems. */
  private readonly phraseIntent: Int32Array;
  private readonly phraseWeight: Float64Array;
  /** The intents of the phrasings, in the order first met; a sink is handed places in this list. */
  readonly intents: readonly string[];
  private readonly index = new Map<string, Int32Array>();
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  private readonly fuse: Fuse<string>;
  /** The same stems by first letter, to find at a twentieth of the cost that most new words have no near neighbour. */
  private readonly fuzzyByInitial = new Map<string, Fuse<string>>();
  private readonly fuzzyCache = new Map<string, string | undefined>();
  private readonly dominant = new Map<string, Dominant>();
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
    const intents: string[] = [];
    this.intents = intents;
    const postings = new Map<string, number[]>();
    this.phraseIntent = new Int32Array(indexed.length);
    this.phraseWeight = new Float64Array(indexed.length);
    indexed.forEach((p, i) => {
      if (!intentNumber.has(p.intent)) { intentNumber.set(p.intent, intents.length); intents.push(p.intent); }
      this.phraseIntent[i] = intentNumber.get(p.intent)!;
      for (const s of p.stems) {
        const list = postings.get(s) ?? [];
        list.push(i);
        postings.set(s, list);
        this.phraseWeight[i]! += this.weight(s);
      }
    });
    for (const [s, list] of postings) {
      this.index.set(s, Int32Array.from(list));
      if (list.length <= DOMINANT_SHARE * indexed.length) continue;
      const member = new Uint8Array(indexed.length);
      const lightest = new Float64Array(this.intents.length).fill(Infinity);
      for (const i of list) {
        member[i] = 1;
        lightest[this.phraseIntent[i]!] = Math.min(lightest[this.phraseIntent[i]!]!, this.phraseWeight[i]!);
      }
      this.dominant.set(s, { member, lightest });
    }
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

  /**
   * Hands `sink` the similarity in [0, 1] (1 is the same words) of each matching intent, in no particular order:
   * the reader adds them up.
   *
   * One dominant stem of the query is not walked. Phrasings the rest of the query touches get its weight added in the
   * order a walk would have added it; of the phrasings it alone matches, each intent's lightest scores best (the
   * score falls as a phrasing's weight grows), so only that one is scored. The scores are those of a full walk.
   */
  search(stems: readonly string[], sink: ScoreSink): void {
    const { queryMatch, phraseMatch, touched, best, phraseIntent, phraseWeight } = this;
    const unique = [...new Set(stems)];
    let queryTotal = 0;
    for (const s of unique) queryTotal += this.weight(s);
    if (queryTotal === 0) return;

    let count = 0;
    let skipped: Dominant | undefined;
    let skippedWeight = 0;
    for (const s of unique) {
      // A stem no phrasing uses stands for its nearest neighbour, if it has one close enough, at a discount.
      const exact = this.index.get(s);
      const dominant = exact && !skipped ? this.dominant.get(s) : undefined;
      if (dominant) {
        skipped = dominant;
        skippedWeight = this.weight(s);
        for (let k = 0; k < count; k++) {
          const i = touched[k]!;
          if (dominant.member[i]) { queryMatch[i]! += skippedWeight; phraseMatch[i]! += skippedWeight; }
        }
        continue;
      }
      const as = exact ? s : this.nearest(s);
      const list = exact ?? (as ? this.index.get(as) : undefined);
      if (!list) continue;
      const credit = exact ? 1 : FUZZY_MATCH_WEIGHT;
      const toQuery = credit * this.weight(s);
      const toPhrase = credit * this.weight(as!);
      for (let k = 0; k < list.length; k++) {
        const i = list[k]!;
        if (queryMatch[i] === 0) {
          touched[count++] = i;
          // The skipped stem came earlier in the query: a walk would have added it first.
          if (skipped?.member[i]) { queryMatch[i] = skippedWeight; phraseMatch[i] = skippedWeight; }
        }
        queryMatch[i]! += toQuery;
        phraseMatch[i]! += toPhrase;
      }
    }
    const found: number[] = [];
    const keep = (intent: number, f1: number): void => {
      if (best[intent] === 0) found.push(intent);
      if (f1 > best[intent]!) best[intent] = f1;
    };
    for (let k = 0; k < count; k++) {
      const i = touched[k]!;
      const recall = queryMatch[i]! / queryTotal;
      const precision = phraseMatch[i]! / phraseWeight[i]!;
      queryMatch[i] = 0;
      phraseMatch[i] = 0;
      keep(phraseIntent[i]!, (2 * recall * precision) / (recall + precision));
    }
    if (skipped) {
      const recall = skippedWeight / queryTotal;
      for (let intent = 0; intent < skipped.lightest.length; intent++) {
        const lightest = skipped.lightest[intent]!;
        if (lightest === Infinity) continue;
        const precision = skippedWeight / lightest;
        keep(intent, (2 * recall * precision) / (recall + precision));
      }
    }
    for (const intent of found) {
      sink(intent, best[intent]!);
      best[intent] = 0;
    }
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
