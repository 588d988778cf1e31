import type { Knowledge, Unit } from '../knowledge/knowledge.js';
import { MAX_SUGGESTIONS, type Reply } from './reply.js';

/** The unit's verbatim guide text: paragraphs, and bullet lists as "• item" lines. */
export function excerptText(unit: Unit): string {
  return unit.excerpt.map((p) => (p.kind === 'paragraph' ? p.text : p.items.map((i) => `• ${i}`).join('\n'))).join('\n\n');
}

export function sourceLine(k: Knowledge, path: readonly string[]): string {
  return `${k.replies.sourcePrefix} › ${path.join(' › ')}`;
}

/** One unit of the guide as a reply: title, verbatim excerpt, its contents if it has any, and the source. */
export function composeUnit(k: Knowledge, unit: Unit): Reply {
  const children = unit.children.map((id) => k.units.get(id)).filter((u): u is Unit => !!u);
  const parts = [`**${unit.title}**`];
  const body = excerptText(unit);
  if (body) parts.push(body);
  if (unit.listChildren && children.length) parts.push(children.map((c) => `• ${c.title}`).join('\n'));
  parts.push(`_${sourceLine(k, unit.source)}_`);
  return {
    text: parts.join('\n\n'),
    suggestions: followUps(k, unit),
    outcome: 'answer',
    unitIds: [unit.id],
    memory: { unitId: unit.id, ...(unit.step !== undefined ? { step: unit.step } : unit.id === 'become' ? { step: 0 } : {}) },
  };
}

/** Up to three follow-ups: the next step, what "tell me more" opens, the unit's parts, then related units. */
function followUps(k: Knowledge, unit: Unit): string[] {
  const ids: string[] = [];
  if (unit.step !== undefined || unit.id === 'become') {
    const next = [...k.units.values()].find((u) => u.step === (unit.step ?? 0) + 1);
    if (next) ids.push(next.id);
  }
  if (unit.more) ids.push(unit.more);
  ids.push(...unit.children, ...unit.related);
  if (unit.parent) ids.push(unit.parent);
  const asks = [...new Set(ids)].filter((id) => id !== unit.id).map((id) => k.units.get(id)?.ask).filter((a): a is string => !!a);
  return [...new Set(asks)].slice(0, MAX_SUGGESTIONS);
}
