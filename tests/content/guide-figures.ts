import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PACK_DIR } from '../../src/paths.js';

/** The MSL guide's "Name – $123,456" lines, read straight from guide.txt without the bot's parser, in order. */
export function guideFigures(): Map<string, string> {
  const text = readFileSync(join(DEFAULT_PACK_DIR, 'guide.txt'), 'utf8');
  return new Map([...text.matchAll(/^\s*•\s*(.+?)\s+[–-]\s+(\$[\d,]+)\s*$/gm)].map((m) => [m[1]!, m[2]!]));
}
