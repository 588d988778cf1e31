import type { Pack, Unit } from '../knowledge/knowledge.js';
import type { Analysis } from '../understanding/reading.js';
import type { Action } from './action.js';
import type { ConversationMemory } from './memory.js';

/**
 * "What's the next step?", "what comes after the bachelor's degree?", "and the step before?": moves through the
 * guide's walk-through from the step named, or the last one shown (kept across detours), or its start.
 */
export function stepMove(pack: Pack, a: Analysis, memory: ConversationMemory, move: 'next' | 'previous' | undefined): Action | undefined {
  const walk = pack.walkthrough;
  if (!walk) return undefined;
  const named = a.keywords.map((k) => pack.units.get(k)).find((u) => u?.step !== undefined);
  // "What comes after my master's?" names the step after "after"; "do I need grad school after that?" asks about the step itself.
  const after = a.tokens.indexOf('after');
  const namedAt = named ? a.tokens.findIndex((t) => named.keywords.some((k) => k.split(/\s+/)[0] === t || k.split(/\s+/)[0] === `${t}s` || `${k.split(/\s+/)[0]}s` === t)) : -1;
  const asksAfter = named !== undefined && after >= 0 && (namedAt < 0 || after < namedAt);
  if (!move && !asksAfter) return undefined;
  // "Is pharmacovigilance a possible next step?" names its own topic: it is not about the walk-through.
  if (a.keywords.some((k) => pack.units.get(k)?.step === undefined)) return undefined;
  const from = named?.step ?? memory.step ?? (memory.unitId === walk.unitId ? 0 : undefined);
  if (from === undefined) return { kind: 'answer', unitIds: [walk.unitId] };
  const steps = walk.steps.map((id) => pack.units.get(id)!);
  const target = move === 'previous' && !asksAfter ? from - 1 : from + 1;
  const next = steps.find((s) => s.step === target);
  if (next) return { kind: 'answer', unitIds: [next.id] };
  if (target <= 0) return { kind: 'answer', unitIds: [walk.unitId] };
  const edge = move === 'previous' && !asksAfter ? steps[0] : steps[steps.length - 1];
  return edge ? { kind: 'no_more', unitId: edge.id, end: move === 'previous' && !asksAfter ? 'first' : 'last' } : undefined;
}

/** "Tell me more": what the last answer opens next, then its parts, then the next of its siblings; never one just shown. */
export function moreAfter(pack: Pack, memory: ConversationMemory): Action | undefined {
  const current = memory.unitId ? pack.units.get(memory.unitId) : undefined;
  if (!current) return undefined;
  const seen = new Set([...(memory.seen ?? []), current.id]);
  const options = [current.more, ...current.children, nextSibling(pack, current), ...current.related].filter((id): id is string => !!id);
  const next = options.find((id) => !seen.has(id) && pack.units.has(id));
  return next ? { kind: 'answer', unitIds: [next] } : { kind: 'no_more', unitId: current.id };
}

/** The unit after this one among its parent's parts: "tell me more" walks on through a list. */
function nextSibling(pack: Pack, unit: Unit): string | undefined {
  const siblings = unit.parent ? pack.units.get(unit.parent)?.children ?? [] : [];
  const at = siblings.indexOf(unit.id);
  return at >= 0 ? siblings[at + 1] : undefined;
}

/** The last answer's parts, parent and siblings: where a short follow-up most likely points. */
export function neighbours(pack: Pack, unitId: string | undefined): string[] {
  const unit = unitId ? pack.units.get(unitId) : undefined;
  if (!unit) return [];
  const parent = unit.parent ? pack.units.get(unit.parent) : undefined;
  return [...unit.children, ...(parent ? [parent.id, ...parent.children] : [])].filter((id) => id !== unit.id);
}

/** Two candidates that are parts of one topic are both fair answers: no need to ask which. */
export function related(pack: Pack, a: string, b: string): boolean {
  const ua = pack.units.get(a);
  const ub = pack.units.get(b);
  if (!ua || !ub) return a.startsWith('salary') && b.startsWith('salary');
  return ua.parent === ub.id || ub.parent === ua.id || ua.related.includes(b) || ub.related.includes(a) || ua.more === b || ub.more === a;
}
