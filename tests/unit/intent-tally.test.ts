import { expect } from 'chai';
import { IntentTally } from '../../src/understanding/intent-tally.js';

describe('IntentTally', () => {
  const tally = new IntentTally(['salary', 'duties', 'hours', 'salary']);
  const add = (intent: string, by: number): void => tally.add(tally.numberOf(intent), by);

  it('numbers each intent once', () => {
    expect(tally.intents).to.deep.equal(['salary', 'duties', 'hours']);
  });

  it('sums what each intent is given and ranks the intents best first', () => {
    add('hours', 0.2);
    add('duties', 0.3);
    add('hours', 0.4);
    expect(tally.rank()).to.deep.equal([{ intent: 'hours', score: 0.6000000000000001 }, { intent: 'duties', score: 0.3 }]);
  });

  it('starts afresh after ranking', () => {
    add('salary', 0.5);
    tally.rank();
    expect(tally.rank()).to.deep.equal([]);
  });

  it('scales every score back together when the best passes 1, keeping the gaps in proportion', () => {
    add('salary', 1.5);
    add('duties', 0.75);
    expect(tally.rank()).to.deep.equal([{ intent: 'salary', score: 1 }, { intent: 'duties', score: 0.5 }]);
  });

  it('keeps intents with equal scores in the order they were first scored', () => {
    add('hours', 0.5);
    add('salary', 0.5);
    expect(tally.rank().map((s) => s.intent)).to.deep.equal(['hours', 'salary']);
  });

  it('ranks an intent that was scored nothing, as a Map of sums would', () => {
    add('duties', 0);
    expect(tally.rank()).to.deep.equal([{ intent: 'duties', score: 0 }]);
  });

  it('refuses an intent it was not given', () => {
    expect(() => tally.numberOf('pizza')).to.throw(/pizza/);
  });
});
