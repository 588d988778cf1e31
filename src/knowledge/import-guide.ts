import { foldQuotes, parseGuide } from './guide-parser.js';
import type { CareerNames } from './knowledge.js';
import { deriveUnits } from './derive-units.js';
import type { PackFile, UnitSpec } from './schema.js';

// The guide's title line: "Medical Science Liaison Career Guide".
const TITLE = /^(.+?)\s+career guide$/i;

/** What an imported pack starts from: pack.json's content, and the units read off the guide. */
export interface ImportedPack {
  readonly pack: PackFile;
  readonly units: UnitSpec[];
}

/**
 * Reads a guide of the usual shape into a new pack: the career from the title line ("X Career Guide"), its short
 * name from the initials ("Clinical Research Associate" → "CRA"), and the units from the headings (deriveUnits).
 * Nothing here is specific to any career; a content owner refines pack.json afterwards.
 */
export function importGuide(text: string): ImportedPack {
  const blocks = parseGuide(text);
  const titleLine = blocks.find((b) => b.kind === 'heading' && TITLE.test(foldQuotes(b.text)));
  if (!titleLine || titleLine.kind !== 'heading') throw new Error('the guide has no title line of the form "<Career> Career Guide"');
  const name = TITLE.exec(foldQuotes(titleLine.text))![1]!.trim();
  const short = name.split(/\s+/).map((w) => w[0]!.toUpperCase()).join('');
  const plural = pluralOf(name);
  const career: CareerNames = { name, plural, short, shortPlural: `${short}s`, aliases: [plural.toLowerCase(), name.toLowerCase()] };
  const pack: PackFile = {
    _about: `The ${name} guide pack, imported from its guide by npm run knowledge:import. Units are read off the guide's headings; add units.json, phrasings.json, entities.json, synonyms.json or replies.json to refine them, and check with npm run knowledge:check.`,
    id: short.toLowerCase(),
    career: { name, plural, short, shortPlural: `${short}s`, aliases: [] },
    guide: { title: `${short} Career Guide` },
    links: {},
  };
  return { pack, units: deriveUnits(blocks, career) };
}

/** "Medical Science Liaison" → "Medical Science Liaisons"; "Nurse Practitioner" → "Nurse Practitioners". */
function pluralOf(name: string): string {
  if (/(?:s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  return `${name}s`;
}
