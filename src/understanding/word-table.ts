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
 * promote, a tenth of the bot's start-up; this allocates two objects, and a lookup costs what a Set's does.
 */
export class WordTable implements WordSet {
  /** Per slot, where its word starts in the text, plus one; 0 is an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly size: number;

  /** @param text Words one a line; only the lines between `from` and `to` are taken, and blank lines are skipped. */
  constructor(private readonly text: string, from = 0, private readonly to = text.length) {
    let lines = 1;
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) lines++;
    let capacity = 1;
    while (capacity < lines * SLOTS_PER_WORD) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    let size = 0;
    for (let start = from; start < to;) {
      let end = text.indexOf('\n', start);
      if (end < 0 || end > to) end = to;
      if (end > start) {
        const slot = this.find(text, start, end);
        if (slot < 0) {
          this.slots[~slot] = start + 1;
          size++;
        }
      }
      start = end + 1;
    }
    this.size = size;
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
