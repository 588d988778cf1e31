import type { Pack } from '../knowledge/knowledge.js';
import type { Reading } from '../understanding/reading.js';
import type { Action, Decision } from './action.js';
import { contextFor, type Context } from './context.js';
import { MAX_RECENT_PLACES, MAX_SEEN_UNITS, type ConversationMemory } from './memory.js';
import { RULES } from './rules.js';
import { THRESHOLDS, type Thresholds } from './thresholds.js';

// How many candidates a decision reports, for logs and `npm run ask`.
const REPORTED_CANDIDATES = 5;
/** Actions that answer something, which a two-part question may combine. */
const CONTENT = new Set<Action['kind']>(['answer', 'salary', 'gap']);

/**
 * What a part of a longer message may add: an answer, figures, or a gap the guide clearly has (a named topic, a
 * comparison); not a guess from a fragment's stray words ("wondering if it's worth pivoting").
 */
function partAnswers({ action: a, rule }: { action: Action; rule: string }): boolean {
  // A guess between thresholds ("did you mean", answered for want of a second choice) is not confident enough to add.
  if (rule === 'did you mean') return false;
  if (a.kind === 'answer' || a.kind === 'salary') return true;
  return a.kind === 'gap' && ((a.gap.kind === 'topic' && a.gap.from === 'topics') || a.gap.kind === 'compare');
}

/**
 * The policy: what to do with a message, given how it reads and what the conversation remembers, and what to
 * remember next. Pure: a Reading and a memory in, a Decision out. The first rule of RULES that applies decides;
 * a message that asks two things the guide answers differently gets both answers.
 */
export function decide(pack: Pack, reading: Reading, memory: ConversationMemory, thresholds: Thresholds = THRESHOLDS): Decision {
  const c = contextFor(pack, reading, reading.focus, memory, false, thresholds);
  let { action, rule } = firstRule(c);
  if (reading.parts.length > 1 && action.kind !== 'both') {
    const parts = reading.parts.map((p) => firstRule(contextFor(pack, reading, p, memory, c.inDomain, thresholds))).filter(partAnswers).map((d) => d.action);
    const [first, second] = distinct(parts);
    const merged = first && second ? withGap(first, second) ?? withGap(second, first) : undefined;
    if (merged) { action = merged; rule = 'two questions, one answer'; }
    else if (first && second) { action = { kind: 'both', first, second }; rule = 'two questions'; }
    else if (first && !CONTENT.has(action.kind)) { action = first; rule = 'one of its questions'; }
  }
  // A long message whose question alone says too little ("What does that type of role involve?"): the whole of it may.
  if (reading.whole && !CONTENT.has(action.kind) && action.kind !== 'both') {
    const whole = firstRule(contextFor(pack, reading, reading.whole, memory, false, thresholds));
    if (whole.action.kind === 'answer' || whole.action.kind === 'salary') ({ action, rule } = { action: whole.action, rule: `${whole.rule} (whole message)` });
  }
  return {
    action, rule,
    confidence: Number(c.confidence.toFixed(3)),
    candidates: reading.focus.ranked.slice(0, REPORTED_CANDIDATES),
    memory: remember(pack, action, memory),
  };
}

function firstRule(c: Context): { action: Action; rule: string } {
  for (const rule of RULES) {
    const action = rule.act(c);
    if (action) return { action, rule: rule.name };
  }
  throw new Error('the policy has no rule for this message; its last rule must always apply');
}

/** The first two actions that answer different things. */
function distinct(actions: readonly Action[]): Action[] {
  const out: Action[] = [];
  for (const a of actions) if (!out.some((o) => JSON.stringify(contentOf(o)) === JSON.stringify(contentOf(a)))) out.push(a);
  return out.slice(0, 2);
}

function contentOf(a: Action): unknown {
  switch (a.kind) {
    case 'answer': return [a.unitIds, a.gap];
    // Two pay questions in one message ("do MSLs in Florida make good money? how much roughly") are one question.
    case 'salary': return 'salary';
    case 'gap': return a.gap;
    default: return a.kind;
  }
}

/**
 * "Which companies hire MSLs, and which has the best culture?": an answer, and a gap about the same unit (or about
 * nothing the guide says), are one answer that says what it leaves out.
 */
function withGap(answer: Action, other: Action): Action | undefined {
  if (answer.kind !== 'answer' || answer.gap) return undefined;
  if (other.kind === 'gap' && (!other.nearest || answer.unitIds.includes(other.nearest))) return { ...answer, gap: other.gap };
  if (other.kind === 'answer' && other.gap && other.unitIds.every((u) => answer.unitIds.includes(u))) return { ...answer, gap: other.gap };
  return undefined;
}

/** What to remember after an action: the last unit and step, the salary places, the choices offered, misses in a row. */
export function remember(pack: Pack, action: Action, memory: ConversationMemory): ConversationMemory {
  switch (action.kind) {
    case 'both': return remember(pack, action.second, remember(pack, action.first, memory));
    case 'answer': {
      let next: ConversationMemory = { ...memory, offered: undefined, misses: 0 };
      for (const id of action.unitIds) {
        const unit = pack.units.get(id);
        const step = unit?.step ?? (id === pack.walkthrough?.unitId ? 0 : next.step);
        next = { ...next, unitId: id, step, seen: [...(next.seen ?? []).filter((s) => s !== id), id].slice(-MAX_SEEN_UNITS) };
      }
      return clean(next);
    }
    case 'salary': {
      const { states, industries } = action.query;
      const asked = [...states.map((s) => `state:${s}`), ...industries.map((i) => `industry:${i}`)];
      const recent = [...(memory.salary?.recent ?? []).filter((p) => !asked.includes(p)), ...asked].slice(-MAX_RECENT_PLACES);
      return clean({ ...memory, unitId: undefined, offered: undefined, misses: 0, salary: { states: [...states], industries: [...industries], recent } });
    }
    case 'gap':
      return clean({ ...memory, offered: undefined, misses: action.nearest ? 0 : (memory.misses ?? 0) + 1, ...(action.nearest ? { unitId: action.nearest } : {}) });
    case 'clarify':
      return clean({ ...memory, offered: [...action.choices] });
    case 'talk':
      return action.intent === 'cancel' || action.intent === 'start_over' ? {} : clean({ ...memory, offered: undefined });
    case 'off_topic':
    case 'declined':
    case 'other_career':
      return clean({ ...memory, offered: undefined, misses: (memory.misses ?? 0) + 1 });
    default:
      return clean({ ...memory, offered: undefined });
  }
}

/** Memory without its empty fields, so what is saved stays small. */
function clean(m: ConversationMemory): ConversationMemory {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as ConversationMemory;
}
