import type { IntentScore } from './intent-classifier.js';

/**
 * Keeps the k best of the scores offered, best first, equal scores in the order offered: what a stable sort would
 * put first, without sorting, or even allocating, the rest (the passages of a guide, scored for every piece of every
 * message).
 */
export class BestFirst {
  private best: IntentScore[] = [];

  constructor(private readonly k: number) {}

  offer(intent: string, score: number): void {
    const { best, k } = this;
    if (best.length === k) {
      if (k === 0 || !(score > best[k - 1]!.score)) return;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && score > best[at - 1]!.score) at--;
    best.splice(at, 0, { intent, score });
  }

  /** The best scores offered since the last take, best first; the keeper starts afresh. */
  take(): IntentScore[] {
    const taken = this.best;
    this.best = [];
    return taken;
  }
}
