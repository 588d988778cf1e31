import { expect } from 'chai';
import { CAREER_SLOTS, fill, slotsOf, templateProblems, TEMPLATES } from '../../src/knowledge/templates.js';

describe('reply templates', () => {
  describe('slotsOf', () => {
    const table: Array<[string, string[]]> = [
      ['{name} pays the most', ['name']],
      ['{higher} pays more, by {difference} a year.', ['higher', 'difference']],
      ['No slots at all.', []],
      ['{career_asked} and {career_asked}', ['career_asked', 'career_asked']],
    ];
    for (const [template, slots] of table) {
      it(`finds ${slots.length ? slots.map((s) => `{${s}}`).join(' and ') : 'no slot'} in "${template}"`, () => {
        expect(slotsOf(template)).to.deep.equal(slots);
      });
    }
  });

  describe('templateProblems', () => {
    it('accepts a template that uses only its own slots and the career slots', () => {
      expect(templateProblems('salaryTop', '{name} is the best-paying {kind} for {shorts} in the {guide}.')).to.deep.equal([]);
    });

    it('accepts every career slot in any template', () => {
      const all = CAREER_SLOTS.map((s) => `{${s}}`).join(' ');
      expect(templateProblems('welcome', all)).to.deep.equal([]);
    });

    const bad: Array<[string, string, string, RegExp]> = [
      ['a slot the template does not have', 'salaryTop', '{nmae} pays the most', /\{nmae\}.*"salaryTop" does not have/],
      ['a slot of another template', 'welcome', 'Hi {name}', /\{name\}/],
      ['a brace that is not part of a slot', 'help', 'Ask me {anything', /brace/],
      ['a closing brace on its own', 'help', 'Ask me anything}', /brace/],
      ['a reply the bot does not have', 'farewell', 'Bye!', /"farewell" is not a reply the bot has/],
    ];
    for (const [what, name, template, message] of bad) {
      it(`reports ${what}`, () => {
        const problems = templateProblems(name, template);
        expect(problems).to.have.length.greaterThan(0);
        expect(problems.join('\n')).to.match(message);
      });
    }

    it('lists the slots the template does have, so the fix is obvious', () => {
      expect(templateProblems('salaryHigher', '{lower} pays less')[0]).to.include('{higher}').and.include('{difference}');
    });
  });

  describe('fill', () => {
    it('puts each value in its slot', () => {
      expect(fill('{higher} pays more, by {difference} a year.', { higher: 'Washington', difference: '$7,370' }))
        .to.equal('Washington pays more, by $7,370 a year.');
    });

    it('fills a slot used twice both times', () => {
      expect(fill('{short} and {short}', { short: 'CRA' })).to.equal('CRA and CRA');
    });

    it('leaves a template without slots as it is, ignoring spare values', () => {
      expect(fill('Both pay the same.', { name: 'unused' })).to.equal('Both pay the same.');
    });

    it('throws rather than show a slot it has no value for', () => {
      expect(() => fill('{name} pays the most', {})).to.throw(/no value for the slot \{name\}/);
    });

    it('does not read a value as a template: braces in a value stay as typed', () => {
      expect(fill('You asked: {question}', { question: 'what about {name}?' })).to.equal('You asked: what about {name}?');
    });
  });

  it('gives every template slot names in lower_snake_case', () => {
    for (const [name, spec] of Object.entries(TEMPLATES)) {
      for (const slot of spec.slots) expect(slot, name).to.match(/^[a-z]+(?:_[a-z]+)*$/);
    }
  });
});
