import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

export interface IntentScore {
  readonly intent: string;
  readonly score: number;
}

/** Receives a signal's score for one intent: signals hand their scores over one by one, with no list to allocate. */
export type ScoreSink = (intent: string, score: number) => void;

/**
 * Best first, for sort. It answers -1, 0 or 1 rather than the difference of the scores: a difference is a fresh
 * heap number on every comparison, the largest single source of garbage in a turn.
 */
export function byScoreDescending(a: IntentScore, b: IntentScore): number {
  return b.score > a.score ? 1 : b.score < a.score ? -1 : 0;
}

// Additive smoothing for words a class never saw. natural's default of 1 flattens the posterior of a
// one- or two-word message across ~70 intents; 0.05 keeps it sharp while a single unseen word still
// costs a class less than a factor of ~100.
export const BAYES_SMOOTHING = 0.05;

/**
 * Posteriors below this are left out: weighted into a unit's score they move it by less than 1e-4, which no
 * threshold or gap notices, and the ~70 intents a message does not match need not be ranked every turn.
 */
export const MIN_POSTERIOR = 1e-4;

/**
 * natural's naive Bayes over stemmed features, trained by natural, scored from a table of its log probabilities:
 * each feature lists only the classes that saw it, so a message costs a few additions per class instead of
 * natural's walk over every feature of every class.
 */
export class IntentClassifier {
  private readonly labels: string[];
  /** log P(class) + log of the smoothing share of each class, one per absent feature. */
  private readonly prior: Float64Array;
  private readonly absent: Float64Array;
  /** For each feature, the classes that saw it and how much more likely it makes them than an unseen feature would. */
  private readonly lift = new Map<string, { readonly classes: Int32Array; readonly lifts: Float64Array }>();
  private readonly scores: Float64Array;

  constructor(examples: Iterable<{ intent: string; stems: readonly string[] }>) {
    const bayes = new BayesClassifier(PorterStemmer, BAYES_SMOOTHING);
    const docs = [...examples].filter((e) => e.stems.length > 0);
    const featureIndex = new Map<string, number>();
    for (const { stems } of docs) for (const s of stems) if (!featureIndex.has(s)) featureIndex.set(s, featureIndex.size);
    for (const { intent, stems } of docs) {
      const vector = new Array<number>(featureIndex.size).fill(0);
      for (const s of stems) vector[featureIndex.get(s)!] = 1;
      bayes.classifier.addExample(vector, intent);
    }
    const { classFeatures, classTotals, totalExamples } = bayes.classifier as unknown as {
      classFeatures: Record<string, Record<number, number>>; classTotals: Record<string, number>; totalExamples: number;
    };
    this.labels = Object.keys(classFeatures);
    this.prior = new Float64Array(this.labels.length);
    this.absent = new Float64Array(this.labels.length);
    this.scores = new Float64Array(this.labels.length);
    const byIndex = [...featureIndex.keys()];
    const lists = new Map<string, Array<readonly [number, number]>>();
    this.labels.forEach((label, c) => {
      const total = classTotals[label]!;
      this.prior[c] = Math.log(total / totalExamples);
      this.absent[c] = Math.log(BAYES_SMOOTHING / total);
      for (const [index, count] of Object.entries(classFeatures[label]!)) {
        const stem = byIndex[Number(index)]!;
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
      if (score >= MIN_POSTERIOR) sink(this.labels[c]!, score);
    }
  }
}
