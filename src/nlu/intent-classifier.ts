import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

export interface IntentScore {
  readonly intent: string;
  readonly score: number;
}

/** natural's naive Bayes over stemmed features, with its scores normalised into a distribution. */
// Additive smoothing for words a class never saw. natural's default of 1 flattens the posterior of a
// one- or two-word message across ~65 intents; 0.05 keeps it sharp while a single unseen word still
// costs a class less than a factor of ~100.
export const BAYES_SMOOTHING = 0.05;

export class IntentClassifier {
  private readonly bayes = new BayesClassifier(PorterStemmer, BAYES_SMOOTHING);
  private readonly vocabulary = new Set<string>();
  /** Each feature's position in natural's feature vector, for sparse observations. */
  private readonly featureIndex = new Map<string, number>();

  constructor(examples: Iterable<{ intent: string; stems: readonly string[] }>) {
    for (const { intent, stems } of examples) {
      if (stems.length === 0) continue;
      this.bayes.addDocument([...stems], intent);
      stems.forEach((s) => this.vocabulary.add(s));
    }
    Object.keys(this.bayes.features).forEach((f, i) => this.featureIndex.set(f, i));
    this.train();
  }

  /**
   * What natural's train() does, without its per-document scan of the whole feature list for each word (a quarter
   * of a second at start-up here): each document's feature vector is built from the index of its own words.
   */
  private train(): void {
    const width = this.featureIndex.size;
    for (const doc of this.bayes.docs.slice(this.bayes.lastAdded)) {
      const vector = new Array<number>(width).fill(0);
      for (const stem of doc.text) vector[this.featureIndex.get(stem)!] = 1;
      this.bayes.classifier.addExample(vector, doc.label);
    }
    this.bayes.lastAdded = this.bayes.docs.length;
    this.bayes.classifier.train();
  }

  /** True when the classifier saw this stem in training: the domain's vocabulary. */
  knows(stem: string): boolean {
    return this.vocabulary.has(stem);
  }

  /** Every intent with its posterior share, best first; all zero when no feature is known. */
  classify(stems: readonly string[]): IntentScore[] {
    const present = [...new Set(stems)].flatMap((s) => {
      const i = this.featureIndex.get(s);
      return i === undefined ? [] : [i];
    });
    if (present.length === 0) return [];
    // natural builds a dense vector over every feature it knows for each message; apparatus's naive Bayes scores a
    // sparse observation (the indices of the features present) the same way, in a fraction of the time.
    const sparse = Object.fromEntries(present.map((index, i) => [i, index]));
    const raw = this.bayes.classifier.getClassifications(sparse);
    const total = raw.reduce((sum, c) => sum + c.value, 0);
    return raw.map((c) => ({ intent: c.label, score: total > 0 ? c.value / total : 0 }));
  }
}
