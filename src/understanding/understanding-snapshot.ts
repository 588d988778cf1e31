import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Pack } from '../knowledge/knowledge.js';
import { loadEnglishLexicon, type EnglishWords, type WordSet } from './english-lexicon.js';
import { Reader } from './reader.js';
import { prepareTraining, type Training } from './training.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * The training npm run build prepares for a pack (spelling vocabulary, every example's features, the passages and
 * WordNet's synonyms), so that start-up reads it instead of running the pack through the pipeline and WordNet. It
 * is used only while it matches both the pack's files and this folder's code; anything else trains afresh.
 */
export function snapshotFile(pack: Pack): string {
  return join(HERE, `understanding-snapshot.${pack.id}.json`);
}

/**
 * A snapshot's first line: what it was made from, and the SHA-256 of the rest of the file. The rest is the training
 * exactly as writeSnapshot serialised it from a typed Training, by the code the fingerprint names; a matching digest
 * proves the text is that, untouched, so it is parsed without walking its twenty thousand strings through a schema
 * (which cost a tenth of start-up).
 */
const Header = z.object({ fingerprint: z.string(), digest: z.string() });

/** The training as JSON has it: a Map has no JSON form of its own, so synonyms are kept as entries. */
type SerialTraining = Omit<Training, 'synonyms'> & { readonly synonyms: ReadonlyArray<readonly [string, readonly string[]]> };

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

let codeHash: string | undefined;

/** What a snapshot must have been made from: this pack's files, and this code. */
function fingerprint(pack: Pack): string {
  if (!codeHash) {
    const hash = createHash('sha256');
    for (const file of readdirSync(HERE).filter((f) => /\.[jt]s$/.test(f)).sort()) hash.update(file).update(readFileSync(join(HERE, file)));
    codeHash = hash.digest('hex');
  }
  return createHash('sha256').update(pack.fingerprint).update(codeHash).digest('hex');
}

/** Writes the snapshot for this pack; npm run build calls it. */
export function writeSnapshot(pack: Pack, english: WordSet = loadEnglishLexicon()): Training {
  const training = prepareTraining(pack, english);
  const body = JSON.stringify({ ...training, synonyms: [...training.synonyms] } satisfies SerialTraining);
  writeFileSync(snapshotFile(pack), `${JSON.stringify({ fingerprint: fingerprint(pack), digest: sha256(body) })}\n${body}`);
  return training;
}

/** The snapshot's training if it was made from this pack and this code, and is as it was written; otherwise undefined. */
export function readSnapshot(pack: Pack, file = snapshotFile(pack)): Training | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const lineEnd = text.indexOf('\n');
  // A half-written or edited snapshot only costs a fresh training.
  if (lineEnd < 0) return undefined;
  const body = text.slice(lineEnd + 1);
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, lineEnd));
  } catch {
    return undefined;
  }
  const parsed = Header.safeParse(header);
  if (!parsed.success || parsed.data.fingerprint !== fingerprint(pack) || parsed.data.digest !== sha256(body)) return undefined;
  const training = JSON.parse(body) as SerialTraining;
  return { ...training, synonyms: new Map(training.synonyms) };
}

let english: EnglishWords | undefined;

/** The Reader for this pack, from the build's snapshot when it is current, trained afresh otherwise. */
export function createReader(pack: Pack): Reader {
  english ??= loadEnglishLexicon();
  return new Reader(pack, english, readSnapshot(pack) ?? prepareTraining(pack, english));
}
