import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_LABEL_CHARS } from '../../src/knowledge/schema.js';
import { DEFAULT_PACK_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { mslKnowledge } from '../support/knowledge.js';
import { guideFigures } from './guide-figures.js';

// The MSL pack's own tests: what its content must hold. Only tests here and in tests/eval/ read the MSL guide.
describe('the MSL pack', () => {
  const pack = mslKnowledge().packs[0]!;
  const guide = readFileSync(join(DEFAULT_PACK_DIR, 'guide.txt'), 'utf8').replace(/\s+/g, ' ');

  it('loads with its 56 units and 10 salary figures', () => {
    expect(pack.id).to.equal('msl');
    expect(pack.units.size).to.equal(56);
    expect(pack.salary?.states?.records).to.have.length(5);
    expect(pack.salary?.industries?.records).to.have.length(5);
  });

  it('has the figures the guide prints today (change this table with the guide)', () => {
    expect(pack.salary!.states!.records.map((r) => `${r.name} ${r.display}`)).to.deep.equal([
      'California $164,660', 'New Jersey $161,210', 'Massachusetts $158,590', 'Connecticut $157,920', 'New York $157,290',
    ]);
    expect(pack.salary!.industries!.records.map((r) => `${r.entityId} ${r.display}`)).to.deep.equal([
      'pharma $165,830', 'rnd $160,660', 'labs $160,230', 'hospitals $158,470', 'fedgov $155,840',
    ]);
  });

  it('reads every salary figure exactly as guide.txt prints it, in the guide\'s order', () => {
    const figures = guideFigures();
    const records = [...pack.salary!.industries!.records, ...pack.salary!.states!.records];
    expect(records.map((r) => [r.name, r.display])).to.deep.equal([...figures]);
    for (const r of records) expect(r.annual).to.equal(Number(r.display.replace(/[$,]/g, '')));
  });

  it('quotes every unit verbatim from the guide', () => {
    for (const unit of pack.units.values()) {
      expect(unit.excerpt.length + unit.children.length, unit.id).to.be.greaterThan(0);
      for (const part of unit.excerpt) {
        for (const piece of part.kind === 'paragraph' ? [part.text] : part.items) expect(guide, unit.id).to.include(piece);
      }
    }
  });

  it('has a walk-through of six steps, and the salary section as its pay overview', () => {
    expect(pack.walkthrough?.unitId).to.equal('become');
    expect(pack.walkthrough?.steps).to.have.length(6);
    expect(pack.salary?.overview.id).to.equal('salary_overview');
  });

  it(`gives every unit and starter a button label of at most ${MAX_LABEL_CHARS} characters`, () => {
    for (const unit of pack.units.values()) expect(unit.label.length, unit.id).to.be.at.most(MAX_LABEL_CHARS);
    expect(pack.starters).to.have.length(3);
    for (const s of pack.starters) expect(s.label.length, s.label).to.be.at.most(MAX_LABEL_CHARS);
  });

  it('passes npm run knowledge:check', function () {
    this.timeout(60_000);
    const run = spawnSync(process.execPath, ['dist/scripts/check-knowledge.js', DEFAULT_PACK_DIR], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr || run.stdout).to.equal(0);
    expect(run.stdout).to.include('Knowledge is valid.');
    expect(run.stdout, 'no unit\'s own question answered with another unit').to.not.match(/its own question ".*" is answered with/);
  });
});
