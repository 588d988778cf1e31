import type { CommonKnowledge } from './common-knowledge.js';
import { deriveUnits, findSalaryHeadings, uniqueId } from './derive-units.js';
import { foldQuotes, parseGuide, type GuideBlock } from './guide-parser.js';
import {
  SALARY_INTENTS, type CareerNames, type Career, type Entities, type Industry, type Pack, type Salary, type SalaryTable, type Synonyms, type Topic, type Unit,
} from './knowledge.js';
import { KnowledgeError } from './knowledge-error.js';
import { PackFiles } from './pack-files.js';
import { PhraseFinder } from './phrase-finder.js';
import { resolveUnits } from './resolve-units.js';
import { listKind, listNames, salaryTable } from './salary-tables.js';
import { PackEntitiesFile, PackFile, type PackEntities, PhrasingsFile, RepliesFile, SynonymsFile, UnitsFile, type Starter } from './schema.js';
import { templateProblems, type Templates } from './templates.js';

export const PACK_FILES = {
  pack: 'pack.json',
  guide: 'guide.txt',
  units: 'units.json',
  phrasings: 'phrasings.json',
  entities: 'entities.json',
  synonyms: 'synonyms.json',
  replies: 'replies.json',
} as const;

// How many units' questions stand in for starters when a pack names none: Teams shows at most three buttons.
const DERIVED_STARTERS = 3;

export interface PackOptions {
  /** Where the guide is published, overriding pack.json's guide.url (GUIDE_URL). */
  readonly guideUrl?: string;
}

/**
 * Loads one guide pack: pack.json and guide.txt, with whatever curated overlay the folder has (units, phrasings,
 * entities, synonyms, replies). Without units.json the units are read off the guide's headings. Every problem
 * found is reported at once, naming the file and the place, in one KnowledgeError.
 */
export function loadPack(dir: string, common: CommonKnowledge, options: PackOptions = {}): Pack {
  const files = new PackFiles(dir);
  const meta = files.json(PACK_FILES.pack, PackFile);
  const guideText = files.text(PACK_FILES.guide);
  const unitsFile = files.json(PACK_FILES.units, UnitsFile, true);
  const phrasingsFile = files.json(PACK_FILES.phrasings, PhrasingsFile, true);
  const packEntities = files.json(PACK_FILES.entities, PackEntitiesFile, true);
  const packSynonyms = files.json(PACK_FILES.synonyms, SynonymsFile, true);
  const packReplies = files.json(PACK_FILES.replies, RepliesFile, true);
  if (!meta || guideText === undefined) throw new KnowledgeError(files.issues);

  const blocks = parseGuide(guideText);
  const career = careerNames(meta.career);
  const specs = unitsFile?.units ?? deriveUnits(blocks, career);
  const units = resolveUnits(specs, blocks, (path, message) => files.issue(unitsFile ? PACK_FILES.units : PACK_FILES.guide, path, message));
  const folded = foldQuotes(guideText).toLowerCase();
  const inGuide = new PhraseFinder(folded);
  const entities = mergeEntities(common, packEntities, blocks, meta.salary, inGuide, career);
  const salary = salaryOf(files, blocks, meta.salary, units, entities, !!packEntities);
  const phrasings = phrasingsFile?.intents ?? {};
  checkPhrasings(files, units, phrasings, !!salary);
  const { templates, starters } = mergeReplies(files, common, packReplies, units);

  if (files.issues.length > 0) throw new KnowledgeError(files.issues);
  return Object.freeze({
    id: meta.id,
    dir,
    career,
    guide: { title: meta.guide.title, url: options.guideUrl ?? meta.guide.url },
    units,
    walkthrough: walkthroughOf(units),
    salary,
    entities,
    synonyms: mergeSynonyms(common.synonyms, packSynonyms, career),
    phrasings,
    conversation: common.conversation,
    replies: templates,
    starters,
    topics: { ...common.topics, topics: uncovered(common.topics.topics, inGuide, units) },
    links: meta.links,
    guideWords: [...new Set(folded.match(/[a-z][a-z'&-]*[a-z]/g) ?? [])],
    guideText: folded,
    fingerprint: `${common.fingerprint}:${files.digest()}`,
  });
}

function careerNames(c: PackFile['career']): CareerNames {
  const aliases = [...new Set([c.name, c.plural, ...c.aliases].map((a) => foldQuotes(a).toLowerCase()))].sort((a, b) => b.length - a.length);
  return { name: c.name, plural: c.plural, short: c.short, shortPlural: c.shortPlural, aliases };
}

/** Common entities with the pack's own industries first; a career is on topic when the guide's text names it. */
function mergeEntities(common: CommonKnowledge, pack: PackEntities | undefined, blocks: readonly GuideBlock[], salary: PackFile['salary'], guide: PhraseFinder, career: CareerNames): Entities {
  // A common industry that the guide's list names ("contract research organizations") is the pack's own: its other
  // names ("CRO") then ask for the guide's figure, instead of for a common industry the guide has no figure for.
  const same = (o: { id: string; name: string }, c: { id: string; name: string; aliases: readonly string[] }): boolean =>
    o.id === c.id || [c.name, ...c.aliases].some((a) => a.toLowerCase() === o.name.toLowerCase());
  const own: Industry[] = (pack?.industries ?? derivedIndustries(blocks, salary, common)).map((i) => ({
    id: i.id, name: i.name, inline: i.inline ?? i.name.toLowerCase(), listed: true,
    aliases: [...new Set([...i.aliases, ...common.entities.industries.filter((c) => same(i, c)).flatMap((c) => c.aliases)])],
  }));
  const taken = new Set(own.flatMap((i) => [i.name, ...i.aliases].map((a) => a.toLowerCase())));
  const others: Industry[] = common.entities.industries
    .filter((i) => !own.some((o) => same(o, i)))
    .map((i) => ({ id: i.id, name: i.name, inline: i.inline ?? i.name, aliases: i.aliases.filter((a) => !taken.has(a.toLowerCase())), listed: false }));
  const overrides = new Map((pack?.careers ?? []).map((c) => [c.id, c.inGuide]));
  // The pack's own career is not "another career" ("clinical research associates" in a CRA guide).
  const ownNames = new Set([...career.aliases, career.short.toLowerCase(), career.shortPlural.toLowerCase()]);
  const careers: Career[] = common.entities.careers.filter((c) => !c.aliases.some((a) => ownNames.has(a.toLowerCase()))).map((c) => ({
    id: c.id, name: c.name, aliases: c.aliases,
    inGuide: overrides.get(c.id) ?? c.aliases.some((a) => guide.has(a.toLowerCase())),
  }));
  return { states: common.entities.states, industries: [...own, ...others], careers, jobTitles: common.entities.jobTitles, places: common.entities.places };
}

/** Industries named by the guide's industry salary list, for a pack without entities.json. */
function derivedIndustries(blocks: readonly GuideBlock[], salary: PackFile['salary'], common: CommonKnowledge): Array<{ id: string; name: string; inline?: string; aliases: string[] }> {
  const headings = salary?.industries ? [salary.industries] : findSalaryHeadings(blocks).lists.filter((h) => listKind(blocks, h, common.entities.states) === 'industry');
  const ids = new Set<string>();
  return headings.flatMap((h) => listNames(blocks, h)).map((name) => ({ id: uniqueId(name, ids), name, aliases: [name.toLowerCase()] }));
}

function salaryOf(files: PackFiles, blocks: readonly GuideBlock[], meta: PackFile['salary'], units: ReadonlyMap<string, Unit>, entities: Entities, curatedEntities: boolean): Salary | undefined {
  const found = findSalaryHeadings(blocks);
  const overviewHeading = meta?.overview ?? found.overview;
  const stateHeading = meta?.states ?? found.lists.find((h) => listKind(blocks, h, entities.states) === 'state');
  const industryHeading = meta?.industries ?? found.lists.find((h) => listKind(blocks, h, entities.states) === 'industry');
  if (!overviewHeading && !stateHeading && !industryHeading) return undefined;
  const report = (message: string): void => files.issue(PACK_FILES.guide, 'salary', message);
  const reportEntity = (file: string) => (message: string): void => files.issue(file, 'industries', message);
  const states: SalaryTable | undefined = stateHeading ? salaryTable('state', stateHeading, blocks, entities.states, report, reportEntity(PACK_FILES.guide)) : undefined;
  const industries = industryHeading
    ? salaryTable('industry', industryHeading, blocks, entities.industries.filter((i) => i.listed), report, reportEntity(curatedEntities ? PACK_FILES.entities : PACK_FILES.guide))
    : undefined;
  const overview = [...units.values()].find((u) => overviewHeading && foldQuotes(u.title).toLowerCase() === foldQuotes(overviewHeading).toLowerCase());
  if (!overview) {
    files.issue(PACK_FILES.units, 'units', `needs a unit for the salary section "${overviewHeading ?? '(none found)'}", which general pay questions are answered with`);
    return undefined;
  }
  return { overview, ...(industries ? { industries } : {}), ...(states ? { states } : {}), ...(meta?.period ? { period: meta.period } : {}) };
}

function walkthroughOf(units: ReadonlyMap<string, Unit>): Pack['walkthrough'] {
  const steps = [...units.values()].filter((u) => u.step !== undefined).sort((a, b) => a.step! - b.step!);
  const owner = steps[0]?.parent;
  return owner ? { unitId: owner, steps: steps.filter((s) => s.parent === owner).map((s) => s.id) } : undefined;
}

function checkPhrasings(files: PackFiles, units: ReadonlyMap<string, Unit>, intents: Readonly<Record<string, readonly string[]>>, hasSalary: boolean): void {
  const salaryIntents = new Set<string>(SALARY_INTENTS);
  for (const intent of Object.keys(intents)) {
    if (!units.has(intent) && !(hasSalary && salaryIntents.has(intent))) {
      files.issue(PACK_FILES.phrasings, `intents.${intent}`, 'has no answer: it is neither a unit nor a salary intent of this pack');
    }
  }
  const seen = new Map<string, string>();
  for (const [intent, list] of Object.entries(intents)) {
    list.forEach((u, i) => {
      const key = u.toLowerCase().trim();
      const other = seen.get(key);
      if (other && other !== intent) files.issue(PACK_FILES.phrasings, `intents.${intent}[${i}]`, `"${u}" is also a phrasing of "${other}"`);
      seen.set(key, intent);
    });
  }
}

function mergeReplies(files: PackFiles, common: CommonKnowledge, pack: { templates: Record<string, string>; starters?: Starter[] | undefined } | undefined, units: ReadonlyMap<string, Unit>): { templates: Templates; starters: Starter[] } {
  for (const [name, template] of Object.entries(pack?.templates ?? {})) {
    for (const problem of templateProblems(name, template)) files.issue(PACK_FILES.replies, name, problem);
  }
  const starters = pack?.starters ?? [...units.values()].filter((u) => !u.parent).slice(0, DERIVED_STARTERS).map((u) => ({ label: u.label, ask: u.ask }));
  return { templates: { ...common.templates, ...pack?.templates } as Templates, starters };
}

function mergeSynonyms(common: Synonyms, pack: Synonyms | undefined, career: CareerNames): Synonyms {
  // The career's names all become its short name, so "medical science liaisons" and "MSLs" read the same.
  const short = career.short.toLowerCase();
  const names: Record<string, string> = Object.fromEntries(career.aliases.filter((a) => a !== short).map((a) => [a.replace(/-/g, ' '), short]));
  // A misspelt name is read word by word, so its last word may become the short name before the rest is corrected
  // ("medical sciense liaison" → "medical science msl"): that reads as the name too.
  for (const alias of career.aliases) {
    const words = alias.split(/[\s-]+/);
    if (words.length > 1) names[`${words.slice(0, -1).join(' ')} ${short}`] = short;
  }
  return {
    phrases: { ...common.phrases, ...pack?.phrases, ...names },
    words: { ...common.words, ...pack?.words, [career.shortPlural.toLowerCase()]: short },
  };
}

/**
 * The topics as this guide leaves them out: a phrase the guide itself uses ("benefits" in "long-term benefits"), or a
 * unit's keyword ("overtime" pointing at working hours), is no sign of a gap here, so it is dropped; a topic with no
 * phrase left is one the guide covers.
 */
function uncovered(topics: readonly Topic[], guide: PhraseFinder, units: ReadonlyMap<string, Unit>): Topic[] {
  const keywords = new Set([...units.values()].flatMap((u) => u.keywords));
  return topics
    .map((t) => ({ ...t, phrases: t.phrases.filter((p) => !guide.has(p) && !keywords.has(p)) }))
    .filter((t) => t.phrases.length > 0);
}

