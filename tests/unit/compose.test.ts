import { expect } from 'chai';
import { MAX_SUGGESTIONS } from '../../src/answer/reply.js';
import type { ConversationMemory } from '../../src/nlu/decision.js';
import { realAdvisor, realKnowledge } from '../support/knowledge.js';

// Well under the 2,000 characters at which a chat reply floods the screen.
const MAX_REPLY_CHARS = 1500;

describe('compose', () => {
  const advisor = realAdvisor();
  const k = realKnowledge();
  const reply = (text: string, memory: ConversationMemory = {}) => advisor.respond(text, memory).reply;

  it('answers every unit concisely, with a source line and at most three follow-ups', () => {
    for (const unit of k.units.values()) {
      const r = advisor.compose({ kind: 'answer', unitId: unit.id, confidence: 1, candidates: [] });
      expect(r.text.length, unit.id).to.be.below(MAX_REPLY_CHARS);
      expect(r.text, unit.id).to.include(k.replies.sourcePrefix);
      expect(r.suggestions.length, unit.id).to.be.at.most(MAX_SUGGESTIONS);
    }
  });

  it('gives the exact figure for a state, from the guide', () => {
    const r = reply('how much do MSLs earn in California');
    expect(r.text).to.include('California').and.to.include('$164,660');
    expect(r.card?.facts.map((f) => f.value)).to.deep.equal(['$164,660']);
  });

  it('gives the top industry first when asked which pays best', () => {
    expect(reply('which industry pays best').text).to.match(/Pharmaceutical and Medicine Manufacturing – \$165,830[\s\S]*Hospitals – \$158,470/);
  });

  it('compares two figures and says which is higher', () => {
    const r = reply('California or New York?');
    expect(r.text).to.include('$164,660').and.to.include('$157,290').and.to.include('California is higher, by $7,370');
  });

  it('says honestly that the guide has no figure for Texas, without a figure beside it', () => {
    const r = reply('MSL salary in Texas');
    expect(r.outcome).to.equal('nodata');
    const sentence = r.text.slice(r.text.indexOf('Texas')).split(/[.!?\n]/)[0];
    expect(sentence).not.to.match(/\$\d/);
    expect(r.text).to.include('five highest-paying states');
  });

  it('never attaches an MSL figure to another career', () => {
    const r = reply('how much do nurses make in new york');
    expect(r.outcome).to.equal('nodata');
    expect(r.text).not.to.match(/\$\d/);
  });

  it('falls back without any guide text for an off-topic question', () => {
    const r = reply("what's the weather");
    expect(r.outcome).to.equal('fallback');
    expect(r.text).to.equal(k.replies.fallback);
    expect(r.suggestions).to.deep.equal(k.replies.starters);
  });

  it('never echoes markup back', () => {
    const r = reply('<img src=x onerror=alert(1)>');
    expect(r.outcome).to.equal('fallback');
    expect(r.text).not.to.include('<');
  });

  it('offers suggestions the bot itself understands', () => {
    for (const s of [...reply('how much do MSLs earn in California').suggestions, ...reply('which industry pays best').suggestions]) {
      expect(advisor.respond(s, { salary: { states: ['CA'], industries: [] } }).reply.outcome, s).to.equal('salary');
    }
  });
});
