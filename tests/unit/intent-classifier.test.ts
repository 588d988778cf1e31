import { expect } from 'chai';
import { trainBayes } from '../../src/understanding/bayes-model.js';
import { IntentClassifier, type IntentScore } from '../../src/understanding/intent-classifier.js';
import { collectScores } from '../support/collect-scores.js';

const example = (intent: string, words: string) => ({ intent, stems: words.split(' ').filter(Boolean) });
const best = (scores: readonly IntentScore[]): string | undefined => [...scores].sort((a, b) => b.score - a.score)[0]?.intent;

describe('IntentClassifier', () => {
  const classifier = new IntentClassifier(trainBayes([
    example('salary', 'much make texa'),
    example('salary', 'pai salari'),
    example('salary', 'earn much'),
    example('hours', 'hour work week'),
    example('hours', 'long day travel'),
    example('employers', 'compani hire'),
    example('employers', 'who employ'),
    example('empty', ''),
  ]));

  const classify = (stems: readonly string[]): IntentScore[] => collectScores(classifier.intents, (sink) => classifier.classify(stems, sink));

  const table: Array<[string, string]> = [
    ['salari', 'salary'],
    ['much earn', 'salary'],
    ['hour week', 'hours'],
    ['compani hire', 'employers'],
    ['travel day hour', 'hours'],
  ];
  for (const [stems, intent] of table) {
    it(`classifies [${stems}] as ${intent}`, () => {
      expect(best(classify(stems.split(' ')))).to.equal(intent);
    });
  }

  it('gives every intent a posterior share, and the shares together make 1', () => {
    const scores = classify(['much', 'hour']);
    expect(scores.map((s) => s.intent)).to.have.members(['salary', 'hours', 'employers']);
    expect(scores.reduce((n, s) => n + s.score, 0)).to.be.closeTo(1, 1e-9);
  });

  it('gives nothing when no word was seen in training', () => {
    expect(classify(['pizza', 'weather'])).to.deep.equal([]);
    expect(classify([])).to.deep.equal([]);
  });

  it('ignores words it never saw beside ones it did', () => {
    expect(classify(['salari', 'pizza'])).to.deep.equal(classify(['salari']));
  });

  it('counts a word once however often it is repeated', () => {
    expect(classify(['hour', 'hour', 'hour'])).to.deep.equal(classify(['hour']));
  });

  it('skips examples with no words', () => {
    expect(classify(['salari']).map((s) => s.intent)).to.not.include('empty');
  });

  it('knows the stems it was trained on, and only those', () => {
    expect(classifier.knows('salari')).to.equal(true);
    expect(classifier.knows('pizza')).to.equal(false);
  });
});
