import { expect } from 'chai';
import { realAdvisor, realKnowledge } from '../support/knowledge.js';

// Every unit's `ask` is offered as a button; pressing it must bring back that same unit, or the button lies.
describe('the questions offered as buttons', () => {
  for (const unit of realKnowledge().units.values()) {
    it(`answer "${unit.ask}" with the ${unit.id} unit`, () => {
      const { decision, reply } = realAdvisor().respond(unit.ask);
      expect(reply.unitIds, `decided ${decision.kind}${'unitId' in decision ? `:${decision.unitId}` : ''}`).to.include(unit.id);
    });
  }
});
