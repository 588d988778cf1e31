import { expect } from 'chai';
import { relative } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadCommonKnowledge } from '../../src/knowledge/common-knowledge.js';
import { loadConfiguredKnowledge, loadKnowledge, primaryPack } from '../../src/knowledge/load-knowledge.js';
import { COMMON_KNOWLEDGE_DIR, FIXTURE_PACK_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { issueAbout, knowledgeError, removeTempPacks, TempPack } from '../support/temp-pack.js';

/** A second career made from the fixture: another id and other names, the same guide. */
function otherCareer(name = 'cdm'): TempPack {
  return new TempPack(name).editJson('pack.json', (j) => ({
    ...j, id: name,
    career: { name: 'Clinical Data Manager', plural: 'Clinical Data Managers', short: 'CDM', shortPlural: 'CDMs', aliases: [] },
    guide: { title: 'CDM Career Guide', url: 'https://careers.example.org/cdm' },
  }));
}

describe('loadKnowledge', () => {
  after(removeTempPacks);

  it('loads one pack with the common knowledge', () => {
    const knowledge = loadKnowledge([FIXTURE_PACK_DIR], COMMON_KNOWLEDGE_DIR);
    expect(knowledge.packs.map((p) => p.id)).to.deep.equal(['cra']);
    expect(primaryPack(knowledge).id).to.equal('cra');
    expect(knowledge.common.conversation.greeting).to.have.length.greaterThan(0);
  });

  it('loads two packs in the order given; the first is the default career', () => {
    const knowledge = loadKnowledge([otherCareer().dir, FIXTURE_PACK_DIR], COMMON_KNOWLEDGE_DIR);
    expect(knowledge.packs.map((p) => p.id)).to.deep.equal(['cdm', 'cra']);
    expect(primaryPack(knowledge).career.short).to.equal('CDM');
  });

  it('applies GUIDE_URL to the first pack only; the others keep their pack.json address', () => {
    const knowledge = loadKnowledge([FIXTURE_PACK_DIR, otherCareer().dir], COMMON_KNOWLEDGE_DIR, { guideUrl: 'https://careers.example.org/cra' });
    expect(knowledge.packs.map((p) => p.guide.url)).to.deep.equal(['https://careers.example.org/cra', 'https://careers.example.org/cdm']);
  });

  it('refuses two packs with the same id, naming the second and the folder of the first', () => {
    const twin = new TempPack('twin');
    const error = knowledgeError(() => loadKnowledge([FIXTURE_PACK_DIR, twin.dir], COMMON_KNOWLEDGE_DIR));
    const issue = issueAbout(error, 'cra/pack.json');
    expect(issue.path).to.equal('career');
    expect(issue.message).to.include('names the same career or id').and.include(FIXTURE_PACK_DIR);
  });

  it('refuses two packs that name the same career under different ids', () => {
    const renamed = new TempPack('cra2').editJson('pack.json', (j) => ({ ...j, id: 'cra2' }));
    const error = knowledgeError(() => loadKnowledge([FIXTURE_PACK_DIR, renamed.dir], COMMON_KNOWLEDGE_DIR));
    expect(issueAbout(error, 'cra2/pack.json').message).to.include('names the same career or id');
  });

  it('reports the problems of every pack together', () => {
    const first = otherCareer().edit('pack.json', (t) => t.slice(0, 30));
    const second = new TempPack('cra').remove('guide.txt');
    const error = knowledgeError(() => loadKnowledge([first.dir, second.dir], COMMON_KNOWLEDGE_DIR));
    expect(error.issues.map((i) => i.file)).to.have.members(['cdm/pack.json', 'cra/guide.txt']);
  });

  it('loads the packs KNOWLEDGE_DIR names, relative to the project or absolute', () => {
    const other = otherCareer();
    const config = loadConfig({ KNOWLEDGE_DIR: `${relative(PROJECT_ROOT, FIXTURE_PACK_DIR)}, ${other.dir}`, GUIDE_URL: 'https://careers.example.org/guide/' });
    const knowledge = loadConfiguredKnowledge(config);
    expect(knowledge.packs.map((p) => [p.id, p.guide.url])).to.deep.equal([['cra', 'https://careers.example.org/guide'], ['cdm', 'https://careers.example.org/cdm']]);
  });
});

describe('loadCommonKnowledge', () => {
  after(removeTempPacks);

  const brokenCommon = (file: string, change: (json: any) => unknown): string => new TempPack('common', COMMON_KNOWLEDGE_DIR).editJson(file, change).dir;

  it('loads the shared conversation moves, entities, synonyms, replies and topics', () => {
    const common = loadCommonKnowledge(COMMON_KNOWLEDGE_DIR);
    expect(common.entities.states.map((s) => s.id)).to.include.members(['WA', 'TX', 'CA', 'NY']);
    expect(common.templates.welcome).to.be.a('string');
  });

  it('refuses a reply wording left out, naming it', () => {
    const dir = brokenCommon('replies.json', ({ welcome, ...rest }) => rest);
    expect(issueAbout(knowledgeError(() => loadCommonKnowledge(dir)), 'common/replies.json')).to.deep.include({ path: 'welcome' });
  });

  it('refuses a conversation move the bot does not have', () => {
    const dir = brokenCommon('conversation.json', (j) => ({ ...j, intents: { ...j.intents, dance: ['let us dance'] } }));
    expect(issueAbout(knowledgeError(() => loadCommonKnowledge(dir)), 'common/conversation.json')).to.deep.include({ path: 'intents.dance' });
  });

  it('refuses a state whose postal code is not two capitals', () => {
    const dir = brokenCommon('entities.json', (j) => ({ ...j, states: [{ ...j.states[0], id: 'wash' }, ...j.states.slice(1)] }));
    expect(issueAbout(knowledgeError(() => loadCommonKnowledge(dir)), 'common/entities.json').path).to.equal('states.0.id');
  });
});
