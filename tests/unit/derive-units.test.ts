import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  abbreviate, deriveUnits, findSalaryHeadings, isSalaryList, SALARY_LINE, shortLabel, STEP_HEADING, uniqueId,
} from '../../src/knowledge/derive-units.js';
import { parseGuide } from '../../src/knowledge/guide-parser.js';
import type { CareerNames } from '../../src/knowledge/knowledge.js';
import { MAX_LABEL_CHARS, type UnitSpec } from '../../src/knowledge/schema.js';
import { FIXTURE_PACK_DIR } from '../../src/paths.js';

/** A made-up career for small inline guides. */
const WALKER: CareerNames = { name: 'Dog Walker', plural: 'Dog Walkers', short: 'DW', shortPlural: 'DWs', aliases: ['dog walkers', 'dog walker'] };
/** Blocks are separated by blank lines, as in a guide.txt. */
const guide = (...blocks: string[]): string => blocks.join('\n\n');
const derive = (...blocks: string[]): UnitSpec[] => deriveUnits(parseGuide(guide(...blocks)), WALKER);
const byTitle = (units: readonly UnitSpec[], title: string): UnitSpec => units.find((u) => u.title === title) ?? expect.fail(`no unit "${title}"`);

describe('deriveUnits', () => {
  it('makes a unit of every heading with text under it, quoting that text and asking its title', () => {
    const units = derive('Work environment', 'Most walks happen outdoors.', 'Typical hours', 'Early mornings and evenings.');
    expect(units.map((u) => [u.title, u.ask, u.excerpt])).to.deep.equal([
      ['Work environment', 'Work environment', { heading: 'Work environment' }],
      ['Typical hours', 'Typical hours', { heading: 'Typical hours' }],
    ]);
  });

  it('reads "Step N:" headings as the steps of a walk-through under the heading before them', () => {
    const units = derive(
      'How to become a dog walker', 'Follow these steps.',
      'Step 1: Love dogs', 'It helps.', 'Step 2: Buy a leash', 'A long one.', 'Step 3: Find clients', 'Ask around.',
    );
    const overview = byTitle(units, 'How to become a dog walker');
    const steps = units.filter((u) => u.step !== undefined);
    expect(steps.map((s) => [s.step, s.parent])).to.deep.equal([[1, overview.id], [2, overview.id], [3, overview.id]]);
    expect(overview.children).to.deep.equal(steps.map((s) => s.id));
    expect(overview.more, 'what "tell me more" opens').to.equal(steps[0]!.id);
  });

  it('groups the headings after a heading that has no text of its own', () => {
    const units = derive('Where the jobs are', 'Top employers', '• Paws Inc', 'Top job sites', '• WalkBoard');
    const group = byTitle(units, 'Where the jobs are');
    expect(group.children).to.deep.equal([byTitle(units, 'Top employers').id, byTitle(units, 'Top job sites').id]);
    expect(byTitle(units, 'Top job sites').parent).to.equal(group.id);
  });

  it('makes a heading that names the career the parent of the headings after it', () => {
    const units = derive('Top skills for dog walkers', 'Three stand out.', 'Patience', 'Dogs pull.', 'Stamina', 'Walks are long.');
    const parent = byTitle(units, 'Top skills for dog walkers');
    expect(parent.children).to.deep.equal([byTitle(units, 'Patience').id, byTitle(units, 'Stamina').id]);
  });

  it('lets questions stand alone, like a FAQ, even after a group', () => {
    const units = derive('Where the jobs are', 'Top employers', '• Paws Inc', 'Do dog walkers need insurance?', 'Most do.');
    expect(byTitle(units, 'Do dog walkers need insurance?').parent).to.equal(undefined);
    expect(byTitle(units, 'Where the jobs are').children).to.have.length(1);
  });

  it('does not make units of salary lists: the question before them is the salary overview', () => {
    const blocks = parseGuide(guide(
      'How much do dog walkers make?', 'It depends on the city.',
      'Highest paying states', '• Texas – $41,000\n• Oregon – $39,500',
      'Highest paying industries', '• Pet Care Services – $40,100',
    ));
    expect(findSalaryHeadings(blocks)).to.deep.equal({ overview: 'How much do dog walkers make?', lists: ['Highest paying states', 'Highest paying industries'] });
    expect(deriveUnits(blocks, WALKER).map((u) => u.title)).to.deep.equal(['How much do dog walkers make?']);
  });

  it('drops a title line and a breadcrumb that have nothing under them', () => {
    const units = derive('Home / Guides / Dog Walker', 'Dog Walker Career Guide', 'What is a dog walker?', 'Someone who walks dogs.');
    expect(units.map((u) => u.title)).to.deep.equal(['What is a dog walker?']);
  });

  it('keeps every derived id unique, even for headings that repeat', () => {
    const units = derive('Overview', 'One.', 'Overview', 'Two.');
    expect(units.map((u) => u.id)).to.deep.equal(['overview', 'overview_2']);
  });

  describe('on the fixture guide', () => {
    const text = readFileSync(join(FIXTURE_PACK_DIR, 'guide.txt'), 'utf8');
    const units = deriveUnits(parseGuide(text), { name: 'Clinical Research Associate', plural: 'Clinical Research Associates', short: 'CRA', shortPlural: 'CRAs', aliases: ['clinical research associates', 'clinical research associate'] });
    const headings = parseGuide(text).filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);

    it('finds the four walk-through steps in order', () => {
      expect(units.filter((u) => u.step !== undefined).map((u) => u.step)).to.deep.equal([1, 2, 3, 4]);
    });

    it('makes a unit of each FAQ question, asked as written', () => {
      const faq = headings.filter((h) => h.endsWith('?') && !/^What is|^How much/.test(h));
      expect(faq).to.have.length(4);
      for (const question of faq) expect(byTitle(units, question).ask).to.equal(question);
    });

    it('makes no unit of a salary list heading', () => {
      expect(units.map((u) => u.title)).to.not.include('Highest paying states').and.to.not.include('Highest paying industries');
    });

    it('gives every unit an id of lower_snake_case letters and digits, and a label that fits a button', () => {
      for (const u of units) {
        expect(u.id).to.match(/^[a-z][a-z0-9_]*$/).and.to.have.length.at.most(40);
        expect(u.label, u.title).to.have.length.at.most(MAX_LABEL_CHARS);
      }
    });

    it('uses the career\'s short name to make labels fit ("What is a CRA?")', () => {
      expect(byTitle(units, 'What is a clinical research associate?').label).to.equal('What is a CRA?');
    });
  });
});

describe('the shapes deriveUnits recognises', () => {
  const steps: Array<[string, boolean]> = [['Step 1: Earn a degree', true], ['Step 12. Keep going', true], ['step 3 – apply', true], ['Steps to success', false], ['Stepping up', false]];
  for (const [heading, is] of steps) {
    it(`${is ? 'reads' : 'does not read'} "${heading}" as a walk-through step`, () => {
      expect(STEP_HEADING.test(heading)).to.equal(is);
    });
  }

  const lines: Array<[string, boolean]> = [['Texas – $94,270', true], ['New York - $157,290', true], ['Hospitals – $1,158,470', true], ['Texas – about 94k', false], ['Texas – $94270', false], ['Texas: $94,270', false]];
  for (const [line, is] of lines) {
    it(`${is ? 'reads' : 'does not read'} "${line}" as a salary line`, () => {
      expect(SALARY_LINE.test(line)).to.equal(is);
    });
  }

  const lists: Array<[string, string[], boolean]> = [
    ['every line is a salary line', ['Texas – $94,270', 'Oregon – $91,130'], true],
    ['one line of three is mistyped, so that the mistake is reported', ['Texas – $94,270', 'Oregon – about 91k', 'Ohio – $88,000'], true],
    ['most lines are not salary lines', ['Northwind Trials', 'Bluefern Clinical', 'Texas – $94,270'], false],
    ['no line is a salary line', ['Indeed', 'LinkedIn'], false],
  ];
  for (const [when, items, is] of lists) {
    it(`${is ? 'takes' : 'does not take'} a list as a salary list when ${when}`, () => {
      expect(isSalaryList({ kind: 'list', items, line: 1 })).to.equal(is);
    });
  }

  it('never takes a paragraph as a salary list', () => {
    expect(isSalaryList({ kind: 'paragraph', text: 'Texas – $94,270', line: 1 })).to.equal(false);
  });
});

describe('ids and labels read off headings', () => {
  const ids: Array<[string, string]> = [
    ['What is a clinical research associate?', 'what_is_a_clinical_research_associate'],
    ['Step 1: Earn a degree', 'step_1_earn_a_degree'],
    ['In-house CRA', 'in_house_cra'],
    ['401(k) plans', 'u_401_k_plans'],
    ['What qualifications do employers look for in a clinical research associate?', 'what_qualifications_do_employers_look'],
  ];
  for (const [title, id] of ids) {
    it(`derives the id ${id} from "${title}"`, () => {
      expect(uniqueId(title, new Set())).to.equal(id);
    });
  }

  it('keeps a heading that fits as its label', () => {
    expect(shortLabel('Top employers')).to.equal('Top employers');
  });

  it(`cuts a longer heading at a word, with an ellipsis, to at most ${MAX_LABEL_CHARS} characters`, () => {
    const label = shortLabel('Keep building your regulatory knowledge every quarter');
    expect(label).to.have.length.at.most(MAX_LABEL_CHARS).and.to.match(/…$/);
    expect('Keep building your regulatory knowledge every quarter'.startsWith(label.slice(0, -1))).to.equal(true);
  });

  it('abbreviates the career\'s names, plural first, and tidies a step\'s colon', () => {
    expect(abbreviate('Top skills for dog walkers', WALKER)).to.equal('Top skills for DWs');
    expect(abbreviate('How to become a Dog Walker', WALKER)).to.equal('How to become a DW');
    expect(abbreviate('Step 2:Buy a leash', WALKER)).to.equal('Step 2: Buy a leash');
  });
});
