/**
 * The policy's numbers, in one place, fitted on the tuning sets (tests/eval/cases.json and
 * real-style-tuning.json, with npm run eval) and reported on the blind ones. Why each has its value is beside it.
 */
export const THRESHOLDS = Object.freeze({
  /** At or above this score (scaled by how much of the question the pack knows) the best unit is answered. */
  answer: 0.42,
  /** A unit matched this well is what was asked even when the question also names a topic the guide leaves out. */
  sureAnswer: 0.8,
  /** Below this nothing is even a plausible guess; between the two, the bot asks "Did you mean…?". */
  clarify: 0.3,
  /** A runner-up this close to the best (and not part of the same topic) makes the bot ask which was meant. */
  minGap: 0.06,
  /**
   * Share of a message's topic words the pack knows. At 0.5 out-of-scope questions outnumber in-scope ones about
   * three to one ("best pizza place in New York"); from 0.67 up nearly all are in scope.
   */
  minCoverage: 0.6,
  /** Small talk ("hi", "thanks") is answered only when it is clearly that, not a question with a greeting in front. */
  talk: 0.5,
  /** A unit that matches the question this well is worth showing under a gap sentence as the nearest thing the guide says. */
  nearest: 0.2,
  /** Unknown words that make up this share of what is asked mean the guide doesn't answer it, however good the rest looks. */
  unknownShare: 0.5,
  /** Parts and siblings of the last answer count this much more: after "types of MSL", "regulatory affairs" means the type. */
  context: 0.12,
  /** The story around a long message's question counts this much of the question itself: it says what "that" means. */
  story: 0.35,
});

export type Thresholds = { readonly [K in keyof typeof THRESHOLDS]: number };

// Up to three choices in "Did you mean…?": Teams shows at most three suggested actions.
export const MAX_CHOICES = 3;
// A message this short after an answer is read as a follow-up to it, not as a new topic ("and the hours?").
export const FOLLOW_UP_WORDS = 4;
