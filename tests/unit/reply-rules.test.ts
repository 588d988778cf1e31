import { expect } from 'chai';
import { compose } from '../../src/answer/compose.js';
import { MAX_REPLY_CHARS, MAX_SUGGESTIONS, plainText } from '../../src/answer/reply.js';
import { MAX_LABEL_CHARS } from '../../src/knowledge/schema.js';
import { everyKindOfDecision } from '../support/decisions.js';
import { fixturePack } from '../support/knowledge.js';

/** Rules every reply keeps, whatever it answers: checked over one decision of every kind compose handles. */
describe('every reply compose makes', () => {
  const pack = fixturePack();
  const figures = [...pack.salary!.states!.records, ...pack.salary!.industries!.records].map((r) => r.display);
  const advisor = { url: 'https://careers.example.org/advisor' };

  for (const [what, decision] of everyKindOfDecision()) {
    describe(`for ${what}`, () => {
      const reply = compose(pack, decision, { advisor });
      const text = plainText(reply);

      it('says something, within the length a phone screen takes', () => {
        expect(text.trim()).to.not.equal('');
        expect(text.length).to.be.at.most(MAX_REPLY_CHARS);
      });

      it('leaves no paragraph ending in ":" with nothing after it', () => {
        reply.blocks.forEach((b, i) => {
          if (b.kind !== 'paragraph' || !b.text.trim().endsWith(':')) return;
          const next = reply.blocks[i + 1];
          expect(next && next.kind !== 'source', `"${b.text}" is followed by ${next?.kind ?? 'nothing'}`).to.equal(true);
        });
      });

      it(`offers at most ${MAX_SUGGESTIONS} buttons, each with a label of at most ${MAX_LABEL_CHARS} characters and its own question`, () => {
        expect(reply.suggestions.length).to.be.at.most(MAX_SUGGESTIONS);
        for (const s of reply.suggestions) {
          expect(s.label.length, s.label).to.be.within(1, MAX_LABEL_CHARS);
          expect(s.ask.trim(), s.label).to.not.equal('');
        }
        expect(new Set(reply.suggestions.map((s) => s.ask)).size).to.equal(reply.suggestions.length);
      });

      it('gives each figure of the guide at most once', () => {
        for (const figure of figures) expect(text.split(figure).length - 1, figure).to.be.at.most(1);
      });

      it('fills every slot of its templates', () => {
        expect(text).to.not.match(/\{[a-z_]+\}/);
      });

      it('gives only units and salary records the pack has', () => {
        const records = new Set([...pack.salary!.states!.records, ...pack.salary!.industries!.records].map((r) => r.id));
        for (const id of reply.unitIds) expect(pack.units.has(id) || records.has(id) || id === 'salary_states' || id === 'salary_industries', id).to.equal(true);
      });
    });
  }
});
