import type { Action, Decision, SalaryQuery } from '../../src/policy/action.js';
import type { ConversationMemory } from '../../src/policy/memory.js';
import { fixturePack } from './knowledge.js';

/** A decision for an action, as the policy would hand it to compose. */
export function decision(action: Action, memory: ConversationMemory = {}): Decision {
  return { action, rule: 'a test', confidence: 1, candidates: [], memory };
}

/** A salary query about the states and industries given (postal codes and industry ids). */
export function salaryAbout(query: Partial<SalaryQuery> = {}): Action {
  return { kind: 'salary', query: { intent: 'salary', states: [], industries: [], places: [], careers: [], ...query } };
}

/** A unit of the fixture by its heading. */
export function unitId(title: string): string {
  return [...fixturePack().units.values()].find((u) => u.title === title)?.id ?? unknown(title);
}

function unknown(title: string): never {
  throw new Error(`the fixture has no unit "${title}"`);
}

/** One decision of every kind compose handles, for checks every reply must pass. */
export function everyKindOfDecision(): Array<[string, Decision]> {
  const pack = fixturePack();
  const walk = pack.walkthrough!;
  const skills = unitId('Top skills for clinical research associates');
  const duties = unitId('Duties and responsibilities');
  const employers = unitId('Top employers');
  const d = decision;
  return [
    ['an answer', d({ kind: 'answer', unitIds: [duties] })],
    ['an answer with parts', d({ kind: 'answer', unitIds: [skills] })],
    ['an answer with a list', d({ kind: 'answer', unitIds: [employers] })],
    ['the walk-through overview', d({ kind: 'answer', unitIds: [walk.unitId] })],
    ['a step', d({ kind: 'answer', unitIds: [walk.steps[1]!] })],
    ['a partial answer (figures)', d({ kind: 'answer', unitIds: [duties], gap: { kind: 'figures' } })],
    ['a partial answer (a listed name)', d({ kind: 'answer', unitIds: [employers], gap: { kind: 'list_item', name: 'Northwind Trials', list: 'top employers' } })],
    ['a gap with the nearest passage', d({ kind: 'gap', gap: { kind: 'topic', topic: 'visas and sponsorship', from: 'topics' }, nearest: duties })],
    ['a gap alone', d({ kind: 'gap', gap: { kind: 'question' } })],
    ['a comparison the guide does not make', d({ kind: 'gap', gap: { kind: 'compare', first: 'CRAs', second: 'nurses' }, nearest: duties })],
    ['a salary in a state', d(salaryAbout({ states: ['TX'] }))],
    ['a salary in a state without a figure', d(salaryAbout({ states: ['CA'] }))],
    ['two states compared', d(salaryAbout({ states: ['WA', 'OR'] }))],
    ['a state and an industry', d(salaryAbout({ states: ['TX'], industries: ['hospitals'] }))],
    ['an industry without a figure', d(salaryAbout({ industries: ['biotech'] }))],
    ['a place abroad', d(salaryAbout({ places: ['London'] }))],
    ['the salary overview', d(salaryAbout())],
    ['the state list', d(salaryAbout({ intent: 'salary_states' }))],
    ['the top industry', d(salaryAbout({ intent: 'salary_industries', top: true }))],
    ['another career\'s pay', d(salaryAbout({ careers: ['nurses'] }))],
    ['yearly figures', d({ ...salaryAbout({ states: ['WA'] }), yearly: true } as Action)],
    ['a salary with a gap', d({ ...salaryAbout(), gap: { kind: 'salary', topic: 'bonuses and incentives' } } as Action)],
    ['two answers', d({ kind: 'both', first: { kind: 'answer', unitIds: [duties] }, second: salaryAbout({ states: ['TX'] }) })],
    ['"Did you mean" with one choice', d({ kind: 'clarify', choices: [duties] })],
    ['"Did you mean" with three choices', d({ kind: 'clarify', choices: [duties, skills, 'salary_states'] })],
    ['small talk', d({ kind: 'talk', intent: 'greeting' })],
    ['"no" to a choice', d({ kind: 'declined' })],
    ['no more to tell', d({ kind: 'no_more', unitId: duties })],
    ['the end of the walk-through', d({ kind: 'no_more', unitId: walk.steps.at(-1)!, end: 'last' })],
    ['another language', d({ kind: 'language' })],
    ['a hand-off', d({ kind: 'handoff' })],
    ['another career', d({ kind: 'other_career', career: 'pilots' })],
    ['off topic', d({ kind: 'off_topic', reason: 'out_of_scope' })],
    ['a second miss in a row', d({ kind: 'off_topic', reason: 'out_of_scope' }, { misses: 2 })],
  ];
}
