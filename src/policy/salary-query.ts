import type { EntityMention } from '../understanding/entities.js';
import type { Analysis } from '../understanding/reading.js';
import type { SalaryQuery } from './action.js';
import type { ConversationMemory } from './memory.js';

// Words that ask to set a new place against the one before, not to replace it.
const JOIN_WORDS = new Set(['compare', 'compared', 'comparing', 'comparison', 'versus', 'against', 'than']);
// Words that, with nothing else named, ask to compare what was asked about before ("compare them", "which is higher?").
const EARLIER_WORDS = new Set([...JOIN_WORDS, 'them', 'both', 'higher']);
// Topic words that only carry a salary follow-up around places ("California vs New York?", "and which pays better?").
const FOLLOW_UP_WORDS = new Set(['versus', 'compare', 'compared', 'comparison', 'salary', 'pay', 'higher', 'better', 'less', 'lower', 'more', 'tell', 'them', 'both', 'two', 'on', 'which', 'one', 'ones', 'state', 'states', 'industry', 'industries', 'figure', 'figures', 'number', 'numbers']);

/** A salary question about the places, industries and careers a message names. */
export function salaryQuery(intent: string, a: Analysis, careers: readonly EntityMention[] = []): SalaryQuery {
  const typed = Object.fromEntries(a.entities.filter((p) => p.type === 'state' && p.surface.length === 2).map((p) => [p.id, p.surface.toUpperCase()]));
  return {
    ...(Object.keys(typed).length ? { typed } : {}),
    intent: intent === 'salary_industries' || intent === 'salary_states' ? intent : 'salary',
    states: a.entities.filter((p) => p.type === 'state').map((p) => p.id),
    industries: a.entities.filter((p) => p.type === 'industry').map((p) => p.id),
    places: a.entities.filter((p) => p.type === 'place').map((p) => p.name),
    careers: careers.map((c) => c.name),
  };
}

/** The message's topic words besides places and follow-up words: what else it asks about. */
export function otherWords(a: Analysis): string[] {
  return a.topicWords.filter((w) => !FOLLOW_UP_WORDS.has(w));
}

/** "Compare that with California" after a New York answer: the new place joins the one before. */
export function joinWithLast(a: Analysis, query: SalaryQuery, memory: ConversationMemory): SalaryQuery {
  const last = memory.salary;
  if (!last || !a.tokens.some((t) => JOIN_WORDS.has(t))) return query;
  if (query.states.length === 1 && query.industries.length === 0 && last.states.length > 0) {
    return { ...query, states: [...last.states.filter((s) => !query.states.includes(s)), ...query.states] };
  }
  if (query.industries.length === 1 && query.states.length === 0 && last.industries.length > 0) {
    return { ...query, industries: [...last.industries.filter((s) => !query.industries.includes(s)), ...query.industries] };
  }
  return query;
}

/**
 * "Compare them" or "which is higher?" after two salary answers: the last two places, or the last two industries,
 * asked about. Only when the message names nothing else.
 */
export function compareEarlier(a: Analysis, memory: ConversationMemory): SalaryQuery | undefined {
  const recent = memory.salary?.recent ?? [];
  if (!a.tokens.some((t) => EARLIER_WORDS.has(t)) || otherWords(a).length > 0 || recent.length < 2) return undefined;
  const kind = recent[recent.length - 1]!.split(':')[0];
  const pair = recent.filter((p) => p.split(':')[0] === kind).slice(-2).map((p) => p.split(':')[1]!);
  if (pair.length < 2) return undefined;
  return { intent: 'salary', states: kind === 'state' ? pair : [], industries: kind === 'industry' ? pair : [], places: [], careers: [] };
}

/** The same question again, for "is that per year?" or a gap follow-up: what the last salary answer was about. */
export function lastQuery(memory: ConversationMemory): SalaryQuery | undefined {
  const last = memory.salary;
  if (!last) return undefined;
  return { intent: 'salary', states: last.states, industries: last.industries, places: [], careers: [] };
}
