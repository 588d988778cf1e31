import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCommonKnowledge } from '../../src/knowledge/common-knowledge.js';
import { deriveUnits } from '../../src/knowledge/derive-units.js';
import { parseGuide } from '../../src/knowledge/guide-parser.js';
import { importGuide } from '../../src/knowledge/import-guide.js';
import { loadPack } from '../../src/knowledge/load-pack.js';
import { PackFile } from '../../src/knowledge/schema.js';
import { COMMON_KNOWLEDGE_DIR, FIXTURE_PACK_DIR, PROJECT_ROOT } from '../../src/paths.js';

const fixtureGuide = readFileSync(join(FIXTURE_PACK_DIR, 'guide.txt'), 'utf8');
const titled = (title: string): string => `${title}\n\nWhat is it?\n\nA job.\n`;

describe('importGuide', () => {
  it('reads the career and its short name from the guide\'s title line', () => {
    const { pack } = importGuide(fixtureGuide);
    expect(pack.id).to.equal('cra');
    expect(pack.career).to.deep.include({ name: 'Clinical Research Associate', plural: 'Clinical Research Associates', short: 'CRA', shortPlural: 'CRAs' });
    expect(pack.guide.title).to.equal('CRA Career Guide');
  });

  const careers: Array<[string, string, string]> = [
    ['Nurse Practitioner Career Guide', 'Nurse Practitioners', 'NP'],
    ['Medical Science Liaison Career Guide', 'Medical Science Liaisons', 'MSL'],
    ['Actuary Career Guide', 'Actuaries', 'A'],
    ['Athletic Coach career guide', 'Athletic Coaches', 'AC'],
    ['Data Analyst Career Guide', 'Data Analysts', 'DA'],
  ];
  for (const [title, plural, short] of careers) {
    it(`reads "${title}" as ${plural} (${short})`, () => {
      const { pack } = importGuide(titled(title));
      expect([pack.career.plural, pack.career.short, pack.id]).to.deep.equal([plural, short, short.toLowerCase()]);
    });
  }

  it('finds the title line after a breadcrumb', () => {
    expect(importGuide(`Home / Careers / Pilots\n\n${titled('Airline Pilot Career Guide')}`).pack.career.name).to.equal('Airline Pilot');
  });

  it('refuses a guide without a "<Career> Career Guide" title line', () => {
    expect(() => importGuide('What is it?\n\nA job.\n')).to.throw(/no title line/);
  });

  it('reads the units off the headings, as a pack without units.json does', () => {
    const { pack, units } = importGuide(fixtureGuide);
    const career = { name: pack.career.name, plural: pack.career.plural, short: pack.career.short, shortPlural: pack.career.shortPlural, aliases: [pack.career.plural.toLowerCase(), pack.career.name.toLowerCase()] };
    expect(units).to.deep.equal(deriveUnits(parseGuide(fixtureGuide), career));
  });

  it('writes a pack.json the schema accepts', () => {
    expect(PackFile.safeParse(importGuide(fixtureGuide).pack).success).to.equal(true);
  });
});

describe('npm run knowledge:import', () => {
  let out: string;
  before(() => {
    out = join(mkdtempSync(join(tmpdir(), 'import-')), 'cra');
  });
  after(() => rmSync(join(out, '..'), { recursive: true, force: true }));

  it('makes a pack from a guide that loads with the same units and figures as the fixture', function () {
    this.timeout(20_000);
    const run = spawnSync(process.execPath, ['dist/scripts/import-guide.js', join(FIXTURE_PACK_DIR, 'guide.txt'), out], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.include('Imported the Clinical Research Associate guide (CRA)');
    expect(existsSync(join(out, 'units.json')), 'units.json without --units').to.equal(false);
    const common = loadCommonKnowledge(COMMON_KNOWLEDGE_DIR);
    const imported = loadPack(out, common);
    const fixture = loadPack(FIXTURE_PACK_DIR, common);
    expect([...imported.units.keys()]).to.deep.equal([...fixture.units.keys()]);
    expect(imported.salary?.states?.records).to.deep.equal(fixture.salary?.states?.records);
  });

  it('refuses to import over a pack that is already there', function () {
    this.timeout(20_000);
    const run = spawnSync(process.execPath, ['dist/scripts/import-guide.js', join(FIXTURE_PACK_DIR, 'guide.txt'), out], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(run.status).to.equal(2);
    expect(run.stderr).to.include('already holds a pack');
  });
});
