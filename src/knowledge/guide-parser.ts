/** One block of the guide: the text between blank lines. */
export type GuideBlock =
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'list'; items: string[]; line: number };

// A heading is one short line without closing punctuation; FAQ questions (ending in "?") count.
const MAX_HEADING_CHARS = 160; // the guide's longest FAQ question is ~110 characters; paragraphs run far longer
const BULLET = /^\s*[•\-*]\s+/;

/** Splits the guide's plain text into headings, paragraphs and bullet lists, in order. */
export function parseGuide(text: string): GuideBlock[] {
  const blocks: GuideBlock[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let chunk: string[] = [];
  let start = 0;
  const flush = (): void => {
    if (chunk.length === 0) return;
    const line = start + 1;
    if (chunk.every((l) => BULLET.test(l))) {
      blocks.push({ kind: 'list', items: chunk.map((l) => l.replace(BULLET, '').trim()), line });
    } else {
      const joined = chunk.map((l) => l.trim()).join(' ');
      const isHeading = chunk.length === 1 && joined.length <= MAX_HEADING_CHARS && !/[.:!]$/.test(joined);
      blocks.push({ kind: isHeading ? 'heading' : 'paragraph', text: joined, line });
    }
    chunk = [];
  };
  lines.forEach((raw, i) => {
    if (raw.trim() === '') {
      flush();
    } else {
      if (chunk.length === 0) start = i;
      chunk.push(raw);
    }
  });
  flush();
  return blocks;
}

/** Folds curly quotes and dashes so that selectors typed with a plain keyboard still match the guide. */
export function foldQuotes(s: string): string {
  return s.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-');
}
