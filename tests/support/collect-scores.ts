import type { IntentScore, ScoreSink } from '../../src/understanding/intent-classifier.js';

/** What a signal hands its sink, collected into a list. */
export function collectScores(score: (sink: ScoreSink) => void): IntentScore[] {
  const out: IntentScore[] = [];
  score((intent, value) => out.push({ intent, score: value }));
  return out;
}
