import type { Knowledge, SalaryRecord, SalaryTable } from '../knowledge/knowledge.js';
import type { ConversationMemory, SalaryQuery } from '../nlu/decision.js';
import { excerptText, sourceLine } from './compose-unit.js';
import { MAX_SUGGESTIONS, type Reply, type SalaryFact } from './reply.js';

// Places and industries remembered for "compare them": the last few are all a follow-up can refer to.
const MAX_RECENT_PLACES = 4;

/** Answer ids of the two salary lists, for logs and evaluation. */
export const LIST_IDS = Object.freeze({ industry: 'salary_industries', state: 'salary_states' });

/** "$7,370": whole dollars with thousands separators, as the guide prints its figures (no Intl: it costs start-up). */
function usd(amount: number): string {
  return `$${Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/** Answers a salary question from the guide's salary tables only; a place without a figure gets an honest no. */
export function composeSalary(k: Knowledge, q: SalaryQuery, previous: ConversationMemory = {}): Reply {
  const { industries, states } = k.salary;
  const r = k.replies;
  const asked = [...q.states.map((s) => `state:${s}`), ...q.industries.map((i) => `industry:${i}`)];
  const recent = [...(previous.salary?.recent ?? []).filter((p) => !asked.includes(p)), ...asked].slice(-MAX_RECENT_PLACES);
  const memory = { salary: { states: q.states, industries: q.industries, recent } };

  if (q.careers.length > 0) {
    const place = joinNames(q.careers);
    return {
      text: r.salaryNoDataCareer.replace('{place}', place).replace(/ For MSLs it lists:$/, ''),
      suggestions: suggest([k.salary.overview.ask, askFor(k, states.records[0]), askFor(k, industries.records[0])]),
      outcome: 'nodata', unitIds: [], memory,
    };
  }

  const found: SalaryRecord[] = [];
  const missingStates: string[] = [];
  for (const id of q.states) {
    const rec = states.records.find((s) => s.entityId === id);
    const name = k.entities.states.find((s) => s.id === id)?.name ?? id;
    if (rec) found.push(rec); else missingStates.push(q.typed?.[id] ? `${name} (${q.typed[id]})` : name);
  }
  for (const id of q.industries) {
    const rec = industries.records.find((s) => s.entityId === id);
    if (rec) found.push(rec);
  }

  if (found.length === 0 && missingStates.length === 0) {
    if (q.intent === 'salary_industries') return listReply(k, industries, memory);
    if (q.intent === 'salary_states') return listReply(k, states, memory);
    return overviewReply(k);
  }

  if (found.length === 0) {
    const text = `${r.salaryNoDataState.replace('{place}', joinNames(missingStates))}\n\n${lines(states.records)}\n\n_${sourceLine(k, [k.salary.overview.title, states.heading])}_`;
    return {
      text,
      card: { title: states.heading, facts: facts(states.records), note: r.salaryNoDataState.replace('{place}', joinNames(missingStates)), source: sourceLine(k, [k.salary.overview.title, states.heading]) },
      suggestions: suggest([askFor(k, states.records[0]), askFor(k, states.records[1]), r.askTopIndustry]),
      outcome: 'nodata', unitIds: [], memory,
    };
  }

  const parts: string[] = [found.length === 1 ? single(k, found[0]!) : lines(found)];
  const sameKind = found.every((f) => f.kind === found[0]!.kind);
  if (found.length >= 2 && sameKind) {
    const sorted = [...found].sort((a, b) => b.annual - a.annual);
    const [hi, lo] = [sorted[0]!, sorted[sorted.length - 1]!];
    parts.push(hi.annual === lo.annual ? r.salaryCompareEqual : r.salaryCompareHigher.replace('{higher}', hi.name).replace('{difference}', usd(hi.annual - lo.annual)));
  }
  if (missingStates.length) parts.push(r.salaryNoDataState.replace('{place}', joinNames(missingStates)).replace(/ It lists.*$/, ''));
  const headings = [...new Set(found.map((f) => (f.kind === 'state' ? states.heading : industries.heading)))];
  const source = sourceLine(k, [k.salary.overview.title, ...headings]);
  parts.push(`_${source}_`);
  const others = (found[0]!.kind === 'state' ? states : industries).records.filter((rec) => !found.includes(rec));
  return {
    text: parts.join('\n\n'),
    card: { title: found.length > 1 ? r.salaryCardCompare : r.salaryCardOne.replace('{place}', found[0]!.name), facts: facts(found), source },
    suggestions: suggest([...others.slice(0, 2).map((o) => r.askOther.replace('{place}', o.name)), found[0]!.kind === 'state' ? r.askTopIndustry : r.askTopState]),
    outcome: 'salary', unitIds: found.map((f) => f.id), memory,
  };
}

function overviewReply(k: Knowledge): Reply {
  const { overview, industries, states } = k.salary;
  const source = sourceLine(k, [overview.title]);
  const text = [excerptText(overview), `**${industries.heading}**\n${lines(industries.records)}`, `**${states.heading}**\n${lines(states.records)}`, `_${source}_`].join('\n\n');
  return {
    text,
    card: { title: k.replies.salaryOverviewIntro, facts: facts([...industries.records, ...states.records]), source },
    suggestions: suggest([askFor(k, states.records[0]), k.replies.askBecome, k.replies.askSkills]),
    outcome: 'salary', unitIds: [overview.id, LIST_IDS.industry, LIST_IDS.state], memory: { salary: { states: [], industries: [] } },
  };
}

function listReply(k: Knowledge, table: SalaryTable, memory: Reply['memory']): Reply {
  const source = sourceLine(k, [k.salary.overview.title, table.heading]);
  const other = table.kind === 'state' ? k.replies.askTopIndustry : k.replies.askTopState;
  return {
    text: `**${table.heading}**\n${lines(table.records)}\n\n_${source}_`,
    card: { title: table.heading, facts: facts(table.records), source },
    suggestions: suggest([askFor(k, table.records[0]), askFor(k, table.records[1]), other]),
    outcome: 'salary', unitIds: [LIST_IDS[table.kind]], memory,
  };
}

/** One figure with where it stands in its list: "California – $164,660, 1st of the guide's 5 highest-paying states." */
function single(k: Knowledge, rec: SalaryRecord): string {
  const table = rec.kind === 'state' ? k.salary.states : k.salary.industries;
  const rank = table.records.indexOf(rec) + 1;
  return k.replies.salaryOne
    .replace('{name}', rec.name).replace('{figure}', rec.display)
    .replace('{rank}', ordinal(rank)).replace('{count}', String(table.records.length)).replace('{list}', table.heading.toLowerCase());
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Guide-style lines: "• California – $164,660". */
function lines(records: readonly SalaryRecord[]): string {
  return records.map((r) => `• ${r.name} – ${r.display}`).join('\n');
}

function facts(records: readonly SalaryRecord[]): SalaryFact[] {
  return records.map((r) => ({ label: r.name, value: r.display }));
}

function askFor(k: Knowledge, rec: SalaryRecord | undefined): string | undefined {
  return rec ? k.replies.askPlace.replace('{place}', rec.name) : undefined;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function suggest(list: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(list.filter((s): s is string => !!s))].slice(0, MAX_SUGGESTIONS);
}
