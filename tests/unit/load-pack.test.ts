import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCommonKnowledge } from '../../src/knowledge/common-knowledge.js';
import { importGuide } from '../../src/knowledge/import-guide.js';
import { loadPack } from '../../src/knowledge/load-pack.js';
import { COMMON_KNOWLEDGE_DIR, FIXTURE_PACK_DIR } from '../../src/paths.js';
import { issueAbout, knowledgeError, removeTempPacks, TempPack } from '../support/temp-pack.js';

const common = loadCommonKnowledge(COMMON_KNOWLEDGE_DIR);
const load = (dir: string) => () => loadPack(dir, common);

/** A copy of the fixture with a curated units.json: the units the guide's headings give, to be edited. */
function withUnitsFile(): TempPack {
  const pack = new TempPack();
  return pack.write('units.json', JSON.stringify({ units: importGuide(pack.read('guide.txt')).units }));
}

describe('loadPack', () => {
  after(removeTempPacks);

  describe('on the fixture pack, which has no curated overlay', () => {
    const pack = loadPack(FIXTURE_PACK_DIR, common);

    it('reads the career and the guide from pack.json', () => {
      expect(pack.id).to.equal('cra');
      expect(pack.career).to.include({ name: 'Clinical Research Associate', short: 'CRA', shortPlural: 'CRAs' });
      expect(pack.career.aliases).to.include('clinical research associates').and.include('clinical monitor');
      expect(pack.guide).to.deep.equal({ title: 'CRA Career Guide', url: undefined });
    });

    it('reads the units off the guide\'s headings, the walk-through off its steps', () => {
      expect(pack.units.size).to.equal(importGuide(readFileSync(join(FIXTURE_PACK_DIR, 'guide.txt'), 'utf8')).units.length);
      expect(pack.walkthrough?.steps.map((id) => pack.units.get(id)!.step)).to.deep.equal([1, 2, 3, 4]);
      expect(pack.units.get(pack.walkthrough!.unitId)!.children).to.deep.equal(pack.walkthrough!.steps);
    });

    it('reads both salary lists, in the guide\'s order, with the question before them as the overview', () => {
      const { overview, states, industries } = pack.salary!;
      expect(overview.title).to.equal('How much do clinical research associates make?');
      expect(states!.records.map((r) => [r.entityId, r.display, r.annual])).to.deep.equal([
        ['WA', '$101,640', 101640], ['TX', '$94,270', 94270], ['OR', '$91,130', 91130], ['MN', '$89,580', 89580],
      ]);
      expect(industries!.records.map((r) => r.name)).to.deep.equal(['Contract Research Organizations', 'Scientific Research Services', 'Hospitals', 'Colleges and Universities']);
    });

    it('knows the industries of its salary list as listed, and the common ones as not', () => {
      const listed = pack.entities.industries.filter((i) => i.listed).map((i) => i.id);
      expect(listed).to.deep.equal(pack.salary!.industries!.records.map((r) => r.entityId));
      expect(pack.entities.industries.some((i) => !i.listed)).to.equal(true);
    });

    it('takes a common industry its salary list names as its own, so the common one\'s other names ask for the guide\'s figure', () => {
      const cro = pack.entities.industries.find((i) => i.name === 'Contract Research Organizations')!;
      expect(cro.aliases).to.include('cro').and.include('cros');
      expect(pack.entities.industries.filter((i) => i.aliases.includes('cro')).map((i) => i.id)).to.deep.equal([cro.id]);
    });

    it('does not count its own career among the other careers people name', () => {
      const names = pack.entities.careers.flatMap((c) => c.aliases.map((a) => a.toLowerCase()));
      expect(names).to.not.include('clinical research associate');
    });

    it('offers the first three top-level units as starters when the pack names none', () => {
      const tops = [...pack.units.values()].filter((u) => !u.parent).slice(0, 3);
      expect(pack.starters).to.deep.equal(tops.map((u) => ({ label: u.label, ask: u.ask })));
    });

    it('drops from the common topics the phrases the guide itself uses, so they are never called gaps', () => {
      const licensing = pack.topics.topics.find((t) => t.id === 'licensing');
      expect(pack.guideText).to.include('no single licence');
      expect(licensing?.phrases).to.not.include('licence');
      expect(licensing?.phrases).to.include('licensure');
      expect(pack.topics.topics.find((t) => t.id === 'visa')?.phrases).to.include('visa');
    });

    it('drops a common topic whose every phrase the guide uses: the guide covers it', () => {
      const visa = common.topics.topics.find((t) => t.id === 'visa')!;
      const covered = new TempPack().edit('guide.txt', (t) => `${t}\nDo CRAs need a visa?\n\nAbout ${visa.phrases.join(', ')}: ask the employer.\n`);
      expect(loadPack(covered.dir, common).topics.topics.map((t) => t.id)).to.not.include('visa');
    });

    it('takes GUIDE_URL over pack.json for where the guide is published', () => {
      expect(loadPack(FIXTURE_PACK_DIR, common, { guideUrl: 'https://careers.example.org/cra' }).guide.url).to.equal('https://careers.example.org/cra');
    });

    it('fingerprints what it loaded, so a changed guide is told apart', () => {
      const changed = new TempPack().edit('guide.txt', (t) => t.replace('$94,270', '$94,280'));
      expect(loadPack(FIXTURE_PACK_DIR, common).fingerprint).to.equal(pack.fingerprint);
      expect(loadPack(changed.dir, common).fingerprint).to.not.equal(pack.fingerprint);
    });
  });

  describe('names the file and the place of every problem', () => {
    it('when pack.json is not JSON', () => {
      const pack = new TempPack().edit('pack.json', (t) => t.slice(0, 40));
      const issue = issueAbout(knowledgeError(load(pack.dir)), 'cra/pack.json');
      expect(issue.message).to.match(/^is not valid JSON/);
    });

    it('when an overlay file is not JSON', () => {
      const pack = new TempPack().write('synonyms.json', '{ "words": { "cra": ');
      expect(issueAbout(knowledgeError(load(pack.dir)), 'cra/synonyms.json').message).to.match(/^is not valid JSON/);
    });

    it('when pack.json breaks its schema, at the field', () => {
      const pack = new TempPack().editJson('pack.json', (j) => ({ ...j, id: 'Clinical-Research' }));
      const issue = issueAbout(knowledgeError(load(pack.dir)), 'cra/pack.json');
      expect(issue).to.include({ path: 'id' });
      expect(issue.message).to.include('lower_snake_case');
    });

    it('when a reply template uses a slot it does not have', () => {
      const pack = new TempPack().write('replies.json', JSON.stringify({ salaryTop: '{nmae} pays the most.' }));
      const error = knowledgeError(load(pack.dir));
      expect(issueAbout(error, 'cra/replies.json')).to.include({ path: 'salaryTop' });
      expect(error.message).to.include('cra/replies.json at salaryTop: uses the slot {nmae}');
    });

    it('when replies.json words a reply the bot does not have', () => {
      const pack = new TempPack().write('replies.json', JSON.stringify({ farewell: 'Bye!' }));
      expect(issueAbout(knowledgeError(load(pack.dir)), 'cra/replies.json')).to.include({ path: 'farewell' });
    });

    it('when a unit refers to a unit that does not exist', () => {
      const pack = withUnitsFile().editJson('units.json', (j) => {
        j.units[1].more = 'nowhere';
        return j;
      });
      const error = knowledgeError(load(pack.dir));
      const issue = issueAbout(error, 'cra/units.json');
      expect(issue.path).to.equal(`units[1] (${JSON.parse(pack.read('units.json')).units[1].id})`);
      expect(issue.message).to.equal('refers to unknown unit "nowhere"');
    });

    it('when a unit quotes a heading the guide does not have', () => {
      const pack = withUnitsFile().editJson('units.json', (j) => {
        j.units[2].excerpt = { heading: 'Work environmnt' };
        return j;
      });
      const issue = issueAbout(knowledgeError(load(pack.dir)), 'cra/units.json');
      expect(issue.path).to.match(/^units\[2\] \(\w+\)\.excerpt$/);
      expect(issue.message).to.equal('heading "Work environmnt" is not in the guide');
    });

    it('when two units have the same id', () => {
      const pack = withUnitsFile().editJson('units.json', (j) => {
        j.units[3].id = j.units[2].id;
        return j;
      });
      expect(knowledgeError(load(pack.dir)).message).to.match(/cra\/units\.json at units\[3\] \(\w+\)\.id: duplicate id/);
    });

    it('when a line of a salary list is not of the form "Name – $123,456"', () => {
      const pack = new TempPack().edit('guide.txt', (t) => t.replace('Texas – $94,270', 'Texas – about 94k'));
      const issue = issueAbout(knowledgeError(load(pack.dir)), 'cra/guide.txt');
      expect(issue).to.deep.equal({ file: 'cra/guide.txt', path: 'salary', message: '"Texas – about 94k" is not of the form "Name – $123,456"' });
    });

    it('when a state list names a place that is not a state', () => {
      const pack = new TempPack()
        .editJson('pack.json', (j) => ({ ...j, salary: { states: 'Highest paying states' } }))
        .edit('guide.txt', (t) => t.replace('Texas – $94,270', 'Atlantis – $94,270'));
      expect(issueAbout(knowledgeError(load(pack.dir)), 'cra/guide.txt').message).to.include('has no state named "Atlantis"');
    });

    it('when a phrasing belongs to no unit', () => {
      const pack = new TempPack().write('phrasings.json', JSON.stringify({ intents: { astrology: ['what is my star sign'] } }));
      expect(issueAbout(knowledgeError(load(pack.dir)), 'cra/phrasings.json')).to.deep.include({ path: 'intents.astrology' });
    });

    it('when the guide is missing', () => {
      const pack = new TempPack().remove('guide.txt');
      expect(issueAbout(knowledgeError(load(pack.dir)), 'cra/guide.txt')).to.deep.equal({ file: 'cra/guide.txt', path: '', message: 'cannot be read (ENOENT)' });
    });

    it('when pack.json is missing', () => {
      const pack = new TempPack().remove('pack.json');
      expect(issueAbout(knowledgeError(load(pack.dir)), 'cra/pack.json').message).to.equal('cannot be read (ENOENT)');
    });

    it('all at once, in one error, when several files are broken', () => {
      const pack = new TempPack()
        .write('replies.json', JSON.stringify({ salaryTop: '{nmae} pays the most.' }))
        .write('phrasings.json', JSON.stringify({ intents: { astrology: ['what is my star sign'] } }));
      const error = knowledgeError(load(pack.dir));
      expect(error.issues.map((i) => i.file)).to.include.members(['cra/replies.json', 'cra/phrasings.json']);
      expect(error.message).to.match(/^Knowledge is invalid \(2 problems\):/);
    });
  });
});
