import { LIST_IDS } from '../answer/compose-salary.js';
import type { Knowledge } from '../knowledge/load-knowledge.js';
import type { Pack } from '../knowledge/knowledge.js';
import { SALARY_INTENTS } from '../knowledge/knowledge.js';

/** What the report shows in place of ids: careers' names, units' titles and topics' labels, from the knowledge. */
export interface ReportCatalogue {
  /** By career id (the pack id in the log's `career`). */
  readonly careers: Readonly<Record<string, { readonly name: string; readonly units: Readonly<Record<string, string>> }>>;
  /** By topic id, from knowledge/common/topics.json. */
  readonly topics: Readonly<Record<string, string>>;
  /** The careers' one-word names ("msl", "msls"): left out of a question's focus words, since every question has them. */
  readonly careerWords: readonly string[];
}

/** A catalogue with no names: the report then shows ids. */
export const EMPTY_CATALOGUE: ReportCatalogue = { careers: {}, topics: {}, careerWords: [] };

/** The names the report shows for what the loaded packs can log: units, salary records and lists, salary intents. */
export function catalogueFromKnowledge(knowledge: Knowledge): ReportCatalogue {
  const careers: Record<string, { name: string; units: Record<string, string> }> = {};
  for (const pack of knowledge.packs) careers[pack.id] = { name: pack.career.name, units: unitTitles(pack) };
  const topics = Object.fromEntries(knowledge.common.topics.topics.map((t) => [t.id, t.label]));
  const careerWords = new Set<string>();
  for (const pack of knowledge.packs) {
    const names = [pack.career.short, pack.career.shortPlural, ...pack.career.aliases].map((n) => n.toLowerCase());
    for (const name of names) if (/^[a-z0-9]+$/.test(name)) careerWords.add(name);
  }
  return { careers, topics, careerWords: [...careerWords] };
}

function unitTitles(pack: Pack): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const unit of pack.units.values()) titles[unit.id] = unit.title;
  const salary = pack.salary;
  if (!salary) return titles;
  // A "Did you mean…?" may offer the pay question itself, which the overview answers.
  titles[SALARY_INTENTS[0]] = salary.overview.title;
  for (const table of [salary.industries, salary.states]) {
    if (!table) continue;
    titles[LIST_IDS[table.kind]] = table.heading;
    for (const record of table.records) titles[record.id] = `${table.heading}: ${record.name}`;
  }
  return titles;
}
