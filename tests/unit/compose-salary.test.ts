import { expect } from 'chai';
import { compose } from '../../src/answer/compose.js';
import { plainText, type Block, type FigureGroup, type Reply } from '../../src/answer/reply.js';
import { say } from '../../src/answer/words.js';
import { GAP_STATEMENT, readableText } from '../../src/eval/judge.js';
import type { Action } from '../../src/policy/action.js';
import { decision, salaryAbout } from '../support/decisions.js';
import { fixturePack } from '../support/knowledge.js';

const pack = fixturePack();
const states = pack.salary!.states!;
const industries = pack.salary!.industries!;
const reply = (action: Action): Reply => compose(pack, decision(action));
const figures = (r: Reply): Extract<Block, { kind: 'figures' }> => (r.blocks.find((b) => b.kind === 'figures') as Extract<Block, { kind: 'figures' }>) ?? expect.fail('no figures block');
const rows = (g: FigureGroup): string[] => g.rows.map((r) => `${r.label}: ${r.value}${r.highlight ? ' *' : ''}`);
const record = (id: string) => [...states.records, ...industries.records].find((r) => r.entityId === id)!;
const ask = (place: string) => ({ label: say(pack, 'labelPlace', { place }), ask: say(pack, 'askPlace', { place }) });

describe('compose for salary questions, on the fixture pack', () => {
  describe('one state with a figure', () => {
    const tx = record('TX');
    const r = reply(salaryAbout({ states: ['TX'] }));

    it('says where it ranks, without repeating the figure', () => {
      expect(r.blocks[0]).to.deep.equal({ kind: 'paragraph', text: say(pack, 'salaryRank', { name: 'Texas', rank: 'second', count: 'four', kinds: 'states' }) });
      expect(texts(r)).to.not.include(tx.display);
    });

    it('shows its figure first and highlighted, then the rest of the list', () => {
      const block = figures(r);
      expect(block.title).to.equal(say(pack, 'salaryCardOne', { name: 'Texas' }));
      expect(rows(block.groups[0]!)).to.deep.equal([`Texas: ${tx.display} *`, ...states.records.filter((s) => s !== tx).map((s) => `${s.name}: ${s.display}`)]);
    });

    it('gives the record and its list, offers two other states and the best industry, and cites the list', () => {
      expect(r).to.deep.include({ outcome: 'salary', unitIds: ['salary_state_tx', 'salary_states'], feedback: true });
      expect(r.suggestions).to.deep.equal([ask('Washington'), ask('Oregon'), { label: say(pack, 'labelTopIndustry'), ask: say(pack, 'askTopIndustry') }]);
      expect(r.blocks.at(-1)).to.deep.include({ kind: 'source', text: `Source: CRA Career Guide › ${pack.salary!.overview.title} › ${states.heading}` });
    });

    it('calls the top state the highest-paying', () => {
      expect(reply(salaryAbout({ states: ['WA'] })).blocks[0]).to.deep.equal({ kind: 'paragraph', text: say(pack, 'salaryTop', { name: 'Washington', kind: 'state' }) });
    });

    it('names a state typed as its postal code both ways when it has no figure', () => {
      const ca = reply(salaryAbout({ states: ['CA'], typed: { CA: 'CA' } }));
      expect(ca.blocks[0]).to.deep.equal({ kind: 'paragraph', text: say(pack, 'salaryNoPlace', { place: 'California (CA)' }) });
    });
  });

  describe('a place without a figure', () => {
    it('says so first, in a sentence GAP_STATEMENT matches, then shows the list it has', () => {
      const r = reply(salaryAbout({ states: ['CA'] }));
      expect(r.blocks[0]).to.deep.equal({ kind: 'paragraph', text: 'The guide has no salary figure for California.' });
      expect(GAP_STATEMENT.test(readableText({ ...r, blocks: r.blocks.slice(0, 1) }))).to.equal(true);
      expect(rows(figures(r).groups[0]!)).to.deep.equal(states.records.map((s) => `${s.name}: ${s.display}`));
      expect(r).to.deep.include({ outcome: 'nodata', unitIds: ['salary_states'] });
    });

    it('shows the industry list for an industry without a figure', () => {
      const r = reply(salaryAbout({ industries: ['biotech'] }));
      expect(r.blocks[0]).to.deep.equal({ kind: 'paragraph', text: say(pack, 'salaryNoPlace', { place: 'biotech' }) });
      expect(figures(r).title).to.equal(industries.heading);
    });

    it('gives the overview for a place abroad, since the figures are for the US', () => {
      const r = reply(salaryAbout({ places: ['London'] }));
      expect(r.blocks[0]).to.deep.equal({ kind: 'paragraph', text: say(pack, 'salaryNoPlace', { place: 'London' }) });
      expect(r.outcome).to.equal('nodata');
      expect(r.unitIds).to.include(pack.salary!.overview.id);
    });

    it('shows the figure it has beside the one it has not', () => {
      const r = reply(salaryAbout({ states: ['TX', 'CA'] }));
      expect(plainText(r)).to.include('no salary figure for California').and.include(record('TX').display);
      expect(r.outcome).to.equal('salary');
    });
  });

  describe('two places compared', () => {
    it('says which pays more and by how much, and shows both figures', () => {
      const r = reply(salaryAbout({ states: ['WA', 'OR'] }));
      const difference = `$${(record('WA').annual - record('OR').annual).toLocaleString('en-US')}`;
      expect(r.blocks[0]).to.deep.equal({ kind: 'paragraph', text: say(pack, 'salaryHigher', { higher: 'Washington', difference }) });
      expect(rows(figures(r).groups[0]!)).to.deep.equal([`Washington: ${record('WA').display}`, `Oregon: ${record('OR').display}`]);
      expect(r.unitIds).to.deep.equal(['salary_state_wa', 'salary_state_or']);
    });

    it('puts a state and an industry in groups of their own, without ranking them against each other', () => {
      const r = reply(salaryAbout({ states: ['TX'], industries: ['hospitals'] }));
      expect(figures(r).groups.map((g) => g.title)).to.deep.equal([states.heading, industries.heading]);
      expect(texts(r)).to.not.include('pays more');
    });
  });

  describe('the lists', () => {
    it('answers a general pay question with the overview and both lists', () => {
      const r = reply(salaryAbout());
      expect(r.blocks[0]).to.deep.equal({ kind: 'heading', text: pack.salary!.overview.title });
      expect(figures(r).groups.map((g) => g.title)).to.deep.equal([industries.heading, states.heading]);
      expect(r.unitIds).to.deep.equal([pack.salary!.overview.id, 'salary_industries', 'salary_states']);
    });

    it('shows a whole list when asked for it', () => {
      const r = reply(salaryAbout({ intent: 'salary_states' }));
      expect(rows(figures(r).groups[0]!)).to.have.length(states.records.length);
      expect(r.unitIds).to.deep.equal(['salary_states']);
    });

    it('names the top of a list when asked which pays the most, highlighted first', () => {
      const top = industries.records[0]!;
      const r = reply(salaryAbout({ intent: 'salary_industries', top: true }));
      expect(r.blocks[0]).to.deep.equal({ kind: 'paragraph', text: say(pack, 'salaryTopOfList', { name: top.name, kinds: 'industries' }) });
      expect(figures(r).groups[0]!.rows[0]).to.deep.include({ label: top.name, highlight: true });
      expect(r.unitIds).to.deep.equal([top.id, 'salary_industries']);
    });
  });

  describe('what the figures do not show', () => {
    it('has no figures for another career, and shows none', () => {
      const r = reply(salaryAbout({ careers: ['nurses'] }));
      expect(plainText(r)).to.equal(say(pack, 'salaryNoCareer', { career_asked: 'nurses' }));
      expect(r).to.deep.include({ outcome: 'nodata', unitIds: [] });
    });

    it('says, on "is that per year?", that the guide doesn\'t say when the pack gives no pay period', () => {
      const r = reply({ ...salaryAbout({ states: ['WA'] }), yearly: true } as Action);
      expect(r.blocks[0]).to.deep.equal({ kind: 'paragraph', text: say(pack, 'salaryPeriodUnknown') });
    });

    it('shows figures as the guide prints them when the pack gives no pay period, and with it when it does', () => {
      const figuresOf = (r: Reply): string[] => r.blocks.flatMap((b) => (b.kind === 'figures' ? b.groups.flatMap((g) => g.rows.map((row) => row.value)) : []));
      const bare = figuresOf(reply(salaryAbout({ states: ['WA'] })));
      expect(bare).to.not.be.empty;
      for (const value of bare) expect(value).to.match(/^\$[\d,]+$/);
      const yearly = { ...pack, salary: { ...pack.salary!, period: 'a year' } };
      const withPeriod = compose(yearly, decision(salaryAbout({ states: ['WA'] })));
      expect(figuresOf(withPeriod)).to.deep.equal(bare.map((v) => `${v} a year`));
      const asked = compose(yearly, decision({ ...salaryAbout({ states: ['WA'] }), yearly: true } as Action));
      expect(asked.blocks[0]).to.deep.equal({ kind: 'paragraph', text: say(yearly, 'salaryPeriod', { period: 'a year' }) });
    });

    it('says what the figures leave out before them, as a partial answer', () => {
      const r = reply({ ...salaryAbout(), gap: { kind: 'salary', topic: 'bonuses and incentives' } } as Action);
      expect(r.blocks[0]).to.deep.equal({ kind: 'paragraph', text: say(pack, 'salaryGap', { topic: 'bonuses and incentives' }) });
      expect(GAP_STATEMENT.test(readableText({ ...r, blocks: r.blocks.slice(0, 1) }))).to.equal(true);
      expect(r.outcome).to.equal('partial');
    });
  });
});

/** The reply's sentences, not its figures: paragraphs and headings. */
function texts(r: Reply): string {
  return r.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'heading').map((b) => (b as { text: string }).text).join('\n');
}
