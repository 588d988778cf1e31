import type { Pack, Unit } from '../knowledge/knowledge.js';
import type { Block, ListItem, Suggestion } from './reply.js';
import { MAX_SUGGESTIONS } from './reply.js';
import { say } from './words.js';

/**
 * One unit of the guide as blocks: its title, the verbatim excerpt (lists as lists, names linked where the pack
 * has a link for them), the titles of its parts when it has any, and its source.
 */
export function unitBlocks(pack: Pack, unit: Unit, options: { parts?: boolean; source?: boolean } = {}): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: unit.title }];
  for (const part of unit.excerpt) {
    blocks.push(part.kind === 'paragraph' ? { kind: 'paragraph', text: part.text } : { kind: 'list', items: part.items.map((i) => linked(pack, i)) });
  }
  const children = unit.children.map((id) => pack.units.get(id)).filter((u): u is Unit => !!u);
  if ((options.parts ?? true) && unit.listChildren && children.length) blocks.push({ kind: 'list', items: children.map((c) => ({ text: c.title })) });
  if (options.source ?? true) blocks.push(sourceBlock(pack, unit.source, unit.heading));
  return blocks;
}

function linked(pack: Pack, item: string): ListItem {
  const url = pack.links[item];
  return url ? { text: item, url } : { text: item };
}

/** "Source: MSL Career Guide › Top employers", linked to that section when the guide is published. */
export function sourceBlock(pack: Pack, path: readonly string[], heading?: string): Block {
  const text = [say(pack, 'source'), ...path].join(' › ');
  const url = pack.guide.url ? `${pack.guide.url}${heading ? `#${anchor(heading)}` : ''}` : undefined;
  return url ? { kind: 'source', text, url } : { kind: 'source', text };
}

/** A section heading as a URL fragment, the way most sites slug headings: "Top job sites" → "top-job-sites". */
export function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[\u2018\u2019']/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** A unit offered as a button. */
export function suggestUnit(unit: Unit): Suggestion {
  return { label: unit.label, ask: unit.ask };
}

/**
 * Up to three follow-ups after a unit: the next step, what "tell me more" opens, the unit's parts, related units,
 * its parent; never the unit itself or one just shown.
 */
export function followUps(pack: Pack, unit: Unit, shown: readonly string[] = []): Suggestion[] {
  const ids: string[] = [];
  const walk = pack.walkthrough;
  if (walk && (unit.step !== undefined || unit.id === walk.unitId)) {
    const next = walk.steps.map((id) => pack.units.get(id)!).find((u) => u.step === (unit.step ?? 0) + 1);
    if (next) ids.push(next.id);
  }
  if (unit.more) ids.push(unit.more);
  ids.push(...unit.children, ...unit.related);
  if (unit.parent) ids.push(unit.parent);
  const skip = new Set([unit.id, ...shown]);
  return [...new Set(ids)].filter((id) => !skip.has(id)).map((id) => pack.units.get(id)).filter((u): u is Unit => !!u).slice(0, MAX_SUGGESTIONS).map(suggestUnit);
}
