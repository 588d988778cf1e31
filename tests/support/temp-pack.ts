import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { KnowledgeError, type KnowledgeIssue } from '../../src/knowledge/knowledge-error.js';
import { FIXTURE_PACK_DIR } from '../../src/paths.js';

/** Scratch folders made by tests, removed by removeTempPacks (call it in an after hook). */
const made: string[] = [];

/** A copy of a pack folder (the fixture by default) in a scratch folder, for a test to break or change. */
export class TempPack {
  readonly dir: string;

  constructor(name = 'cra', from: string = FIXTURE_PACK_DIR) {
    const root = mkdtempSync(join(tmpdir(), 'pack-'));
    made.push(root);
    this.dir = join(root, name);
    cpSync(from, this.dir, { recursive: true });
  }

  read(file: string): string {
    return readFileSync(join(this.dir, file), 'utf8');
  }

  write(file: string, text: string): this {
    writeFileSync(join(this.dir, file), text);
    return this;
  }

  /** Rewrites a file's text. */
  edit(file: string, change: (text: string) => string): this {
    return this.write(file, change(this.read(file)));
  }

  /** Rewrites a JSON file's content. */
  editJson(file: string, change: (json: any) => unknown): this {
    return this.write(file, `${JSON.stringify(change(JSON.parse(this.read(file))), null, 2)}\n`);
  }

  remove(file: string): this {
    rmSync(join(this.dir, file), { force: true });
    return this;
  }
}

export function removeTempPacks(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The KnowledgeError that loading throws; fails the test when it loads, or throws anything else. */
export function knowledgeError(load: () => unknown): KnowledgeError {
  try {
    load();
  } catch (e) {
    if (e instanceof KnowledgeError) return e;
    throw e;
  }
  return expect.fail('the knowledge loaded without an error');
}

/** The one issue about a file, for asserting its place and message. */
export function issueAbout(error: KnowledgeError, file: string): KnowledgeIssue {
  const issues = error.issues.filter((i) => i.file === file);
  expect(issues, `issues about ${file} in:\n${error.message}`).to.have.length.greaterThan(0);
  return issues[0]!;
}
