import { byScoreDescending, type IntentScore } from './intent-classifier.js';

/**
 * Sums the signals' scores per intent for one piece of a message, in an array numbered once per pack: the reader
 * does this for every piece of every message (a forum post has four), and a Map keyed by intent cost a tenth of a
 * piece's reading. Intents are ranked in the order they were first scored, so equal scores keep that order.
 */
export class IntentTally {
  /** Each intent once, in the order numbered. */
  readonly intents: readonly string[];
  private readonly numbers = new Map<string, number>();
  private readonly sums: Float64Array;
  private readonly scored: Uint8Array;
  /** The intents scored so far, by number, in the order first scored. */
  private readonly order: Int32Array;
  private count = 0;

  constructor(intents: Iterable<string>) {
    this.intents = [...new Set(intents)];
    this.intents.forEach((intent, n) => this.numbers.set(intent, n));
    this.sums = new Float64Array(this.numbers.size);
    this.scored = new Uint8Array(this.numbers.size);
    this.order = new Int32Array(this.numbers.size);
  }

  /** An intent's number, for per-intent tables kept beside the tally; throws for an intent the pack doesn't have. */
  numberOf(intent: string): number {
    const n = this.numbers.get(intent);
    if (n === undefined) throw new Error(`no intent "${intent}" was numbered for this pack`);
    return n;
  }

  add(n: number, by: number): void {
    if (!this.scored[n]) { this.scored[n] = 1; this.order[this.count++] = n; }
    this.sums[n]! += by;
  }

  /**
   * Every intent scored, best first, and the tally cleared for the next piece. Scores past 1 are scaled back into
   * [0, 1] together, not each cut at 1, so that candidates which all match very well keep their order and the gaps
   * between them (several cut to 1 would read as a tie).
   */
  rank(): IntentScore[] {
    const { sums, scored, order, count } = this;
    let top = 1;
    for (let k = 0; k < count; k++) if (sums[order[k]!]! > top) top = sums[order[k]!]!;
    const ranked: IntentScore[] = [];
    for (let k = 0; k < count; k++) {
      const n = order[k]!;
      ranked.push({ intent: this.intents[n]!, score: sums[n]! / top });
      sums[n] = 0;
      scored[n] = 0;
    }
    this.count = 0;
    return ranked.sort(byScoreDescending);
  }
}
