import { foldWhiteSpace } from './white-space.js';

/**
 * Longest text we match on. Real questions run well under 200 characters; past this the rest is
 * noise that only costs time (and a pasted essay must not slow every turn down).
 */
export const MAX_MATCH_CHARS = 300;

const PLAIN_ASCII = /^[\x00-\x7f]*$/;

/** Whether the text is plain ASCII, as nearly every message is: then no Unicode folding or class has anything to do. */
export function isPlainAscii(text: string): boolean {
  return PLAIN_ASCII.test(text);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/**
 * Folds what people type into one plain lower-case form: HTML and markup gone, curly quotes and
 * dashes straightened, emoji and odd symbols dropped, runs of punctuation and white space collapsed,
 * capped at MAX_MATCH_CHARS on a word boundary.
 */
export function normalize(raw: string): string {
  // Plain ASCII, what nearly every message is, has nothing for Unicode folding to do.
  const ascii = isPlainAscii(raw);
  let s = ascii ? raw : raw.normalize('NFKC');
  s = s.replace(/<\/?[a-z][^>]*>/gi, ' ').replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (m) => ENTITIES[m] ?? ' ');
  if (!ascii) s = s.replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014\u2212]/g, '-');
  else s = s.replace(/`/g, "'");
  s = s.toLowerCase();
  s = s.replace(/[^a-z0-9&$%'.,?!/\- ]+/g, ' ');
  s = foldWhiteSpace(s.replace(/([?!.,])\1+/g, '$1')).trim();
  if (s.length > MAX_MATCH_CHARS) {
    const cut = s.lastIndexOf(' ', MAX_MATCH_CHARS);
    s = s.slice(0, cut > 0 ? cut : MAX_MATCH_CHARS);
  }
  return s;
}

/** True when most letters are capitals, so capitalisation tells us nothing (e.g. "MSL PAY IN CA"). */
export function isShouting(raw: string): boolean {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) { letters++; upper++; } else if (c >= 97 && c <= 122) letters++;
  }
  return letters >= 6 && upper / letters > SHOUTING_SHARE;
}
// Above this share of capitals a message is written in caps lock, not with deliberate abbreviations.
const SHOUTING_SHARE = 0.6;
