import { maskContacts } from '../turn-log.js';

/** An example longer than this is cut: the start of a question shows what it was about. */
export const MAX_EXAMPLE_CHARS = 200;

// Control characters and bidirectional overrides: escaping keeps them from being markup, but they can still garble
// or reverse what the reader sees, so they go.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A logged text made fit to show: contacts masked again (the bot masks them, but a log from an older version or
 * another tool may not), invisible characters removed, white space collapsed, cut at MAX_EXAMPLE_CHARS.
 */
export function cleanText(text: string): string {
  const flat = maskContacts(text).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return flat.length > MAX_EXAMPLE_CHARS ? `${flat.slice(0, MAX_EXAMPLE_CHARS - 1).trimEnd()}…` : flat;
}
