import { foldQuotes } from '../knowledge/guide-parser.js';
import type { Pack } from '../knowledge/knowledge.js';

/**
 * Maps one pack's answer ids to another's for the same guide, so an imported pack (ids read off headings) can be
 * judged by evaluation sets written in the curated pack's ids: units by the heading they quote, salary figures by
 * name. An id with no counterpart stays as it is, and so counts as a miss.
 */
export function idTranslation(from: Pack, to: Pack): (id: string) => string {
  const fold = (s: string | undefined): string => foldQuotes(s ?? '').toLowerCase();
  const byHeading = new Map<string, string>();
  // A unit is named by its title, whether it sits under its own heading or quotes a paragraph under another.
  for (const u of to.units.values()) byHeading.set(fold(u.title), u.id);
  const map = new Map<string, string>();
  for (const u of from.units.values()) {
    const id = byHeading.get(fold(u.title));
    if (id) map.set(u.id, id);
  }
  for (const kind of ['industries', 'states'] as const) {
    for (const rec of from.salary?.[kind]?.records ?? []) {
      const other = to.salary?.[kind]?.records.find((r) => fold(r.name) === fold(rec.name));
      if (other) map.set(rec.id, other.id);
    }
  }
  if (from.salary && to.salary) map.set(from.salary.overview.id, to.salary.overview.id);
  return (id) => map.get(id) ?? id;
}
