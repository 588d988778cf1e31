import { expect } from 'chai';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/load-knowledge.js';
import { COMMON_KNOWLEDGE_DIR, FIXTURE_PACK_DIR } from '../../src/paths.js';
import { catalogueFromKnowledge, type ReportCatalogue } from '../../src/report/report-catalogue.js';

describe('the names the report shows, from the loaded packs', () => {
  let knowledge: Knowledge;
  let catalogue: ReportCatalogue;
  before(() => {
    knowledge = loadKnowledge([FIXTURE_PACK_DIR], COMMON_KNOWLEDGE_DIR);
    catalogue = catalogueFromKnowledge(knowledge);
  });

  it('names each career by the pack’s career name', () => {
    expect(Object.keys(catalogue.careers)).to.deep.equal(['cra']);
    expect(catalogue.careers.cra!.name).to.equal('Clinical Research Associate');
  });

  it('titles every unit of the pack', () => {
    const pack = knowledge.packs[0]!;
    for (const unit of pack.units.values()) expect(catalogue.careers.cra!.units[unit.id]).to.equal(unit.title);
  });

  it('titles salary records and lists by the guide’s list heading, and the pay question by its overview', () => {
    const salary = knowledge.packs[0]!.salary!;
    const record = salary.states!.records[0]!;
    const units = catalogue.careers.cra!.units;
    expect(units[record.id]).to.equal(`${salary.states!.heading}: ${record.name}`);
    expect(units.salary_states).to.equal(salary.states!.heading);
    expect(units.salary_industries).to.equal(salary.industries!.heading);
    expect(units.salary).to.equal(salary.overview.title);
  });

  it('labels every curated topic as the gap sentence names it', () => {
    for (const topic of knowledge.common.topics.topics) expect(catalogue.topics[topic.id]).to.equal(topic.label);
  });

  it('leaves the career’s one-word names out of focus words, not its longer names', () => {
    expect(catalogue.careerWords).to.include.members(['cra', 'cras']);
    expect(catalogue.careerWords).not.to.include('clinical research associate');
  });
});
