import type { IntentScore, ScoreSink } from '../../src/understanding/intent-classifier.js';

/** What a scorer hands its sink, collected into a list with the intents named from the scorer's own list. */
export function collectScores(intents: readonly string[], score: (sink: ScoreSink) => void): IntentScore[] {
  const out: IntentScore[] = [];
  score((intent, value) => out.push({ intent: intents[intent]!, score: value }));
  return out;
}
