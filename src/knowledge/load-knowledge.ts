import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { foldQuotes, parseGuide, type GuideBlock } from './guide-parser.js';
import { KnowledgeError, zodIssues, type KnowledgeIssue } from './knowledge-error.js';
import {
  CONVERSATION_INTENTS, SALARY_INTENTS,
  type ExcerptPart, type Knowledge, type SalaryRecord, type SalaryTable, type Unit,
} from './knowledge.js';
import { EntitiesFile, RepliesFile, SynonymsFile, UnitsFile, UtterancesFile, type ExcerptSelector, type UnitSpec } from './schema.js';

export const KNOWLEDGE_FILES = {
  guide: 'guide.txt',
  units: 'units.json',
  utterances: 'utterances.json',
  entities: 'entities.json',
  synonyms: 'synonyms.json',
  replies: 'replies.json',
} as const;

/** The unit that salary questions without a place or industry answer with. */
export const SALARY_OVERVIEW_ID = 'salary_overview';
const SALARY_LINE = /^(.+?)\s+[–-]\s+(\$\d{1,3}(?:,\d{3})+)$/;

/**
 * Reads and validates every knowledge file in `dir`, resolves the units against the guide text and
 * cross-checks the files against each other. Throws one KnowledgeError that lists every problem.
 */
export function loadKnowledge(dir: string): Knowledge {
  const issues: KnowledgeIssue[] = [];
  const hash = createHash('sha256');
  const read = (file: string): string | undefined => {
    try {
      const text = readFileSync(join(dir, file), 'utf8');
      hash.update(file).update('\0').update(text).update('\0');
      return text;
    } catch (e) {
      issues.push({ file, path: '', message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
      return undefined;
    }
  };
  const parse = <S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined => {
    const text = read(file);
    if (text === undefined) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      issues.push({ file, path: '', message: `is not valid JSON: ${(e as Error).message}` });
      return undefined;
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      issues.push(...zodIssues(file, result.error));
      return undefined;
    }
    return result.data;
  };

  const guideText = read(KNOWLEDGE_FILES.guide);
  const unitsFile = parse(KNOWLEDGE_FILES.units, UnitsFile);
  const utterancesFile = parse(KNOWLEDGE_FILES.utterances, UtterancesFile);
  const entities = parse(KNOWLEDGE_FILES.entities, EntitiesFile);
  const synonyms = parse(KNOWLEDGE_FILES.synonyms, SynonymsFile);
  const replies = parse(KNOWLEDGE_FILES.replies, RepliesFile);
  if (!guideText || !unitsFile || !utterancesFile || !entities || !synonyms || !replies) throw new KnowledgeError(issues);

  const blocks = parseGuide(guideText);
  const units = resolveUnits(unitsFile.units, blocks, issues);
  const industries = salaryTable('industry', unitsFile.salaryLists.industries, blocks, entities.industries, issues);
  const states = salaryTable('state', unitsFile.salaryLists.states, blocks, entities.states, issues);
  checkCrossReferences(units, utterancesFile.intents, issues);
  checkEntities(entities, issues);
  const overview = units.get(SALARY_OVERVIEW_ID);
  if (!overview) issues.push({ file: KNOWLEDGE_FILES.units, path: 'units', message: `needs a unit "${SALARY_OVERVIEW_ID}"` });
  if (issues.length > 0 || !overview || !industries || !states) throw new KnowledgeError(issues);

  return Object.freeze({
    units,
    salary: { overview, industries, states },
    entities,
    synonyms,
    utterances: utterancesFile.intents,
    replies,
    guideWords: [...new Set(foldQuotes(guideText).toLowerCase().match(/[a-z][a-z'&-]*[a-z]/g) ?? [])],
    fingerprint: hash.digest('hex'),
  });
}

function resolveUnits(specs: readonly UnitSpec[], blocks: readonly GuideBlock[], issues: KnowledgeIssue[]): Map<string, Unit> {
  const file = KNOWLEDGE_FILES.units;
  const byId = new Map(specs.map((s) => [s.id, s]));
  const units = new Map<string, Unit>();
  specs.forEach((spec, i) => {
    const at = `units[${i}] (${spec.id})`;
    if (units.has(spec.id)) issues.push({ file, path: `${at}.id`, message: `duplicate id "${spec.id}"` });
    const excerpt = selectExcerpt(spec.excerpt, blocks, (message) => issues.push({ file, path: `${at}.excerpt`, message }));
    for (const ref of [spec.parent, spec.more, ...spec.children, ...spec.related]) {
      if (ref !== undefined && !byId.has(ref)) issues.push({ file, path: at, message: `refers to unknown unit "${ref}"` });
    }
    if (excerpt.length === 0 && spec.children.length === 0) issues.push({ file, path: `${at}.excerpt`, message: 'selects no text, and the unit lists no parts either' });
    const parent = spec.parent ? byId.get(spec.parent) : undefined;
    units.set(spec.id, Object.freeze({
      id: spec.id,
      title: spec.title,
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
    }));
  });
  const owner = new Map<string, string>();
  for (const unit of units.values()) {
    for (const k of unit.keywords) {
      const other = owner.get(k);
      if (other && other !== unit.id) issues.push({ file, path: `units (${unit.id}).keywords`, message: `keyword "${k}" also belongs to "${other}"; a keyword must point at one unit` });
      owner.set(k, unit.id);
    }
  }
  return units;
}

/** Finds the verbatim guide blocks a selector names; reports a selector that matches nothing or more than one place. */
export function selectExcerpt(sel: ExcerptSelector, blocks: readonly GuideBlock[], fail: (message: string) => void): ExcerptPart[] {
  const fold = (s: string): string => foldQuotes(s).toLowerCase();
  let start: number;
  if ('heading' in sel) {
    const hits = blocks.flatMap((b, i) => (b.kind === 'heading' && fold(b.text) === fold(sel.heading) ? [i + 1] : []));
    if (hits.length !== 1) {
      fail(hits.length ? `heading "${sel.heading}" appears ${hits.length} times in the guide` : `heading "${sel.heading}" is not in the guide`);
      return [];
    }
    start = hits[0]!;
  } else {
    const hits = blocks.flatMap((b, i) => (b.kind === 'paragraph' && fold(b.text).startsWith(fold(sel.from)) ? [i] : []));
    if (hits.length !== 1) {
      fail(hits.length ? `"${sel.from}" starts ${hits.length} paragraphs` : `no paragraph of the guide starts with "${sel.from}"`);
      return [];
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
  return parts;
}

function salaryTable(
  kind: 'state' | 'industry', heading: string, blocks: readonly GuideBlock[],
  entities: ReadonlyArray<{ id: string; name: string }>, issues: KnowledgeIssue[],
): SalaryTable | undefined {
  const fail = (message: string): void => { issues.push({ file: KNOWLEDGE_FILES.guide, path: heading, message }); };
  const parts = selectExcerpt({ heading }, blocks, fail);
  const list = parts.find((p) => p.kind === 'list');
  if (!list || list.kind !== 'list') {
    fail('has no bullet list of figures under it');
    return undefined;
  }
  const records: SalaryRecord[] = [];
  for (const item of list.items) {
    const m = SALARY_LINE.exec(item);
    if (!m) { fail(`"${item}" is not of the form "Name – $123,456"`); continue; }
    const [, name, display] = m as unknown as [string, string, string];
    const entity = entities.find((e) => e.name.toLowerCase() === name.toLowerCase());
    if (!entity) {
      issues.push({ file: KNOWLEDGE_FILES.entities, path: kind === 'state' ? 'states' : 'industries', message: `has no entry named "${name}", which the guide lists under "${heading}"` });
      continue;
    }
    records.push({
      id: kind === 'state' ? `salary_state_${entity.id.toLowerCase()}` : `salary_ind_${entity.id}`,
      kind, entityId: entity.id, name, display, annual: Number(display.replace(/[$,]/g, '')),
    });
  }
  return { kind, heading, records };
}

function checkCrossReferences(units: ReadonlyMap<string, Unit>, intents: Record<string, readonly string[]>, issues: KnowledgeIssue[]): void {
  const file = KNOWLEDGE_FILES.utterances;
  const special = new Set<string>([...CONVERSATION_INTENTS, ...SALARY_INTENTS]);
  for (const intent of Object.keys(intents)) {
    if (!units.has(intent) && !special.has(intent)) issues.push({ file, path: `intents.${intent}`, message: 'has no answer: it is neither a unit in units.json nor a salary or conversation intent' });
    if (intent === SALARY_OVERVIEW_ID) issues.push({ file, path: `intents.${intent}`, message: 'salary questions go under "salary", which also answers with the overview' });
  }
  for (const id of units.keys()) {
    if (id !== SALARY_OVERVIEW_ID && !intents[id]) issues.push({ file, path: 'intents', message: `unit "${id}" is unreachable: give it utterances` });
  }
  for (const id of special) {
    if (!intents[id]) issues.push({ file, path: 'intents', message: `intent "${id}" needs utterances` });
  }
  const seen = new Map<string, string>();
  for (const [intent, list] of Object.entries(intents)) {
    list.forEach((u, i) => {
      const key = u.toLowerCase().trim();
      const other = seen.get(key);
      if (other && other !== intent) issues.push({ file, path: `intents.${intent}[${i}]`, message: `"${u}" is also an utterance of "${other}"` });
      seen.set(key, intent);
    });
  }
}

function checkEntities(entities: z.infer<typeof EntitiesFile>, issues: KnowledgeIssue[]): void {
  const file = KNOWLEDGE_FILES.entities;
  const owner = new Map<string, string>();
  const claim = (alias: string, who: string, path: string): void => {
    const key = alias.toLowerCase();
    const other = owner.get(key);
    if (other && other !== who) issues.push({ file, path, message: `"${alias}" names both ${other} and ${who}` });
    owner.set(key, who);
  };
  entities.states.forEach((s, i) => [s.name, ...s.aliases].forEach((a) => claim(a, s.name, `states[${i}]`)));
  entities.industries.forEach((s, i) => [s.name, ...s.aliases].forEach((a) => claim(a, s.name, `industries[${i}]`)));
  entities.careers.forEach((s, i) => s.aliases.forEach((a) => claim(a, s.name, `careers[${i}]`)));
}
