import { expect } from 'chai';
import { decide, remember } from '../../src/policy/decide.js';
import { ConversationMemory, MAX_RECENT_PLACES, MAX_SEEN_UNITS, readMemory } from '../../src/policy/memory.js';
import { converse, decideOn, lastOf, summary } from '../support/conversation.js';
import { fixtureAdvisor, fixturePack } from '../support/knowledge.js';

describe('the policy\'s conversation memory, on the fixture pack', () => {
  const pack = fixturePack();
  const walk = pack.walkthrough!;
  const [step1, step2, step3, step4] = walk.steps as [string, string, string, string];
  const BECOME = 'how do I become a clinical research associate?';

  describe('walks through the guide\'s steps', () => {
    it('starts at the overview, then goes step by step on "next step"', () => {
      const decisions = converse(BECOME, 'next step', 'next step', "what's next?");
      expect(decisions.map(summary)).to.deep.equal([`answer:${walk.unitId}`, `answer:${step1}`, `answer:${step2}`, `answer:${step3}`]);
      expect(decisions.map((d) => d.memory.step)).to.deep.equal([0, 1, 2, 3]);
    });

    it('goes back a step on "what\'s the step before?"', () => {
      expect(summary(lastOf(BECOME, 'next step', 'next step', "what's the step before?"))).to.equal(`answer:${step1}`);
    });

    it('says the walk-through is over after the last step', () => {
      const decision = lastOf(BECOME, 'next step', 'next step', 'next step', 'next step', 'next step');
      expect(decision.action).to.deep.equal({ kind: 'no_more', unitId: step4, end: 'last' });
    });

    it('goes back from the first step to the overview', () => {
      expect(summary(lastOf(BECOME, 'next step', 'previous step'))).to.equal(`answer:${walk.unitId}`);
    });

    it('resumes where it was after a detour', () => {
      expect(summary(lastOf(BECOME, 'next step', 'how much do CRAs make in Texas?', 'next step'))).to.equal(`answer:${step2}`);
    });

    it('starts at the overview on "next step" before any step was shown', () => {
      expect(summary(decideOn('next step'))).to.equal(`answer:${walk.unitId}`);
    });
  });

  describe('"tell me more"', () => {
    const TYPES = 'Types of clinical research associates';

    it('opens the parts of the last answer one by one, then says that is all, never repeating one', () => {
      const decisions = converse(TYPES, 'tell me more', 'tell me more', 'tell me more', 'tell me more', 'tell me more');
      const types = [...pack.units.values()].find((u) => u.title === TYPES)!;
      expect(decisions.slice(1, 4).map(summary)).to.deep.equal(types.children.map((id) => `answer:${id}`));
      expect(decisions.slice(4).map((d) => d.action.kind)).to.deep.equal(['no_more', 'no_more']);
    });

    it('walks on through a list from one of its parts, never looping back, however often it is asked', () => {
      const decisions = converse('Attention to detail', ...Array<string>(8).fill('tell me more'));
      const shown = decisions.flatMap((d) => (d.action.kind === 'answer' ? d.action.unitIds : []));
      const skills = pack.units.get(pack.units.get(shown[0]!)!.parent!)!;
      expect(shown).to.deep.equal(skills.children);
      expect(decisions.slice(shown.length).every((d) => d.action.kind === 'no_more')).to.equal(true);
    });

    it('never loops between two units that point at each other', () => {
      const [a, b] = [pack.units.get('work_environment')!, pack.units.get('typical_work_hours')!];
      const linked = { ...pack, units: new Map([...pack.units, [a.id, { ...a, related: [b.id] }], [b.id, { ...b, related: [a.id] }]]) };
      let memory = remember(linked, { kind: 'answer', unitIds: [a.id] }, {});
      const shown: string[] = [a.id];
      for (let i = 0; i < 4; i++) {
        const decision = decide(linked, fixtureAdvisor().read('tell me more', memory).reading, memory);
        if (decision.action.kind === 'answer') shown.push(...decision.action.unitIds);
        memory = decision.memory;
      }
      expect(shown).to.deep.equal([a.id, b.id]);
    });

    it('offers help when nothing was answered yet', () => {
      expect(summary(decideOn('tell me more'))).to.equal('talk:help');
    });
  });

  describe('forgets and counts', () => {
    it('forgets everything on "cancel" and on "start over"', () => {
      expect(lastOf('how much do CRAs make in Texas?', BECOME, 'cancel').memory).to.deep.equal({});
      expect(lastOf('how much do CRAs make in Texas?', BECOME, 'start over').memory).to.deep.equal({});
    });

    it('keeps the memory through small talk', () => {
      const [salary, thanks] = converse('how much do CRAs make in Texas?', 'thanks!');
      expect(thanks!.memory.salary).to.deep.equal(salary!.memory.salary);
    });

    it('counts questions it could not answer in a row, and starts again after an answer', () => {
      const decisions = converse("what's the weather today?", 'who won the world cup?', 'what is a clinical research associate?');
      expect(decisions.map((d) => d.memory.misses)).to.deep.equal([1, 2, 0]);
    });

    it('remembers the choices a "Did you mean…?" offered, and forgets them after the next message', () => {
      const offered = remember(pack, { kind: 'clarify', choices: [step1, step2] }, {});
      expect(offered.offered).to.deep.equal([step1, step2]);
      expect(decideOn('yes', offered).memory.offered).to.equal(undefined);
    });

    it(`remembers at most ${MAX_SEEN_UNITS} units shown and ${MAX_RECENT_PLACES} places asked about`, () => {
      const units = [...pack.units.values()].filter((u) => !u.step).slice(0, MAX_SEEN_UNITS + 3).map((u) => u.title);
      const places = ['Washington', 'Texas', 'Oregon', 'Minnesota', 'California', 'Ohio'].map((s) => `how much do CRAs make in ${s}?`);
      const last = lastOf(...units, ...places);
      expect(last.memory.seen).to.have.length(MAX_SEEN_UNITS);
      expect(last.memory.salary?.recent).to.have.length(MAX_RECENT_PLACES);
    });
  });

  describe('stays valid', () => {
    it('writes only memory that ConversationMemory accepts, whatever the conversation', () => {
      const decisions = converse(BECOME, 'next step', 'how much do CRAs make in Texas?', 'and Oregon?', 'compare them', 'tell me more',
        'can a CRA get a visa sponsorship?', "what's the weather?", 'yes', 'no', 'Types of clinical research associates', 'tell me more');
      for (const d of decisions) expect(ConversationMemory.safeParse(d.memory).success, JSON.stringify(d.memory)).to.equal(true);
    });

    it('never changes the memory it was given', () => {
      const memory = Object.freeze({ unitId: walk.unitId, step: 0, seen: Object.freeze([walk.unitId]) as string[] });
      expect(() => decideOn('next step', memory)).to.not.throw();
      expect(memory).to.deep.equal({ unitId: walk.unitId, step: 0, seen: [walk.unitId] });
    });

    it('decides the same message and memory the same way every time', () => {
      const memory = decideOn('how much do CRAs make in Texas?').memory;
      expect(decideOn('and Oregon?', memory)).to.deep.equal(decideOn('and Oregon?', memory));
    });
  });

  describe('readMemory, for memory read back from storage', () => {
    it('keeps a memory that checks out', () => {
      const memory = { career: 'cra', unitId: step1, step: 1, seen: [walk.unitId, step1], misses: 0, salary: { states: ['TX'], industries: [], recent: ['state:TX'] } };
      expect(readMemory(memory)).to.deep.equal(memory);
    });

    const bad: Array<[string, unknown]> = [
      ['a string', 'unitId=duties'],
      ['a number', 42],
      ['an array', [step1]],
      ['a negative step', { step: -1 }],
      ['a step that is not whole', { step: 1.5 }],
      [`more than ${MAX_SEEN_UNITS} units seen`, { seen: Array.from({ length: MAX_SEEN_UNITS + 1 }, (_, i) => `u${i}`) }],
      ['an id longer than any unit\'s', { unitId: 'x'.repeat(65) }],
      ['salary places that are not a list', { salary: { states: 'TX', industries: [], recent: [] } }],
      ['more than three choices offered', { offered: ['a', 'b', 'c', 'd'] }],
    ];
    for (const [what, stored] of bad) {
      it(`drops ${what}, starting the conversation afresh`, () => {
        expect(readMemory(stored)).to.deep.equal({});
      });
    }

    it('reads nothing stored as an empty memory', () => {
      expect(readMemory(undefined)).to.deep.equal({});
      expect(readMemory(null)).to.deep.equal({});
    });

    it('drops fields it does not know', () => {
      expect(readMemory({ step: 2, injected: '<script>' })).to.deep.equal({ step: 2 });
    });
  });
});
