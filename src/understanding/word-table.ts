import type { WordSet } from './english-lexicon.js';

const NEWLINE = 10;
// FNV-1a, 32 bits: cheap per character, and spreads similar words ("cat", "cats") apart.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// At most half the slots are taken, so a lookup seldom probes more than one or two.
const SLOTS_PER_WORD = 2;

/**
 * A fixed set of words kept as the one string they were read in, with a hash table of where each word starts.
 * Reading WordNet's 77,000 words into a Set made 77,000 strings and a table for the garbage collector to copy and
 * promote, a tenth of the bot's start-up; this allocates two objects, and a lookup costs what a Set's does. The
 * table can be saved and restored over the same text (english-lexicon.ts does, at build time), so that start-up
 * hashes nothing.
 */
export class WordTable implements WordSet {
  private readonly mask: number;

  private constructor(
    private readonly text: string,
    /** Where the text the table covers ends. */
    private readonly to: number,
    /** Per slot, where its word starts in the text, plus one; 0 is an empty slot. A power of two of them. */
    readonly slots: Int32Array,
    readonly size: number,
  ) {
    this.mask = slots.length - 1;
  }

  /** The words one a line in `text` between `from` and `to`, blank lines skipped. */
  static build(text: string, from = 0, to = text.length): WordTable {
    let lines = 1;
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) lines++;
    let capacity = 1;
    while (capacity < lines * SLOTS_PER_WORD) capacity *= 2;
    const slots = new Int32Array(capacity);
    const table = new WordTable(text, to, slots, 0);
    let size = 0;
    for (let start = from; start < to;) {
      let end = text.indexOf('\n', start);
      if (end < 0 || end > to) end = to;
      if (end > start) {
        const slot = table.find(text, start, end);
        if (slot < 0) {
          slots[~slot] = start + 1;
          size++;
        }
      }
      start = end + 1;
    }
    return new WordTable(text, to, slots, size);
  }

  /** A table built over this very text (with the same `to`), from its slots and size: nothing is hashed. */
  static restore(text: string, to: number, slots: Int32Array, size: number): WordTable {
    let taken = 0;
    for (let i = 0; i < slots.length; i++) if (slots[i] !== 0) taken++;
    // An empty slot must remain, or a lookup of a missing word would never end.
    if (slots.length === 0 || (slots.length & (slots.length - 1)) !== 0 || taken !== size || size >= slots.length || to > text.length) {
      throw new Error('a word table is restored from a power of two of slots, as many taken as it holds words and not all, over text it covers');
    }
    return new WordTable(text, to, slots, size);
  }

  has(word: string): boolean {
    return word.length > 0 && this.find(word, 0, word.length) >= 0;
  }

  /** The slot holding the word at `key[from, to)`, or the bitwise complement of the empty slot where it would go. */
  private find(key: string, from: number, to: number): number {
    let hash = FNV_OFFSET;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot]!;
      if (at === 0) return ~slot;
      if (this.holds(at - 1, key, from, to)) return slot;
    }
  }

  /** Whether the word starting at `start` in the text is `key[from, to)`. */
  private holds(start: number, key: string, from: number, to: number): boolean {
    const { text } = this;
    const length = to - from;
    if (start + length > this.to) return false;
    for (let i = 0; i < length; i++) if (text.charCodeAt(start + i) !== key.charCodeAt(from + i)) return false;
    return start + length === this.to || text.charCodeAt(start + length) === NEWLINE;
  }
}
