import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Knowledge } from '../knowledge/knowledge.js';
import { loadEnglishLexicon } from './english-lexicon.js';
import { prepareTraining, type Training } from './training.js';
import { Understanding } from './understand.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/**
 * The training npm run build prepares (spelling vocabulary and every example's features), so that start-up reads
 * it instead of running a thousand and a half utterances through the pipeline. It is used only while it matches
 * both the knowledge and this folder's code; anything else trains afresh.
 */
export const SNAPSHOT_FILE = join(HERE, 'understanding-snapshot.json');

const Snapshot = z.object({
  fingerprint: z.string(),
  training: z.object({
    vocabulary: z.array(z.string()),
    examples: z.array(z.object({ intent: z.string(), stems: z.array(z.string()) })),
  }),
});

/** What a snapshot must have been made from: these knowledge files, and this code. */
function fingerprint(knowledge: Knowledge): string {
  const hash = createHash('sha256').update(knowledge.fingerprint);
  for (const file of readdirSync(HERE).filter((f) => /\.[jt]s$/.test(f)).sort()) hash.update(file).update(readFileSync(join(HERE, file)));
  return hash.digest('hex');
}

/** Writes the snapshot for this knowledge; npm run build calls it. */
export function writeSnapshot(knowledge: Knowledge, english: ReadonlySet<string> = loadEnglishLexicon()): Training {
  const training = prepareTraining(knowledge, english);
  writeFileSync(SNAPSHOT_FILE, JSON.stringify({ fingerprint: fingerprint(knowledge), training }));
  return training;
}

/** The snapshot's training if it was made from this knowledge and this code; otherwise undefined. */
export function readSnapshot(knowledge: Knowledge): Training | undefined {
  if (!existsSync(SNAPSHOT_FILE)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8'));
  } catch {
    return undefined; // a half-written snapshot only costs a fresh training
  }
  const parsed = Snapshot.safeParse(json);
  return parsed.success && parsed.data.fingerprint === fingerprint(knowledge) ? parsed.data.training : undefined;
}

/** The Understanding for this knowledge, from the build's snapshot when it is current, trained afresh otherwise. */
export function createUnderstanding(knowledge: Knowledge): Understanding {
  const english = loadEnglishLexicon();
  return new Understanding(knowledge, english, readSnapshot(knowledge) ?? prepareTraining(knowledge, english));
}
