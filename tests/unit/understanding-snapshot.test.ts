import { expect } from 'chai';
import { loadEnglishLexicon } from '../../src/understanding/english-lexicon.js';
import { Reader } from '../../src/understanding/reader.js';
import { prepareTraining } from '../../src/understanding/training.js';
import { readSnapshot } from '../../src/understanding/understanding-snapshot.js';
import { fixturePack } from '../support/knowledge.js';

describe('the understanding snapshot of the fixture pack', () => {
  const pack = fixturePack();
  const english = loadEnglishLexicon();

  it('is written by the build for the current pack and code', () => {
    expect(readSnapshot(pack)).to.not.equal(undefined);
  });

  it('holds exactly what training afresh prepares', () => {
    expect(readSnapshot(pack)).to.deep.equal(prepareTraining(pack, english));
  });

  it('reads every unit\'s question and a few others as training afresh does', () => {
    const fromSnapshot = new Reader(pack, english, readSnapshot(pack)!);
    const fresh = new Reader(pack, english, prepareTraining(pack, english));
    const questions = [...[...pack.units.values()].map((u) => u.ask), 'how much do CRAs make in Texas?', 'do CRAs need a BCMAS?', 'hi', 'tell me more'];
    for (const q of questions) expect(fromSnapshot.read(q), q).to.deep.equal(fresh.read(q));
  });

  it('is ignored once the pack has changed', () => {
    expect(readSnapshot({ ...pack, fingerprint: 'edited since the build' })).to.equal(undefined);
  });
});
