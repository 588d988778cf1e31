import { expect } from 'chai';
import { compose } from '../../src/answer/compose.js';
import { RULES } from '../../src/policy/rules.js';
import { decideOn, lastOf, summary } from '../support/conversation.js';
import { fixturePack } from '../support/knowledge.js';

describe('the policy on the fixture pack', () => {
  const pack = fixturePack();
  const unitByTitle = (title: string): string => [...pack.units.values()].find((u) => u.title === title)?.id ?? expect.fail(`no unit "${title}"`);

  describe('decides one message by the first rule that applies', () => {
    const table: Array<[string, string, string]> = [
      ['how much do CRAs make in Texas?', 'salary:TX', 'pay in a place'],
      ['how much do CRAs make in California?', 'salary:CA', 'pay in a place'],
      ['compare Washington and Oregon salaries for CRAs', 'salary:WA+OR', 'pay in a place'],
      ['how much do nurses make?', 'salary:nurses', 'pay for another job'],
      ['how much do plumbers make?', 'salary:plumbers', 'pay for another job'],
      ['how do I become a pilot?', 'other_career:pilots', 'another career'],
      ['what is the first-year pay for a CRA?', 'salary:salary/gap:salary', 'pay'],
      ['can I talk to a person?', 'handoff', 'ask for a person'],
      ["what's the weather today?", 'off_topic:out_of_scope', 'off topic'],
      ['who won the world cup?', 'off_topic:out_of_scope', 'off topic'],
      ['¿Cuánto gana un asociado de investigación clínica en Texas?', 'language', 'foreign language'],
      ['<script>alert(1)</script>', 'off_topic:markup', 'markup'],
      ['', 'talk:help', 'empty message'],
      ['hi', 'talk:greeting', 'small talk'],
      ['thanks!', 'talk:thanks', 'small talk'],
      ['help', 'talk:help', 'small talk'],
      ['cancel', 'talk:cancel', 'small talk'],
      ['start over', 'talk:start_over', 'small talk'],
      ['what is a clinical research associate?', 'answer:what_is_a_clinical_research_associate', 'answer'],
    ];
    for (const [text, expected, rule] of table) {
      it(`"${text}" → ${expected} by "${rule}"`, () => {
        const decision = decideOn(text);
        expect(summary(decision)).to.equal(expected);
        expect(decision.rule).to.equal(rule);
      });
    }
  });

  describe('answers salary questions from the figures it has, and only those', () => {
    it('gives a state with a figure its figure', () => {
      expect(compose(pack, decideOn('how much do CRAs make in Texas?')).outcome).to.equal('salary');
    });

    it('gives a state without a figure an honest no-figure reply', () => {
      expect(compose(pack, decideOn('how much do CRAs make in California?')).outcome).to.equal('nodata');
    });

    it('gives another career\'s pay an honest no-figure reply', () => {
      expect(compose(pack, decideOn('how much do nurses make?')).outcome).to.equal('nodata');
    });

    it('takes a bare place after a salary answer as the same question about it ("and Texas?")', () => {
      expect(summary(lastOf('how much do CRAs make in Washington?', 'and Texas?'))).to.equal('salary:TX');
    });

    it('compares the last two places asked about on "compare them"', () => {
      expect(summary(lastOf('how much do CRAs make in Washington?', 'and Texas?', 'compare them'))).to.equal('salary:WA+TX');
    });

    it('says the figures are yearly on "is that per year?", about the last place asked', () => {
      expect(summary(lastOf('how much do CRAs make in Washington?', 'is that per year?'))).to.equal('salary:WA/yearly');
    });

    it('says the guide does not explain why on "why is it so high?", with the salary overview', () => {
      const decision = lastOf('how much do CRAs make in Washington?', 'why is it so high?');
      expect(summary(decision)).to.equal(`answer:${pack.salary!.overview.id}/gap:why`);
    });
  });

  describe('is honest about what the guide does not cover', () => {
    it('names a topic the guide leaves out and gives the nearest passage when one is close', () => {
      const { action } = decideOn('do CRAs need a BCMAS certificate?');
      expect(action.kind).to.equal('gap');
      if (action.kind !== 'gap') return;
      expect(action.gap).to.deep.include({ kind: 'topic', from: 'topics' });
      expect(action.nearest).to.be.a('string');
      expect(pack.units.has(action.nearest!)).to.equal(true);
    });

    it('names a topic the guide leaves out in the words of the topic list', () => {
      const { action } = decideOn('can a CRA get a visa sponsorship?');
      expect(action).to.deep.include({ kind: 'gap', gap: { kind: 'topic', topic: 'visas and sponsorship', from: 'topics' } });
    });
  });

  it('answers both parts of a message that asks two things', () => {
    const decision = decideOn('what is a clinical research associate, and how do I become one?');
    expect(summary(decision)).to.equal(`both:answer:${unitByTitle('What is a clinical research associate?')}&answer:${unitByTitle('How to become a clinical research associate')}`);
    expect(decision.rule).to.equal('two questions');
  });

  describe('"yes" or "no" after "Did you mean…?"', () => {
    const offered = [unitByTitle('Field monitoring'), unitByTitle('Site management')];

    it('answers the first choice on "yes"', () => {
      expect(summary(decideOn('yes', { offered }))).to.equal(`answer:${offered[0]}`);
    });

    it('asks again, offering the starters, on "no"', () => {
      expect(decideOn('no', { offered }).action).to.deep.equal({ kind: 'declined' });
    });

    it('gives the figures when the first choice was a salary list', () => {
      expect(summary(decideOn('yes', { offered: ['salary_states'] }))).to.equal('salary:salary_states');
    });

    it('reads "yes" with nothing offered as no choice at all', () => {
      expect(decideOn('yes').rule).to.not.equal('yes or no to a choice');
    });

    it('reads a new question after a choice as that question, not as "yes"', () => {
      expect(summary(decideOn('how much do CRAs make in Texas?', { offered }))).to.equal('salary:TX');
    });
  });

  it('reports its best candidates and a confidence between 0 and 1', () => {
    const decision = decideOn('what is a clinical research associate?');
    expect(decision.candidates[0]?.intent).to.equal(unitByTitle('What is a clinical research associate?'));
    expect(decision.candidates.length).to.be.within(1, 5);
    expect(decision.confidence).to.be.within(0, 1);
  });

  describe('the RULES table', () => {
    it('names every rule differently, for logs and npm run ask', () => {
      const names = RULES.map((r) => r.name);
      expect(new Set(names).size).to.equal(names.length);
    });

    it('ends with a rule that always applies', () => {
      const last = RULES.at(-1)!;
      expect(last.name).to.equal('off topic');
      expect(last.act({} as never)).to.deep.equal({ kind: 'off_topic', reason: 'out_of_scope' });
    });
  });
});
