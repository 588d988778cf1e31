import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnglishLexicon } from '../../src/understanding/english-lexicon.js';
import { Reader } from '../../src/understanding/reader.js';
import { prepareTraining } from '../../src/understanding/training.js';
import { readSnapshot, snapshotFile } from '../../src/understanding/understanding-snapshot.js';
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

  describe('a copy of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    const copy = join(dir, 'snapshot.json');
    const written = readFileSync(snapshotFile(pack), 'utf8');
    after(() => rmSync(dir, { recursive: true, force: true }));

    const table: Array<[string, string]> = [
      ['as the build wrote it is read', written],
      ['with one stem changed after the build is ignored', written.replace('"stems":["', '"stems":["x')],
      ['cut short is ignored', written.slice(0, written.length / 2)],
      ['with no first line is ignored', written.slice(written.indexOf('\n') + 1)],
      ['whose first line is not JSON is ignored', `not json${written.slice(written.indexOf('\n'))}`],
    ];
    for (const [what, text] of table) {
      it(what, () => {
        writeFileSync(copy, text);
        const read = readSnapshot(pack, copy);
        if (what.endsWith('is read')) expect(read).to.deep.equal(readSnapshot(pack));
        else {
          expect(text, 'the copy differs from what the build wrote').to.not.equal(written);
          expect(read).to.equal(undefined);
        }
      });
    }
  });
});
