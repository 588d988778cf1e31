import Fuse from 'fuse.js';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import type { IntentScore } from './intent-classifier.js';
import { MIN_CORRECTABLE_LENGTH } from './spelling.js';

export interface Phrasing {
  readonly intent: string;
  /** Stems, from the same pipeline as the query. */
  readonly stems: readonly string[];
}

interface Indexed { readonly intent: string; readonly text: string; readonly stems: readonly string[] }

// Phrasings fetched per query before rescoring: enough to hold the best few intents among ~1,500.
const SEARCH_LIMIT = 60;

/** Fuzzy search, in one frozen config: token search matches each word on its own and forgives typos. */
export const FUSE_OPTIONS = Object.freeze({
  keys: ['text'],
  useTokenSearch: true,
  includeScore: true,
  ignoreLocation: true,
  // Fuse's fuzziness per word; 0.3 lets a slip in a long word through but not a different short word.
  threshold: 0.3,
});

/**
 * Finds the phrasings (utterances, titles, keywords) closest to a query. Fuse.js fetches candidates,
 * forgiving typos; each is then scored by how much of the query and of the phrasing the other covers,
 * weighting rare words above common ones, because Fuse's own scores are not comparable across queries.
 */
export class PhraseRetriever {
  private readonly fuse: Fuse<Indexed>;
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;

  constructor(phrasings: readonly Phrasing[]) {
    const df = new Map<string, number>();
    for (const p of phrasings) for (const s of new Set(p.stems)) df.set(s, (df.get(s) ?? 0) + 1);
    for (const [s, n] of df) this.idf.set(s, Math.log(1 + phrasings.length / n));
    this.maxIdf = Math.log(1 + phrasings.length);
    this.fuse = new Fuse(phrasings.map((p) => ({ intent: p.intent, stems: p.stems, text: p.stems.join(' ') })), FUSE_OPTIONS);
  }

  /** Similarity in [0, 1] (1 is the same words) of each matching intent, best first. */
  search(stems: readonly string[]): IntentScore[] {
    if (stems.length === 0) return [];
    const query = [...new Set(stems)];
    const best = new Map<string, number>();
    for (const r of this.fuse.search(query.join(' '), { limit: SEARCH_LIMIT })) {
      const similarity = this.similarity(query, r.item.stems);
      if (similarity > (best.get(r.item.intent) ?? 0)) best.set(r.item.intent, similarity);
    }
    return [...best].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
  }

  /** Weighted F1 of word overlap: high only when the query and the phrasing say the same things. */
  similarity(query: readonly string[], phrasing: readonly string[]): number {
    const weight = (s: string): number => this.idf.get(s) ?? this.maxIdf;
    let queryTotal = 0;
    let queryMatched = 0;
    for (const q of query) {
      queryTotal += weight(q);
      if (phrasing.some((p) => same(p, q))) queryMatched += weight(q);
    }
    let phraseTotal = 0;
    let phraseMatched = 0;
    for (const p of new Set(phrasing)) {
      phraseTotal += weight(p);
      if (query.some((q) => same(p, q))) phraseMatched += weight(p);
    }
    const recall = queryTotal ? queryMatched / queryTotal : 0;
    const precision = phraseTotal ? phraseMatched / phraseTotal : 0;
    return recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
  }
}

function same(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= MIN_CORRECTABLE_LENGTH && b.length >= MIN_CORRECTABLE_LENGTH && a[0] === b[0] && DamerauLevenshteinDistance(a, b) <= 1;
}
