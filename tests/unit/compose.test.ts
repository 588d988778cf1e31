import { expect } from 'chai';
import { compose, MISSES_BEFORE_HANDOFF, welcome } from '../../src/answer/compose.js';
import { MAX_REPLY_CHARS, plainText, type Block, type Reply } from '../../src/answer/reply.js';
import { say } from '../../src/answer/words.js';
import { GAP_STATEMENT, readableText } from '../../src/eval/judge.js';
import type { Gap } from '../../src/policy/action.js';
import { decision, salaryAbout, unitId } from '../support/decisions.js';
import { fixtureKnowledge, fixturePack } from '../support/knowledge.js';

const pack = fixturePack();
const texts = (reply: Reply, kind: Block['kind']): string[] => reply.blocks.filter((b) => b.kind === kind).map((b) => ('text' in b ? b.text : ''));

describe('compose on the fixture pack', () => {
  const duties = pack.units.get(unitId('Duties and responsibilities'))!;
  const skills = pack.units.get(unitId('Top skills for clinical research associates'))!;
  const walk = pack.walkthrough!;

  describe('an answer', () => {
    const reply = compose(pack, decision({ kind: 'answer', unitIds: [duties.id] }));

    it('quotes the unit verbatim under its title, and ends with its source', () => {
      expect(reply.blocks[0]).to.deep.equal({ kind: 'heading', text: duties.title });
      expect(texts(reply, 'paragraph')).to.deep.equal(duties.excerpt.map((p) => (p.kind === 'paragraph' ? p.text : '')));
      expect(reply.blocks.at(-1)).to.deep.equal({ kind: 'source', text: `Source: CRA Career Guide › ${duties.title}` });
    });

    it('is an answer people may vote on, giving its unit', () => {
      expect(reply).to.deep.include({ outcome: 'answer', unitIds: [duties.id], feedback: true });
    });

    it('lists the titles of a unit\'s parts and offers them as buttons', () => {
      const withParts = compose(pack, decision({ kind: 'answer', unitIds: [skills.id] }));
      const parts = skills.children.map((id) => pack.units.get(id)!);
      expect(withParts.blocks).to.deep.include({ kind: 'list', items: parts.map((p) => ({ text: p.title })) });
      expect(withParts.suggestions).to.deep.equal(parts.map((p) => ({ label: p.label, ask: p.ask })));
    });

    it('offers the next step after a step of the walk-through, and never a unit just shown', () => {
      const step = compose(pack, decision({ kind: 'answer', unitIds: [walk.steps[0]!] }, { seen: [walk.unitId, walk.steps[0]!] }));
      expect(step.suggestions.map((s) => s.ask)).to.deep.equal([pack.units.get(walk.steps[1]!)!.ask]);
    });

    it('links the source to the guide\'s section when the guide is published', () => {
      const published = { ...pack, guide: { ...pack.guide, url: 'https://careers.example.org/cra' } };
      const source = compose(published, decision({ kind: 'answer', unitIds: [duties.id] })).blocks.at(-1);
      expect(source).to.deep.include({ url: 'https://careers.example.org/cra#duties-and-responsibilities' });
    });

    it('links a listed name the pack has an address for', () => {
      const linked = { ...pack, links: { LinkedIn: 'https://www.linkedin.com/jobs' } };
      const sites = compose(linked, decision({ kind: 'answer', unitIds: [unitId('Top job sites')] }));
      const list = sites.blocks.find((b) => b.kind === 'list');
      expect(list).to.deep.include({ kind: 'list' });
      expect((list as Extract<Block, { kind: 'list' }>).items).to.deep.include({ text: 'LinkedIn', url: 'https://www.linkedin.com/jobs' });
    });
  });

  describe('says plainly what the guide does not cover, in a sentence GAP_STATEMENT matches', () => {
    const gaps: Array<[string, Gap]> = [
      ['a topic', { kind: 'topic', topic: 'visas and sponsorship', from: 'topics' }],
      ['a question', { kind: 'question' }],
      ['figures', { kind: 'figures' }],
      ['why', { kind: 'why' }],
      ['a comparison', { kind: 'compare', first: 'CRAs', second: 'nurses' }],
      ['a listed name', { kind: 'list_item', name: 'Northwind Trials', list: 'top employers' }],
    ];
    for (const [what, gap] of gaps) {
      it(`about ${what}, first, before the nearest passage`, () => {
        const reply = compose(pack, decision({ kind: 'gap', gap, nearest: duties.id }));
        expect(reply.blocks[0]?.kind).to.equal('paragraph');
        expect(GAP_STATEMENT.test(readableText({ ...reply, blocks: reply.blocks.slice(0, 1) }))).to.equal(true);
        expect(reply.blocks[1]).to.deep.equal({ kind: 'heading', text: duties.title });
        expect(reply).to.deep.include({ outcome: 'gap', unitIds: [duties.id] });
      });
    }

    it('about a topic, naming it, with the starters when no passage is near', () => {
      const reply = compose(pack, decision({ kind: 'gap', gap: { kind: 'topic', topic: 'visas and sponsorship', from: 'topics' } }));
      expect(plainText(reply)).to.equal("The guide doesn't cover visas and sponsorship.");
      expect(reply.suggestions).to.deep.equal(pack.starters.map((s) => ({ label: s.label, ask: s.ask })));
      expect(reply.unitIds).to.deep.equal([]);
    });

    it('before the answer, when the guide answers only part of the question', () => {
      const reply = compose(pack, decision({ kind: 'answer', unitIds: [duties.id], gap: { kind: 'figures' } }));
      expect(GAP_STATEMENT.test(readableText({ ...reply, blocks: reply.blocks.slice(0, 1) }))).to.equal(true);
      expect(reply.outcome).to.equal('partial');
    });
  });

  describe('"Did you mean…?"', () => {
    it('asks about a single choice in one sentence, with its button', () => {
      const reply = compose(pack, decision({ kind: 'clarify', choices: [duties.id] }));
      expect(plainText(reply)).to.equal(`Did you mean: ${duties.ask}`);
      expect(reply.suggestions).to.deep.equal([{ label: duties.label, ask: duties.ask }]);
    });

    it('lists several choices, each also a button, salary lists included', () => {
      const reply = compose(pack, decision({ kind: 'clarify', choices: [duties.id, 'salary_states'] }));
      const state = { label: say(pack, 'labelTopState'), ask: say(pack, 'askTopState') };
      expect(reply.suggestions).to.deep.equal([{ label: duties.label, ask: duties.ask }, state]);
      expect(reply.blocks[1]).to.deep.equal({ kind: 'list', items: [{ text: duties.ask }, { text: state.ask }] });
      expect(reply).to.deep.include({ outcome: 'clarify', feedback: false });
    });
  });

  describe('the bot\'s own sentences', () => {
    const table: Array<[string, Parameters<typeof decision>[0], string, string]> = [
      ['greets', { kind: 'talk', intent: 'greeting' }, say(pack, 'greeting'), 'talk'],
      ['helps', { kind: 'talk', intent: 'help' }, say(pack, 'help'), 'talk'],
      ['says goodbye', { kind: 'talk', intent: 'bye' }, say(pack, 'bye'), 'talk'],
      ['takes a "no"', { kind: 'declined' }, say(pack, 'clarifyDeclined'), 'talk'],
      ['says it has told all', { kind: 'no_more', unitId: duties.id }, say(pack, 'noMore'), 'no_more'],
      ['ends the walk-through', { kind: 'no_more', unitId: walk.steps.at(-1)!, end: 'last' }, say(pack, 'walkthroughDone'), 'no_more'],
      ['is at the first step', { kind: 'no_more', unitId: walk.steps[0]!, end: 'first' }, say(pack, 'walkthroughStart'), 'no_more'],
      ['answers in English only', { kind: 'language' }, say(pack, 'language'), 'language'],
      ['declines another career', { kind: 'other_career', career: 'pilots' }, say(pack, 'otherCareer', { career_asked: 'pilots' }), 'off_topic'],
      ['declines what is off topic', { kind: 'off_topic', reason: 'out_of_scope' }, say(pack, 'offTopic'), 'off_topic'],
      ['says it is a guide bot when no advisor is set', { kind: 'handoff' }, say(pack, 'handoffNone'), 'handoff'],
    ];
    for (const [what, action, text, outcome] of table) {
      it(`${what} with the pack's wording`, () => {
        const reply = compose(pack, decision(action));
        expect(plainText(reply)).to.equal(text.replace(/\*\*/g, ''));
        expect(reply).to.deep.include({ outcome, unitIds: [], feedback: false });
      });
    }

    it('fills the career\'s names into its sentences', () => {
      expect(say(pack, 'offTopic')).to.include('Clinical Research Associate (CRA)').and.include('CRA Career Guide');
    });

    it('offers the starters after a greeting, and nothing after goodbye or another language', () => {
      expect(compose(pack, decision({ kind: 'talk', intent: 'greeting' })).suggestions).to.have.length(3);
      expect(compose(pack, decision({ kind: 'talk', intent: 'bye' })).suggestions).to.deep.equal([]);
      expect(compose(pack, decision({ kind: 'language' })).suggestions).to.deep.equal([]);
    });
  });

  describe('a hand-off to a person', () => {
    it('opens the advisor\'s page', () => {
      const reply = compose(pack, decision({ kind: 'handoff' }), { advisor: { url: 'https://careers.example.org/advisor' } });
      expect(plainText(reply)).to.equal(say(pack, 'handoff'));
      expect(reply.suggestions).to.deep.equal([{ label: 'Talk to an advisor', ask: 'Talk to an advisor', url: 'https://careers.example.org/advisor' }]);
    });

    it('writes to the advisor when only an e-mail address is set', () => {
      const reply = compose(pack, decision({ kind: 'handoff' }), { advisor: { email: 'advisor@example.org' } });
      expect(reply.suggestions[0]?.url).to.equal('mailto:advisor@example.org');
    });

    it(`is offered, last, after ${MISSES_BEFORE_HANDOFF} misses in a row`, () => {
      const advisor = { url: 'https://careers.example.org/advisor' };
      const missed = compose(pack, decision({ kind: 'off_topic', reason: 'out_of_scope' }, { misses: MISSES_BEFORE_HANDOFF }), { advisor });
      expect(missed.suggestions).to.have.length(3);
      expect(missed.suggestions.at(-1)?.url).to.equal(advisor.url);
      const once = compose(pack, decision({ kind: 'off_topic', reason: 'out_of_scope' }, { misses: 1 }), { advisor });
      expect(once.suggestions.some((s) => s.url)).to.equal(false);
    });
  });

  describe('two answers to a message that asked two things', () => {
    it('gives both, in order, when they fit', () => {
      const reply = compose(pack, decision({ kind: 'both', first: { kind: 'answer', unitIds: [duties.id] }, second: salaryAbout({ states: ['TX'] }) }));
      expect(reply.unitIds).to.include(duties.id).and.include('salary_state_tx');
      expect(reply.blocks[0]).to.deep.equal({ kind: 'heading', text: duties.title });
      expect(reply.blocks.some((b) => b.kind === 'figures')).to.equal(true);
    });

    it(`gives the first and offers the second as a button when together they pass ${MAX_REPLY_CHARS} characters`, () => {
      const long = { ...duties, excerpt: [{ kind: 'paragraph' as const, text: 'Monitoring. '.repeat(170) }] };
      const padded = { ...pack, units: new Map([...pack.units, [duties.id, long]]) };
      const second = pack.units.get(unitId('Work environment'))!;
      const reply = compose(padded, decision({ kind: 'both', first: { kind: 'answer', unitIds: [duties.id] }, second: { kind: 'answer', unitIds: [second.id] } }));
      expect(reply.unitIds).to.deep.equal([duties.id]);
      expect(reply.suggestions[0]).to.deep.equal({ label: second.label, ask: second.ask });
    });
  });

  describe('the welcome', () => {
    it('greets with the pack\'s welcome and offers its starters', () => {
      const reply = welcome(fixtureKnowledge().packs);
      expect(plainText(reply)).to.equal(say(pack, 'welcome'));
      expect(reply.suggestions).to.deep.equal(pack.starters.map((s) => ({ label: s.label, ask: s.ask })));
    });

    it('names every career when the bot serves several, offering each one\'s first starter', () => {
      const other = { ...pack, id: 'cdm', career: { ...pack.career, name: 'Clinical Data Manager' }, starters: [{ label: 'What is a CDM?', ask: 'What is a clinical data manager?' }] };
      const reply = welcome([pack, other]);
      expect(plainText(reply)).to.equal(say(pack, 'welcomeMany', { careers_list: 'Clinical Research Associate and Clinical Data Manager' }));
      expect(reply.suggestions.map((s) => s.ask)).to.deep.equal([pack.starters[0]!.ask, 'What is a clinical data manager?']);
    });
  });
});
