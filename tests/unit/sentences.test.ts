import { expect } from 'chai';
import { MAX_PARTS, MAX_READ_CHARS, shapeOf } from '../../src/understanding/sentences.js';

describe('shapeOf', () => {
  describe('finds the question in a message', () => {
    const table: Array<[string, string, string, string]> = [
      ['after three sentences of story',
        'I have been a study coordinator for three years. My manager says I would be good at monitoring. What does a CRA do on a typical day?',
        'What does a CRA do on a typical day?',
        'I have been a study coordinator for three years. My manager says I would be good at monitoring.'],
      ['after a clause of story before a comma', 'im a biology student, what does a cra do', 'what does a cra do', 'im a biology student'],
      ['after a tl;dr', 'long story about my career and my family tl;dr can I become a CRA without a degree', 'can I become a CRA without a degree', 'long story about my career and my family'],
      ['after "I\'m wondering whether"', 'I am wondering whether CRAs travel a lot', 'CRAs travel a lot', 'I am'],
      ['that starts with a conjunction', 'And what websites should I use?', 'what websites should I use?', ''],
      ['whose subject comes before the comma', 'hospitals vs colleges, which pays more?', 'hospitals vs colleges, which pays more?', ''],
      ['after a statement, keeping the statement as context', 'I work in research. So what does that industry pay?', 'what does that industry pay?', 'I work in research.'],
    ];
    for (const [where, message, focus, context] of table) {
      it(where, () => {
        const shape = shapeOf(message);
        expect(shape.focus).to.equal(focus);
        expect(shape.context).to.equal(context);
      });
    }
  });

  describe('strips a greeting before the question', () => {
    const table: Array<[string, string]> = [
      ['hii im a biology student, what does a cra do', 'what does a cra do'],
      ['Hello! How much do CRAs make in Texas?', 'How much do CRAs make in Texas?'],
      ['hey there, what is a clinical research associate?', 'what is a clinical research associate?'],
      ['Good morning everyone. Do CRAs travel?', 'Do CRAs travel?'],
    ];
    for (const [message, focus] of table) {
      it(`reads "${message}" as greeting, then "${focus}"`, () => {
        const shape = shapeOf(message);
        expect(shape.greeting).to.equal(true);
        expect(shape.focus).to.equal(focus);
      });
    }

    it('leaves a greeting alone when it is all the message says', () => {
      expect(shapeOf('hi')).to.deep.equal({ greeting: false, focus: 'hi', context: '', parts: ['hi'] });
      expect(shapeOf('hello there!').greeting).to.equal(false);
    });
  });

  describe('splits a message that asks several things into parts', () => {
    const table: Array<[string, string[]]> = [
      ['What skills do CRAs need, and how do I build them during my PhD?', ['What skills do CRAs need', 'how do I build them during my PhD?']],
      ['What is a CRA? How do I become one?', ['What is a CRA?', 'How do I become one?']],
      ['what do CRAs earn and where are the jobs', ['what do CRAs earn', 'where are the jobs']],
    ];
    for (const [message, parts] of table) {
      it(`"${message}" asks ${parts.length} things`, () => {
        expect(shapeOf(message).parts).to.deep.equal(parts);
      });
    }

    it(`keeps at most ${MAX_PARTS} parts`, () => {
      const shape = shapeOf('What is a CRA? How do I become one? What do they earn? Is it stressful?');
      expect(shape.parts).to.deep.equal(['What is a CRA?', 'How do I become one?', 'What do they earn?']);
    });

    it('does not split a question whose "and" joins two nouns', () => {
      expect(shapeOf('What are the duties and responsibilities of a CRA?').parts).to.have.length(1);
    });
  });

  describe('takes a fragment or a statement as the question itself', () => {
    for (const message of ['cra travel', 'what a CRA needs to know to be successful', 'salary Texas', 'I want to be a CRA']) {
      it(`"${message}"`, () => {
        expect(shapeOf(message)).to.deep.equal({ greeting: false, focus: message, context: '', parts: [message] });
      });
    }
  });

  it('folds runs of white space and line breaks', () => {
    expect(shapeOf('  what   is\n\na   CRA?  ').focus).to.equal('what is a CRA?');
  });

  it(`reads at most ${MAX_READ_CHARS} characters of a pasted essay`, () => {
    const shape = shapeOf(`${'I like trials. '.repeat(400)}What does a CRA do?`);
    expect(shape.context.length).to.be.at.most(MAX_READ_CHARS);
    expect(shape.focus).to.not.include('What does a CRA do?');
  });
});
