import type { IntentScore } from './intent-classifier.js';

/**
 * The k best scores, best first, equal scores in the order given: what a stable sort would put first, without
 * sorting the whole list (the passages of a guide, scored for every piece of every message).
 */
export function bestFirst(scores: readonly IntentScore[], k: number): IntentScore[] {
  const best: IntentScore[] = [];
  if (k <= 0) return best;
  for (const s of scores) {
    if (best.length === k) {
      if (!(s.score > best[k - 1]!.score)) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && s.score > best[at - 1]!.score) at--;
    best.splice(at, 0, s);
  }
  return best;
}
