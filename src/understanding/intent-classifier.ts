import { BAYES_SMOOTHING, type BayesModel } from './bayes-model.js';

export interface IntentScore {
  readonly intent: string;
  readonly score: number;
}

/**
 * Receives a signal's score for one intent, named by its place in the signal's `intents`: signals hand their scores
 * over one by one, with no list to allocate and no name to look up.
 */
export type ScoreSink = (intent: number, score: number) => void;

/**
 * Best first, for sort. It answers -1, 0 or 1 rather than the difference of the scores: a difference is a fresh
 * heap number on every comparison, the largest single source of garbage in a turn.
 */
export function byScoreDescending(a: IntentScore, b: IntentScore): number {
  return b.score > a.score ? 1 : b.score < a.score ? -1 : 0;
}

/**
 * Posteriors below this are left out: weighted into a unit's score they move it by less than 1e-4, which no
 * threshold or gap notices, and the ~70 intents a message does not match need not be ranked every turn.
 */
export const MIN_POSTERIOR = 1e-4;

/**
 * natural's naive Bayes over stemmed features, trained by natural (bayes-model.ts), scored from a table of its log probabilities:
 * each feature lists only the classes that saw it, so a message costs a few additions per class instead of
 * natural's walk over every feature of every class.
 */
export class IntentClassifier {
  /** The intents it knows, in the order natural first saw them; a sink is handed places in this list. */
  readonly intents: readonly string[];
  /** log P(class) + log of the smoothing share of each class, one per absent feature. */
  private readonly prior: Float64Array;
  private readonly absent: Float64Array;
  /** For each feature, the classes that saw it and how much more likely it makes them than an unseen feature would. */
  private readonly lift = new Map<string, { readonly classes: Int32Array; readonly lifts: Float64Array }>();
  private readonly scores: Float64Array;

  constructor(model: BayesModel) {
    const { classes, totalExamples } = model;
    this.intents = classes.map((c) => c.label);
    this.prior = new Float64Array(classes.length);
    this.absent = new Float64Array(classes.length);
    this.scores = new Float64Array(classes.length);
    const lists = new Map<string, Array<readonly [number, number]>>();
    classes.forEach(({ total, stems }, c) => {
      this.prior[c] = Math.log(total / totalExamples);
      this.absent[c] = Math.log(BAYES_SMOOTHING / total);
      for (const [stem, count] of stems) {
        const list = lists.get(stem) ?? [];
        list.push([c, Math.log(count / total) - this.absent[c]!]);
        lists.set(stem, list);
      }
    });
    for (const [stem, list] of lists) this.lift.set(stem, { classes: Int32Array.from(list, ([c]) => c), lifts: Float64Array.from(list, ([, lift]) => lift) });
  }

  /** True when the classifier saw this stem in training: the domain's vocabulary. */
  knows(stem: string): boolean {
    return this.lift.has(stem);
  }

  /**
   * Hands `sink` every intent with a posterior share of at least MIN_POSTERIOR, in no particular order (the reader
   * adds them to the other signals); nothing when no feature is known.
   */
  classify(stems: readonly string[], sink: ScoreSink): void {
    const present = [...new Set(stems)].filter((s) => this.lift.has(s));
    if (present.length === 0) return;
    const { scores } = this;
    for (let c = 0; c < scores.length; c++) scores[c] = this.prior[c]! + present.length * this.absent[c]!;
    for (const stem of present) {
      const { classes, lifts } = this.lift.get(stem)!;
      for (let k = 0; k < classes.length; k++) scores[classes[k]!]! += lifts[k]!;
    }
    let max = -Infinity;
    for (const s of scores) if (s > max) max = s;
    let total = 0;
    for (let c = 0; c < scores.length; c++) total += (scores[c] = Math.exp(scores[c]! - max));
    for (let c = 0; c < scores.length; c++) {
      const score = scores[c]! / total;
      if (score >= MIN_POSTERIOR) sink(c, score);
    }
  }
}
