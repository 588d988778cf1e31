import { shortLabel } from '../knowledge/derive-units.js';
import type { Pack, SalaryRecord, SalaryTable } from '../knowledge/knowledge.js';
import type { Gap, SalaryQuery } from '../policy/action.js';
import { sourceBlock, unitBlocks } from './compose-unit.js';
import { gapSentence } from './gap-sentence.js';
import { MAX_SUGGESTIONS, type Block, type FigureGroup, type Reply, type Suggestion } from './reply.js';
import { joinNames, say } from './words.js';

/** Answer ids of the two salary lists, for logs and evaluation. */
export const LIST_IDS = Object.freeze({ industry: 'salary_industries', state: 'salary_states' });
const ORDINALS = ['highest', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "$7,370": whole dollars with thousands separators, as the guide prints its figures. */
function usd(amount: number): string {
  return `$${Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

export interface SalaryAsk {
  readonly query: SalaryQuery;
  readonly gap?: Gap | undefined;
  /** "Is that per year?": say yes before the figures. */
  readonly yearly?: boolean | undefined;
}

/**
 * Answers a salary question from the guide's salary lists only. Each figure appears once, in the figures block
 * (a card where cards render), the asked-for one first and highlighted; the sentences around it never repeat it.
 * A place, industry or job without a figure gets an honest no, and the figures the guide does have.
 */
export function composeSalary(pack: Pack, { query: q, gap, yearly }: SalaryAsk): Reply {
  const salary = pack.salary!;
  const { industries, states } = salary;
  const lead: Block[] = [
    ...(yearly ? [{ kind: 'paragraph', text: pack.salary?.period ? say(pack, 'salaryPeriod', { period: pack.salary.period }) : say(pack, 'salaryPeriodUnknown') } as const] : []),
    ...(gap ? [{ kind: 'paragraph', text: gapSentence(pack, gap) } as const] : []),
  ];
  const partial = gap ? 'partial' as const : undefined;

  if (q.careers.length > 0) {
    return {
      blocks: [...lead, { kind: 'paragraph', text: say(pack, 'salaryNoCareer', { career_asked: joinNames(q.careers, 'and') }) }],
      suggestions: suggest([overviewAsk(pack), topAsk(pack, 'state'), topAsk(pack, 'industry')]),
      outcome: 'nodata', unitIds: [], feedback: true,
    };
  }

  const found: SalaryRecord[] = [];
  const missing: string[] = [];
  for (const id of q.states) {
    const rec = states?.records.find((s) => s.entityId === id);
    const name = pack.entities.states.find((s) => s.id === id)?.name ?? id;
    if (rec) found.push(rec); else missing.push(q.typed?.[id] ? `${name} (${q.typed[id]})` : name);
  }
  for (const id of q.industries) {
    const rec = industries?.records.find((s) => s.entityId === id);
    if (rec) found.push(rec); else missing.push(pack.entities.industries.find((i) => i.id === id)?.inline ?? id);
  }
  missing.push(...q.places);
  const missed: Block[] = missing.length ? [{ kind: 'paragraph', text: say(pack, 'salaryNoPlace', { place: joinNames(missing) }) }] : [];

  if (found.length === 0 && missing.length === 0) {
    const table = q.intent === 'salary_industries' ? industries : q.intent === 'salary_states' ? states : undefined;
    if (table && q.top) return topOfList(pack, table, lead, partial);
    if (table) return listReply(pack, table, lead, partial);
    return overviewReply(pack, lead, partial);
  }

  if (found.length === 0 && q.states.length === 0 && q.industries.length === 0) {
    // Only places abroad: the guide's figures are for the US, so say so and give its overview.
    return { ...overviewReply(pack, [...lead, ...missed], partial), outcome: 'nodata' };
  }

  if (found.length === 0) {
    // Nothing asked has a figure: say so once, and show the list the question was about.
    const table = q.states.length > 0 || !industries ? states : industries;
    const blocks = [...lead, ...missed];
    if (table) blocks.push(figures(table.heading, [{ title: table.heading, rows: rows(pack, table.records) }]), source(pack, [table.heading]));
    return {
      blocks,
      suggestions: suggest([table?.records[0] && placeAsk(pack, table.records[0]), table?.records[1] && placeAsk(pack, table.records[1]), topAsk(pack, table?.kind === 'state' ? 'industry' : 'state')]),
      outcome: 'nodata', unitIds: table ? [LIST_IDS[table.kind]] : [], feedback: true,
    };
  }

  const blocks: Block[] = [...lead];
  if (found.length === 1) {
    const rec = found[0]!;
    const table = tableOf(pack, rec);
    blocks.push({ kind: 'paragraph', text: rankSentence(pack, rec, table) }, ...missed);
    blocks.push(figures(say(pack, 'salaryCardOne', { name: rec.name }), [{ title: table.heading, rows: rows(pack, [rec, ...table.records.filter((r) => r !== rec)], rec) }]));
    blocks.push(source(pack, [table.heading]));
  } else {
    const sameKind = found.every((f) => f.kind === found[0]!.kind);
    const sorted = [...found].sort((a, b) => b.annual - a.annual);
    const [hi, lo] = [sorted[0]!, sorted[sorted.length - 1]!];
    if (sameKind) blocks.push({ kind: 'paragraph', text: hi.annual === lo.annual ? say(pack, 'salaryEqual') : say(pack, 'salaryHigher', { higher: hi.name, difference: withPeriod(pack, usd(hi.annual - lo.annual)) }) });
    blocks.push(...missed);
    const groups = (['state', 'industry'] as const).flatMap((kind) => {
      const of = found.filter((f) => f.kind === kind);
      const table = kind === 'state' ? states : industries;
      return of.length && table ? [{ title: table.heading, rows: rows(pack, of) }] : [];
    });
    blocks.push(figures(say(pack, 'salaryCardCompare'), groups), source(pack, groups.map((g) => g.title!)));
  }
  const kind = found[0]!.kind;
  const others = tableOf(pack, found[0]!).records.filter((rec) => !found.includes(rec));
  return {
    blocks,
    suggestions: suggest([...others.slice(0, 2).map((o) => placeAsk(pack, o)), topAsk(pack, kind === 'state' ? 'industry' : 'state')]),
    // A single figure comes with the rest of its list, so the reply gives that list too.
    outcome: partial ?? 'salary', unitIds: [...found.map((f) => f.id), ...(found.length === 1 ? [LIST_IDS[kind]] : [])], feedback: true,
  };
}

function overviewReply(pack: Pack, lead: Block[], partial: 'partial' | undefined): Reply {
  const { overview, industries, states } = pack.salary!;
  const groups = [industries, states].filter((t): t is SalaryTable => !!t).map((t) => ({ title: t.heading, rows: rows(pack, t.records) }));
  const blocks = [...lead, ...unitBlocks(pack, overview, { source: false, parts: false })];
  if (groups.length) blocks.push(figures(say(pack, 'salaryCardOverview'), groups));
  blocks.push(sourceBlock(pack, overview.source, overview.heading));
  return {
    blocks,
    suggestions: suggest([topAsk(pack, 'state'), topAsk(pack, 'industry'), ...(pack.walkthrough ? [unitAsk(pack, pack.walkthrough.unitId)] : [])]),
    outcome: partial ?? 'salary',
    unitIds: [overview.id, ...(industries ? [LIST_IDS.industry] : []), ...(states ? [LIST_IDS.state] : [])],
    feedback: true,
  };
}

function listReply(pack: Pack, table: SalaryTable, lead: Block[], partial: 'partial' | undefined): Reply {
  return {
    blocks: [...lead, figures(table.heading, [{ title: table.heading, rows: rows(pack, table.records) }]), source(pack, [table.heading])],
    suggestions: suggest([placeAsk(pack, table.records[0]), placeAsk(pack, table.records[1]), topAsk(pack, table.kind === 'state' ? 'industry' : 'state')]),
    outcome: partial ?? 'salary', unitIds: [LIST_IDS[table.kind]], feedback: true,
  };
}

/** "Which industry pays the most?": the top one first and highlighted, the rest of the list below it. */
function topOfList(pack: Pack, table: SalaryTable, lead: Block[], partial: 'partial' | undefined): Reply {
  const top = table.records[0]!;
  return {
    blocks: [
      ...lead,
      { kind: 'paragraph', text: say(pack, 'salaryTopOfList', { name: top.name, kinds: kindWords(table).plural }) },
      figures(table.heading, [{ title: table.heading, rows: rows(pack, table.records, top) }]),
      source(pack, [table.heading]),
    ],
    suggestions: suggest([placeAsk(pack, table.records[1]), placeAsk(pack, table.records[2]), topAsk(pack, table.kind === 'state' ? 'industry' : 'state')]),
    outcome: partial ?? 'salary', unitIds: [top.id, LIST_IDS[table.kind]], feedback: true,
  };
}

/** "California is the highest-paying state in the guide's list." */
function rankSentence(pack: Pack, rec: SalaryRecord, table: SalaryTable): string {
  const rank = table.records.indexOf(rec);
  const { one, plural } = kindWords(table);
  if (rank === 0) return say(pack, 'salaryTop', { name: rec.name, kind: one });
  return say(pack, 'salaryRank', { name: rec.name, rank: ORDINALS[rank] ?? `number ${rank + 1}`, count: NUMBERS[table.records.length] ?? String(table.records.length), kinds: plural });
}

function kindWords(table: SalaryTable): { one: string; plural: string } {
  return table.kind === 'state' ? { one: 'state', plural: 'states' } : { one: 'industry', plural: 'industries' };
}

function tableOf(pack: Pack, rec: SalaryRecord): SalaryTable {
  return (rec.kind === 'state' ? pack.salary!.states : pack.salary!.industries)!;
}

function rows(pack: Pack, records: readonly SalaryRecord[], highlight?: SalaryRecord): FigureGroup['rows'] {
  return records.map((r) => ({ label: r.name, value: withPeriod(pack, r.display), ...(r === highlight ? { highlight: true } : {}) }));
}

/** "$164,660 a year" when the pack says how often figures are paid, the figure as printed otherwise. */
function withPeriod(pack: Pack, amount: string): string {
  return pack.salary?.period ? `${amount} ${pack.salary.period}` : amount;
}

function figures(title: string, groups: readonly FigureGroup[]): Block {
  return { kind: 'figures', title, groups };
}

function source(pack: Pack, headings: readonly string[]): Block {
  const overview = pack.salary!.overview;
  return sourceBlock(pack, [overview.title, ...headings], headings[0] ?? overview.heading);
}

function placeAsk(pack: Pack, rec: SalaryRecord | undefined): Suggestion | undefined {
  // "Pay in Pharmaceutical and Medicine Manufacturing" would not fit a button: long names are cut at a word.
  return rec ? { label: shortLabel(say(pack, 'labelPlace', { place: rec.name })), ask: say(pack, 'askPlace', { place: rec.name }) } : undefined;
}

function topAsk(pack: Pack, kind: 'state' | 'industry'): Suggestion | undefined {
  const has = kind === 'state' ? pack.salary?.states : pack.salary?.industries;
  if (!has) return undefined;
  return kind === 'state' ? { label: say(pack, 'labelTopState'), ask: say(pack, 'askTopState') } : { label: say(pack, 'labelTopIndustry'), ask: say(pack, 'askTopIndustry') };
}

function overviewAsk(pack: Pack): Suggestion {
  const o = pack.salary!.overview;
  return { label: o.label, ask: o.ask };
}

function unitAsk(pack: Pack, id: string): Suggestion | undefined {
  const u = pack.units.get(id);
  return u ? { label: u.label, ask: u.ask } : undefined;
}

function suggest(list: ReadonlyArray<Suggestion | undefined>): Suggestion[] {
  const out: Suggestion[] = [];
  for (const s of list) if (s && !out.some((o) => o.ask === s.ask)) out.push(s);
  return out.slice(0, MAX_SUGGESTIONS);
}
