/**
 * The decision policy's numbers, in one place. How they are used is in understand.ts; why each has its value is
 * beside it.
 */

/**
 * The decision policy's numbers, read off the project's evaluation set (npm run eval): on it, every
 * out-of-scope question but a handful scores below 0.3, and in-scope questions answered right mostly
 * score above 0.5, with right and wrong answers mixed in between.
 */
export const THRESHOLDS = Object.freeze({
  /** At or above this confidence the best intent is answered; below it, between the two, we ask. */
  answer: 0.42,
  /** Below this nothing is even a plausible guess: the message is out of scope. */
  clarify: 0.3,
  /** A runner-up this close to the best (and not part of the same topic) makes us ask "Did you mean…?". */
  minGap: 0.06,
  /**
   * Share of a message's topic words the domain knows. At 0.5 out-of-scope questions outnumber
   * in-scope ones about three to one ("best pizza place in New York"); from 0.67 up nearly all are in scope.
   */
  minCoverage: 0.6,
  /** Small talk ("hi", "thanks") is answered only when it is clearly that, not a question with a greeting in front. */
  talk: 0.5,
});

/** How much each signal counts in the combined score. */
export const WEIGHTS = Object.freeze({
  /** natural's naive Bayes posterior over stems: the main signal, sharp on words seen in training. */
  classifier: 0.55,
  /** Fuse.js token search over phrasings: rewards whole-phrase overlap and forgives residual typos. */
  retrieval: 0.45,
  /** A unit's own keyword named outright ("Pfizer", "pharmacovigilance"): points straight at that unit. */
  keyword: 0.35,
  /** Parts and siblings of the last answer: after "types of MSL", "regulatory affairs" means the type. */
  context: 0.12,
  /** A message that says exactly what one example says (the same stems) is that example's intent. */
  exact: 0.1,
});

// Retrieval similarity at which a message counts as saying exactly what an example says (rounding aside).
export const EXACT_SIMILARITY = 0.999;

// Up to three choices in "Did you mean…?": Teams shows at most three suggested actions.
export const MAX_CHOICES = 3;

