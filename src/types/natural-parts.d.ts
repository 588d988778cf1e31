// natural's index pulls in every storage backend (mongoose, pg, redis) and dotenv, which costs
// a second of start-up and prints to stdout; these declarations let us import just the parts we use.
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  import type { BayesClassifier } from 'natural';
  const Bayes: typeof BayesClassifier;
  export default Bayes;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  import type { Stemmer } from 'natural';
  const PorterStemmer: Stemmer;
  export default PorterStemmer;
}
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function DamerauLevenshteinDistance(source: string, target: string, options?: { transposition_cost?: number }): number;
}
