import Fuse from 'fuse.js';
import type { IntentScore } from './intent-classifier.js';

export interface Phrasing {
  readonly intent: string;
  /** Stems joined by spaces, from the same pipeline as the query. */
  readonly text: string;
}

// How many phrasings to look at per query: enough to find the best few intents among ~1,500 phrasings.
const SEARCH_LIMIT = 40;

/** Fuzzy search, in one frozen config: token search ranks by BM25-style weights and forgives typos per word. */
export const FUSE_OPTIONS = Object.freeze({
  keys: ['text'],
  useTokenSearch: true,
  includeScore: true,
  ignoreLocation: true,
  // Fuse's own fuzziness per word; 0.3 accepts a slip in a long word but not a different short word.
  threshold: 0.3,
});

/** Finds the phrasings (utterances, titles, keywords) closest to a query, best score per intent. */
export class PhraseRetriever {
  private readonly fuse: Fuse<Phrasing>;

  constructor(phrasings: readonly Phrasing[]) {
    this.fuse = new Fuse([...phrasings], FUSE_OPTIONS);
  }

  /** Similarity in [0, 1] (1 is an exact match) of each matching intent, best first. */
  search(stems: readonly string[]): IntentScore[] {
    if (stems.length === 0) return [];
    const best = new Map<string, number>();
    for (const r of this.fuse.search(stems.join(' '), { limit: SEARCH_LIMIT })) {
      const similarity = 1 - (r.score ?? 1);
      if (similarity > (best.get(r.item.intent) ?? 0)) best.set(r.item.intent, similarity);
    }
    return [...best].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
  }
}
