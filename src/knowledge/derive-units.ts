import { foldQuotes, type GuideBlock } from './guide-parser.js';
import type { CareerNames } from './knowledge.js';
import { MAX_LABEL_CHARS, type UnitSpec } from './schema.js';

/** "Step 3: Gain relevant professional experience": a walk-through step. */
export const STEP_HEADING = /^step\s+(\d+)\s*[:.–-]/i;
/** "California – $164,660": one line of a salary list. */
export const SALARY_LINE = /^(.+?)\s+[–-]\s+(\$\d{1,3}(?:,\d{3})+)$/;
/** The longest id derived from a heading; longer slugs are cut at a word. */
const MAX_ID_CHARS = 40;

/**
 * A bullet list of "Name – $123,456" lines: at least half of its lines, so that a figure mistyped in the guide is
 * reported at load time instead of the whole list silently becoming text and its figures disappearing.
 */
export function isSalaryList(block: GuideBlock | undefined): boolean {
  if (block?.kind !== 'list') return false;
  const lines = block.items.filter((i) => SALARY_LINE.test(i)).length;
  return lines > 0 && lines * 2 >= block.items.length;
}

/** The salary section the guide's shape shows: the question heading before the first salary list, and the lists' headings. */
export interface SalaryHeadings {
  readonly overview?: string;
  readonly lists: readonly string[];
}

export function findSalaryHeadings(blocks: readonly GuideBlock[]): SalaryHeadings {
  const lists: string[] = [];
  let overview: string | undefined;
  blocks.forEach((b, i) => {
    if (b.kind !== 'heading' || !isSalaryList(blocks[i + 1])) return;
    lists.push(b.text);
    if (overview) return;
    for (let j = i - 1; j >= 0; j--) {
      const before = blocks[j]!;
      if (before.kind === 'heading' && !isSalaryList(blocks[j + 1])) { overview = before.text; break; }
    }
  });
  return { ...(overview ? { overview } : {}), lists };
}

/**
 * Units read off the guide's shape alone, for a pack with no curated units.json:
 * - every heading with text under it is a unit, quoting that text;
 * - "Step N:" headings are the steps of a walk-through under the heading before them;
 * - a heading with no text of its own ("Where the jobs are") groups the headings after it;
 * - a heading that names the career and is followed by headings that don't ("Top skills for MSLs", then
 *   "Presentation abilities") is their parent;
 * - questions (headings ending in "?") stand alone, like the FAQ;
 * - salary lists are not units: the salary tables hold them, and the question before them is the overview.
 */
export function deriveUnits(blocks: readonly GuideBlock[], career: CareerNames): UnitSpec[] {
  const salary = findSalaryHeadings(blocks);
  const namesCareer = (text: string): boolean => career.aliases.some((n) => foldQuotes(text).toLowerCase().includes(n));
  const unit = (title: string, ids: Set<string>, extra: Partial<UnitSpec>): UnitSpec & { children: string[] } => makeUnit(title, ids, extra, career);
  const specs: UnitSpec[] = [];
  const ids = new Set<string>();
  let parent: UnitSpec | undefined;
  let stepParent: UnitSpec | undefined;
  let last: UnitSpec | undefined;

  blocks.forEach((block, i) => {
    if (block.kind !== 'heading' || salary.lists.includes(block.text)) return;
    const body = bodyOf(blocks, i);
    const isQuestion = block.text.endsWith('?');
    const step = STEP_HEADING.exec(block.text);
    if (step) {
      const owner = stepParent ?? last;
      const spec = unit(block.text, ids, { step: Number(step[1]), ...(owner ? { parent: owner.id } : {}) });
      if (owner) { owner.children.push(spec.id); stepParent = owner; }
      specs.push(spec);
      last = spec;
      return;
    }
    stepParent = undefined;
    if (body.length === 0) {
      // A heading with nothing under it groups what follows, unless nothing follows either.
      parent = blocks[i + 1]?.kind === 'heading' ? unit(block.text, ids, {}) : undefined;
      if (parent) specs.push(parent);
      last = parent;
      return;
    }
    const grouped = !isQuestion && !namesCareer(block.text) && parent !== undefined;
    const spec = unit(block.text, ids, grouped ? { parent: parent!.id } : {});
    if (grouped) parent!.children.push(spec.id);
    else parent = !isQuestion && namesCareer(block.text) && blocks[i + 1 + body.length]?.kind === 'heading' ? spec : undefined;
    specs.push(spec);
    last = spec;
  });
  // A group whose heading had no text and no parts after all says nothing: drop it.
  const kept = specs.filter((s) => !(s.children.length === 0 && bodyOf(blocks, blocks.findIndex((b) => b.kind === 'heading' && b.text === s.title)).length === 0));
  for (const s of kept) if (!s.more && s.children[0]) s.more = s.children[0];
  return kept;
}

/** The paragraphs and lists under the heading at index i, up to the next heading. */
function bodyOf(blocks: readonly GuideBlock[], i: number): GuideBlock[] {
  const body: GuideBlock[] = [];
  for (let j = i + 1; j < blocks.length && blocks[j]!.kind !== 'heading'; j++) body.push(blocks[j]!);
  return body;
}

function makeUnit(title: string, ids: Set<string>, extra: Partial<UnitSpec>, career: CareerNames): UnitSpec & { children: string[] } {
  return {
    id: uniqueId(title, ids),
    title,
    label: shortLabel(abbreviate(title, career)),
    excerpt: { heading: title },
    children: [],
    listChildren: true,
    ask: title,
    keywords: [],
    related: [],
    ...extra,
  } as UnitSpec & { children: string[] };
}

/** "What is a clinical research associate?" → "What is a CRA?": the career's short name makes captions fit. */
export function abbreviate(title: string, career: CareerNames): string {
  let out = foldQuotes(title);
  for (const name of [career.plural, career.name]) {
    out = out.replace(new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), name === career.plural ? career.shortPlural : career.short);
  }
  return out.replace(/^(Step \d+):\s*/i, '$1: ');
}

/** A lower_snake_case id from a heading, unique among those given out. */
export function uniqueId(title: string, ids: Set<string>): string {
  let base = foldQuotes(title).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (base.length > MAX_ID_CHARS) base = base.slice(0, MAX_ID_CHARS).replace(/_[^_]*$/, '');
  if (!/^[a-z]/.test(base)) base = `u_${base}`;
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}_${n}`;
  ids.add(id);
  return id;
}

/** A heading as a button caption: whole when it fits, otherwise cut at a word with an ellipsis. */
export function shortLabel(title: string): string {
  if (title.length <= MAX_LABEL_CHARS) return title;
  const cut = title.slice(0, MAX_LABEL_CHARS - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_LABEL_CHARS / 2)).replace(/[\s,:;–-]+$/, '')}…`;
}
