import { expect } from 'chai';
import { importGuide } from '../../src/knowledge/import-guide.js';
import { loadCommonKnowledge } from '../../src/knowledge/common-knowledge.js';
import { loadPack } from '../../src/knowledge/load-pack.js';
import { COMMON_KNOWLEDGE_DIR } from '../../src/paths.js';
import type { Signals } from '../../src/understanding/reading.js';
import { createReader } from '../../src/understanding/understanding-snapshot.js';
import { fixturePack } from '../support/knowledge.js';
import { removeTempPacks, TempPack } from '../support/temp-pack.js';

describe('the Reader on the fixture pack', () => {
  const pack = fixturePack();
  const reader = createReader(pack);
  const focus = (text: string) => reader.read(text).focus;

  describe('tells what kind of message it is', () => {
    const table: Array<[string, string]> = [
      ['', 'empty'], ['   \n ', 'empty'],
      ['<b>hi</b>', 'markup'], ['<script>alert(1)</script>', 'markup'], ['see javascript:alert(1)', 'markup'],
      ['¿Cuánto gana un asociado de investigación clínica en Texas?', 'foreign'],
      ['what is a clinical research associate?', 'text'], ['hi', 'text'],
    ];
    for (const [text, kind] of table) {
      it(`${JSON.stringify(text)} is ${kind}`, () => {
        expect(reader.read(text).kind).to.equal(kind);
      });
    }
  });

  describe('reads the names every JavaScript object has as plain words', () => {
    // Lookup tables keyed by the user's words must not answer with what objects inherit.
    for (const word of ['constructor', 'constructors', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']) {
      it(`"tell me about ${word}" reads without failing, and its words are the words typed`, () => {
        const read = reader.read(`tell me about ${word}`);
        expect(read.kind).to.equal('text');
        expect(read.focus.tokens.join(' ')).to.not.match(/function|native code|\[object/i);
      });
    }
  });

  it('reads the question after a greeting, and says there was one', () => {
    const reading = reader.read('hi, what is a CRA?');
    expect(reading.greeting).to.equal(true);
    expect(reading.focus.text).to.equal('what is a CRA?');
  });

  it('reads each part of a message that asks two things on its own', () => {
    const reading = reader.read('what is a clinical research associate, and how do I become one?');
    expect(reading.parts.map((p) => p.ranked[0]?.intent)).to.deep.equal(['what_is_a_clinical_research_associate', 'how_to_become_a_clinical_research']);
  });

  it('keeps the whole of a message with a story around its question', () => {
    const reading = reader.read('I work at a hospital. What does a CRA do on a typical day?');
    expect(reading.focus.text).to.equal('What does a CRA do on a typical day?');
    expect(reading.whole?.text).to.include('I work at a hospital.');
  });

  describe('hears a question about pay', () => {
    const table: Array<[string, boolean]> = [
      ['how much do CRAs make in Texas?', true],
      ['CRA salary in TX', true],
      ['what do CRAs earn in hospitals', true],
      ['how much do nurses make', true],
      ['what can make a nurse a good candidate for CRA roles?', false],
      ['do CRAs earn a degree first?', false],
      ['what is a clinical research associate?', false],
    ];
    for (const [text, pay] of table) {
      it(`${pay ? 'in' : 'not in'} "${text}"`, () => {
        expect(focus(text).signals.pay).to.equal(pay);
      });
    }
  });

  describe('finds the places, industries and careers named', () => {
    const table: Array<[string, string[]]> = [
      ['how much do CRAs make in Texas?', ['state:TX:true']],
      ['CRA salary in TX', ['state:TX:true']],
      ['CRA pay in washington or oregon', ['state:WA:true', 'state:OR:true']],
      ['what do CRAs earn in hospitals', ['industry:hospitals:true']],
      ['CRA pay in biotech', ['industry:biotech:false']],
      ['how much do CRAs make at a CRO?', ['industry:contract_research_organizations:true']],
      ['how much do nurses make', ['career:nurse:true']],
      ['CRA jobs in London', ['place:uk:false']],
      ['what is a clinical research associate?', []],
    ];
    for (const [text, expected] of table) {
      it(`${expected.length ? expected.join(', ') : 'nothing'} in "${text}"`, () => {
        expect(focus(text).entities.map((e) => `${e.type}:${e.id}:${e.inGuide}`)).to.deep.equal(expected);
      });
    }

    it('keeps a two-letter state as typed, for the reply to name it both ways', () => {
      expect(focus('CRA salary in TX').entities[0]?.surface).to.equal('tx');
    });
  });

  describe('measures how much of a question the guide knows', () => {
    it('knows every word of a question in the guide\'s own words', () => {
      const a = focus('what does a clinical research associate do on a typical day?');
      expect(a.coverage).to.equal(1);
      expect(a.unknown).to.deep.equal([]);
    });

    it('names the words the guide does not know, as typed', () => {
      const a = focus('do CRAs need a BCMAS certificate?');
      expect(a.unknown).to.deep.equal(['bcmas']);
      expect(a.coverage).to.be.lessThan(1);
    });

    it('counts a place abroad against the question', () => {
      expect(focus('CRA jobs in London').coverage).to.be.lessThan(1);
    });
  });

  describe('notices topics career guides often leave out', () => {
    const table: Array<[string, string[]]> = [
      ['can a CRA get a visa sponsorship?', ['visa']],
      ['do CRAs need a BCMAS certificate?', ['certification_exam']],
      ['what is the first-year pay for a CRA?', ['entry_pay']],
      ['what is a clinical research associate?', []],
    ];
    for (const [text, topics] of table) {
      it(`${topics.length ? topics.join(', ') : 'none'} in "${text}"`, () => {
        expect(focus(text).signals.topics.map((t) => t.id)).to.deep.equal(topics);
      });
    }
  });

  describe('reads what else a question asks for', () => {
    const table: Array<[string, keyof Signals]> = [
      ['how is a CRA different from a nurse?', 'compare'],
      ['why do CRAs travel so much?', 'why'],
      ['what comes after step 2?', 'after'],
      ['how many sites does a field monitor manage?', 'quantity'],
      ['is Northwind Trials a good company?', 'evaluative'],
      ['what does a CRA do?', 'careerNamed'],
    ];
    for (const [text, signal] of table) {
      it(`${signal} in "${text}"`, () => {
        expect(focus(text).signals[signal]).to.equal(true);
      });
    }

    it('none of them in a plain question', () => {
      const s = focus('Top employers').signals;
      expect([s.pay, s.compare, s.why, s.after, s.quantity, s.evaluative, s.careerNamed]).to.deep.equal([false, false, false, false, false, false, false]);
    });
  });

  describe('ranks each unit first for its own heading', () => {
    for (const unit of pack.units.values()) {
      it(`"${unit.title}"`, () => {
        const a = focus(unit.title);
        expect(a.passages[0]?.intent, 'by passages alone').to.equal(unit.id);
        expect(a.ranked[0]?.intent, 'overall').to.equal(unit.id);
      });
    }
  });

  it('scores every candidate within 0 and 1, best first', () => {
    const ranked = focus('how do I become a clinical research associate').ranked;
    expect(ranked.length).to.be.greaterThan(1);
    for (const c of ranked) expect(c.score).to.be.within(0, 1);
    expect(ranked.map((c) => c.score)).to.deep.equal([...ranked.map((c) => c.score)].sort((x, y) => y - x));
  });

  it('reads the same message the same way every time', () => {
    expect(reader.read('how much do CRAs make in Texas?')).to.deep.equal(reader.read('how much do CRAs make in Texas?'));
  });
});

describe('the Reader on a pack with curated keywords', () => {
  after(removeTempPacks);

  it('finds a unit named outright by one of its keywords, plural or not', () => {
    const copy = new TempPack();
    const units = importGuide(copy.read('guide.txt')).units.map((u) => (u.title === 'Top employers' ? { ...u, keywords: ['Northwind Trials', 'Bluefern'] } : u));
    copy.write('units.json', JSON.stringify({ units }));
    const reader = createReader(loadPack(copy.dir, loadCommonKnowledge(COMMON_KNOWLEDGE_DIR)));
    expect(reader.read('does northwind trials hire new CRAs?').focus.keywords).to.deep.equal(['top_employers']);
    expect(reader.read('what about the Blueferns?').focus.keywords).to.deep.equal(['top_employers']);
    expect(reader.read('what does a CRA do?').focus.keywords).to.deep.equal([]);
  });
});
