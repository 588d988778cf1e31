import type { ScoreSink } from './intent-classifier.js';

/** One field of a passage, with how much a word in it counts. */
export interface PassageField {
  readonly stems: readonly string[];
  readonly weight: number;
}

export interface Passage {
  readonly id: string;
  readonly fields: readonly PassageField[];
}

/**
 * BM25's constants, at the values the literature settles on for short documents: k1 saturates a word's weight
 * after a few occurrences, b lets long passages (the guide's multi-paragraph sections) count each word for less.
 */
export const BM25 = Object.freeze({ k1: 1.2, b: 0.75 });

/** A query word with how much it counts: 1 as typed, less for a synonym or a fuzzy guess standing in for it. */
export interface QueryTerm {
  readonly stem: string;
  readonly weight: number;
}

/**
 * Retrieval over the guide's own passages (BM25F: each field's words weighted, then BM25 over the weighted
 * counts). It finds a unit from its heading, its text and its question, so a question worded like no curated
 * phrasing still finds its passage. Scores are scaled into [0, 1] by what a perfect match of the query would
 * score, so they can be set against the classifier's and a fixed threshold.
 */
export class PassageIndex {
  /** Per stem, the passages that have it and its saturated weight in each, as two parallel typed arrays. */
  private readonly postings = new Map<string, { readonly docs: Int32Array; readonly shares: Float64Array }>();
  private readonly idf = new Map<string, number>();
  /** The passages' units, in the order given; a sink is handed places in this list. */
  readonly intents: readonly string[];
  private readonly acc: Float64Array;
  /** Scratch: which passages this query touched, in the order first touched. */
  private readonly touched: Int32Array;
  private readonly isTouched: Uint8Array;
  /** The weight a word no passage has counts for against a match: as much as the rarest word there is. */
  private readonly unknownIdf: number;

  constructor(passages: readonly Passage[]) {
    this.intents = passages.map((p) => p.id);
    this.acc = new Float64Array(passages.length);
    this.touched = new Int32Array(passages.length);
    this.isTouched = new Uint8Array(passages.length);
    const lengths = passages.map((p) => p.fields.reduce((n, f) => n + f.weight * f.stems.length, 0));
    const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
    const df = new Map<string, number>();
    const lists = new Map<string, Array<readonly [number, number]>>();
    passages.forEach((p, doc) => {
      const tf = new Map<string, number>();
      for (const f of p.fields) for (const s of f.stems) tf.set(s, (tf.get(s) ?? 0) + f.weight);
      const norm = BM25.k1 * (1 - BM25.b + (BM25.b * lengths[doc]!) / average);
      for (const [s, n] of tf) {
        df.set(s, (df.get(s) ?? 0) + 1);
        const list = lists.get(s) ?? [];
        // The saturated term frequency, divided by its ceiling (k1 + 1) so a perfect match scores 1 per word.
        list.push([doc, (n * (BM25.k1 + 1)) / (n + norm) / (BM25.k1 + 1)]);
        lists.set(s, list);
      }
    });
    for (const [s, list] of lists) this.postings.set(s, { docs: Int32Array.from(list, ([doc]) => doc), shares: Float64Array.from(list, ([, share]) => share) });
    const n = passages.length;
    for (const [s, d] of df) this.idf.set(s, Math.log(1 + (n - d + 0.5) / (d + 0.5)));
    this.unknownIdf = Math.max(0, ...this.idf.values());
  }

  has(stem: string): boolean {
    return this.postings.has(stem);
  }

  /**
   * Hands `sink` each passage's share of a perfect match, in no particular order (the reader adds them all up, and
   * keeps only the best few in order); words no passage has still count against the match.
   */
  search(query: readonly QueryTerm[], sink: ScoreSink): void {
    const { acc, touched, isTouched } = this;
    let ceiling = 0;
    let count = 0;
    for (const { stem, weight } of query) {
      const idf = this.idf.get(stem);
      ceiling += weight * (idf ?? this.unknownIdf);
      if (idf === undefined) continue;
      const { docs, shares } = this.postings.get(stem)!;
      for (let k = 0; k < docs.length; k++) {
        const doc = docs[k]!;
        acc[doc]! += weight * idf * shares[k]!;
        if (!isTouched[doc]) { isTouched[doc] = 1; touched[count++] = doc; }
      }
    }
    // One word is thin evidence however well it matches: n words count for n / (n + 1) of a match.
    const evidence = query.length / (query.length + 1);
    for (let k = 0; k < count; k++) {
      const doc = touched[k]!;
      if (ceiling > 0) sink(doc, (evidence * acc[doc]!) / ceiling);
      acc[doc] = 0;
      isTouched[doc] = 0;
    }
  }
}
