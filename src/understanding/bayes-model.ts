import { createRequire } from 'node:module';
import type BayesClassifierType from 'natural/lib/natural/classifiers/bayes_classifier.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const require = createRequire(import.meta.url);

// Additive smoothing for words a class never saw. natural's default of 1 flattens the posterior of a
// one- or two-word message across ~70 intents; 0.05 keeps it sharp while a single unseen word still
// costs a class less than a factor of ~100.
export const BAYES_SMOOTHING = 0.05;

/**
 * natural's naive Bayes after training, as plain data: what the classifier scores from. npm run build keeps it in
 * the understanding snapshot, so start-up reads it rather than training (a fifth of the understanding's start).
 */
export interface BayesModel {
  /** Examples seen, plus natural's one for smoothing. */
  readonly totalExamples: number;
  /** Per class, in the order natural first saw them: its example count and each stem's, as natural smooths them. */
  readonly classes: ReadonlyArray<{ readonly label: string; readonly total: number; readonly stems: ReadonlyArray<readonly [stem: string, count: number]> }>;
}

/** Trains natural's naive Bayes on stemmed examples; examples with no stems teach it nothing and are left out. */
export function trainBayes(examples: Iterable<{ readonly intent: string; readonly stems: readonly string[] }>): BayesModel {
  // Required on first use: a start-up with a current snapshot never trains, and need not load natural's classifiers.
  const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier.js') as typeof BayesClassifierType;
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
  const byIndex = [...featureIndex.keys()];
  return {
    totalExamples,
    classes: Object.keys(classFeatures).map((label) => ({
      label,
      total: classTotals[label]!,
      stems: Object.entries(classFeatures[label]!).map(([index, count]) => [byIndex[Number(index)]!, count] as const),
    })),
  };
}
