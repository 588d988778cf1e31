import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { zodIssues, type KnowledgeIssue } from './knowledge-error.js';

/**
 * A file is parsed once per start: compiling zod's fast path for each of its schemas (which pays off only over many
 * parses, as for requests) cost a sixth of loading the knowledge.
 */
const ONCE = Object.freeze({ jitless: true });

/**
 * Reads a folder's knowledge files, collecting every problem instead of stopping at the first, and hashing what it
 * read so a trained model can tell whether it was trained on these very files.
 */
export class PackFiles {
  readonly issues: KnowledgeIssue[] = [];
  private readonly hash: Hash;

  constructor(readonly dir: string, hash: Hash = createHash('sha256')) {
    this.hash = hash;
  }

  /** Names files in messages as the folder's last part and the file, e.g. "msl/units.json". */
  name(file: string): string {
    return `${this.dir.split(/[\\/]/).filter(Boolean).pop() ?? this.dir}/${file}`;
  }

  has(file: string): boolean {
    return existsSync(join(this.dir, file));
  }

  text(file: string): string | undefined {
    try {
      const text = readFileSync(join(this.dir, file), 'utf8');
      this.hash.update(this.name(file)).update('\0').update(text).update('\0');
      return text;
    } catch (e) {
      this.issue(file, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      return undefined;
    }
  }

  /** The file parsed and validated, or undefined (with the problems recorded); an optional file that is absent is undefined too. */
  json<S extends z.ZodType>(file: string, schema: S, optional = false): z.infer<S> | undefined {
    if (optional && !this.has(file)) return undefined;
    const text = this.text(file);
    if (text === undefined) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      this.issue(file, '', `is not valid JSON: ${(e as Error).message}`);
      return undefined;
    }
    const result = schema.safeParse(json, ONCE);
    if (!result.success) {
      this.issues.push(...zodIssues(this.name(file), result.error));
      return undefined;
    }
    return result.data;
  }

  issue(file: string, path: string, message: string): void {
    this.issues.push({ file: this.name(file), path, message });
  }

  digest(): string {
    return this.hash.copy().digest('hex');
  }
}
