import { foldQuotes, type GuideBlock } from './guide-parser.js';
import type { ExcerptPart, Unit } from './knowledge.js';
import { shortLabel } from './derive-units.js';
import type { ExcerptSelector, UnitSpec } from './schema.js';

type Report = (path: string, message: string) => void;

/** Resolves unit specs against the guide: verbatim excerpts, checked references, unique keywords. */
export function resolveUnits(specs: readonly UnitSpec[], blocks: readonly GuideBlock[], report: Report): Map<string, Unit> {
  const byId = new Map(specs.map((s) => [s.id, s]));
  const units = new Map<string, Unit>();
  specs.forEach((spec, i) => {
    const at = `units[${i}] (${spec.id})`;
    if (units.has(spec.id)) report(`${at}.id`, `duplicate id "${spec.id}"`);
    const { parts: excerpt, heading } = selectExcerpt(spec.excerpt, blocks, (message) => report(`${at}.excerpt`, message));
    for (const ref of [spec.parent, spec.more, ...spec.children, ...spec.related]) {
      if (ref !== undefined && !byId.has(ref)) report(at, `refers to unknown unit "${ref}"`);
    }
    if (excerpt.length === 0 && spec.children.length === 0) report(`${at}.excerpt`, 'selects no text, and the unit lists no parts either');
    const parent = spec.parent ? byId.get(spec.parent) : undefined;
    units.set(spec.id, Object.freeze({
      id: spec.id,
      title: spec.title,
      label: spec.label ?? shortLabel(spec.title),
      parent: spec.parent,
      step: spec.step,
      excerpt,
      children: spec.children,
      listChildren: spec.listChildren,
      ask: spec.ask,
      keywords: spec.keywords.map((k) => k.toLowerCase()),
      more: spec.more,
      related: spec.related,
      source: parent ? [parent.title, spec.title] : [spec.title],
      heading,
    }));
  });
  const owner = new Map<string, string>();
  for (const unit of units.values()) {
    for (const k of unit.keywords) {
      const other = owner.get(k);
      if (other && other !== unit.id) report(`units (${unit.id}).keywords`, `keyword "${k}" also belongs to "${other}"; a keyword must point at one unit`);
      owner.set(k, unit.id);
    }
  }
  return units;
}

/**
 * Finds the verbatim guide blocks a selector names, and the heading they sit under; reports a selector that
 * matches nothing or more than one place.
 */
export function selectExcerpt(sel: ExcerptSelector, blocks: readonly GuideBlock[], fail: (message: string) => void): { parts: ExcerptPart[]; heading: string | undefined } {
  const folded = foldedBlocks(blocks);
  let start: number;
  if ('heading' in sel) {
    const heading = fold(sel.heading);
    const hits = blocks.flatMap((b, i) => (b.kind === 'heading' && folded[i] === heading ? [i + 1] : []));
    if (hits.length !== 1) {
      fail(hits.length ? `heading "${sel.heading}" appears ${hits.length} times in the guide` : `heading "${sel.heading}" is not in the guide`);
      return { parts: [], heading: undefined };
    }
    start = hits[0]!;
  } else {
    const from = fold(sel.from);
    const hits = blocks.flatMap((b, i) => (b.kind === 'paragraph' && folded[i]!.startsWith(from) ? [i] : []));
    if (hits.length !== 1) {
      fail(hits.length ? `"${sel.from}" starts ${hits.length} paragraphs` : `no paragraph of the guide starts with "${sel.from}"`);
      return { parts: [], heading: undefined };
    }
    start = hits[0]!;
  }
  const parts: ExcerptPart[] = [];
  for (let i = start; i < blocks.length && (sel.blocks === undefined || parts.length < sel.blocks); i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') break;
    parts.push(b.kind === 'list' ? { kind: 'list', items: b.items } : { kind: 'paragraph', text: b.text });
  }
  if (sel.blocks !== undefined && parts.length < sel.blocks) fail(`asks for ${sel.blocks} blocks but only ${parts.length} follow before the next heading`);
  let heading: string | undefined;
  for (let i = start - 1; i >= 0 && heading === undefined; i--) if (blocks[i]!.kind === 'heading') heading = (blocks[i] as { text: string }).text;
  return { parts, heading };
}

const fold = (s: string): string => foldQuotes(s).toLowerCase();

// Each guide's blocks folded once: every unit's selector, and every salary table's, is looked for in every block.
const foldedGuides = new WeakMap<readonly GuideBlock[], readonly string[]>();

/** Each block's text folded as selectors are compared with it; lists, which no selector names, as ''. */
function foldedBlocks(blocks: readonly GuideBlock[]): readonly string[] {
  let folded = foldedGuides.get(blocks);
  if (!folded) {
    folded = blocks.map((b) => (b.kind === 'list' ? '' : fold(b.text)));
    foldedGuides.set(blocks, folded);
  }
  return folded;
}
