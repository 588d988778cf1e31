import { expect } from 'chai';
import { IntentClassifier, type IntentScore } from '../../src/understanding/intent-classifier.js';

const example = (intent: string, words: string) => ({ intent, stems: words.split(' ').filter(Boolean) });
const best = (scores: readonly IntentScore[]): string | undefined => [...scores].sort((a, b) => b.score - a.score)[0]?.intent;

describe('IntentClassifier', () => {
  const classifier = new IntentClassifier([
    example('salary', 'much make texa'),
    example('salary', 'pai salari'),
    example('salary', 'earn much'),
    example('hours', 'hour work week'),
    example('hours', 'long day travel'),
    example('employers', 'compani hire'),
    example('employers', 'who employ'),
    example('empty', ''),
  ]);

  const table: Array<[string, string]> = [
    ['salari', 'salary'],
    ['much earn', 'salary'],
    ['hour week', 'hours'],
    ['compani hire', 'employers'],
    ['travel day hour', 'hours'],
  ];
  for (const [stems, intent] of table) {
    it(`classifies [${stems}] as ${intent}`, () => {
      expect(best(classifier.classify(stems.split(' ')))).to.equal(intent);
    });
  }

  it('gives every intent a posterior share, and the shares together make 1', () => {
    const scores = classifier.classify(['much', 'hour']);
    expect(scores.map((s) => s.intent)).to.have.members(['salary', 'hours', 'employers']);
    expect(scores.reduce((n, s) => n + s.score, 0)).to.be.closeTo(1, 1e-9);
  });

  it('gives nothing when no word was seen in training', () => {
    expect(classifier.classify(['pizza', 'weather'])).to.deep.equal([]);
    expect(classifier.classify([])).to.deep.equal([]);
  });

  it('ignores words it never saw beside ones it did', () => {
    expect(classifier.classify(['salari', 'pizza'])).to.deep.equal(classifier.classify(['salari']));
  });

  it('counts a word once however often it is repeated', () => {
    expect(classifier.classify(['hour', 'hour', 'hour'])).to.deep.equal(classifier.classify(['hour']));
  });

  it('skips examples with no words', () => {
    expect(classifier.classify(['salari']).map((s) => s.intent)).to.not.include('empty');
  });

  it('knows the stems it was trained on, and only those', () => {
    expect(classifier.knows('salari')).to.equal(true);
    expect(classifier.knows('pizza')).to.equal(false);
  });
});
