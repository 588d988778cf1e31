import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Pack } from '../knowledge/knowledge.js';
import { loadEnglishLexicon } from './english-lexicon.js';
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

const Snapshot = z.object({
  fingerprint: z.string(),
  training: z.object({
    vocabulary: z.array(z.string()),
    examples: z.array(z.object({ intent: z.string(), stems: z.array(z.string()) })),
    passages: z.array(z.object({ id: z.string(), fields: z.array(z.object({ stems: z.array(z.string()), weight: z.number() })) })),
    // Kept as entries: a Map has no JSON form of its own.
    synonyms: z.array(z.tuple([z.string(), z.array(z.string())])).transform((entries) => new Map(entries)),
  }),
});

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
export function writeSnapshot(pack: Pack, english: ReadonlySet<string> = loadEnglishLexicon()): Training {
  const training = prepareTraining(pack, english);
  writeFileSync(snapshotFile(pack), JSON.stringify({ fingerprint: fingerprint(pack), training: { ...training, synonyms: [...training.synonyms] } }));
  return training;
}

/** The snapshot's training if it was made from this pack and this code; otherwise undefined. */
export function readSnapshot(pack: Pack): Training | undefined {
  const file = snapshotFile(pack);
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // a half-written snapshot only costs a fresh training
  }
  const parsed = Snapshot.safeParse(json);
  return parsed.success && parsed.data.fingerprint === fingerprint(pack) ? parsed.data.training : undefined;
}

let english: ReadonlySet<string> | undefined;

/** The Reader for this pack, from the build's snapshot when it is current, trained afresh otherwise. */
export function createReader(pack: Pack): Reader {
  english ??= loadEnglishLexicon();
  return new Reader(pack, english, readSnapshot(pack) ?? prepareTraining(pack, english));
}
