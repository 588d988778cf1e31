import { SALARY_LINE } from './derive-units.js';
import type { GuideBlock } from './guide-parser.js';
import type { Industry, SalaryKind, SalaryRecord, SalaryTable, State } from './knowledge.js';
import { selectExcerpt } from './resolve-units.js';

type Report = (message: string) => void;

/** Reads one of the guide's "Name – $123,456" lists into records, matching each name to a state or industry. */
export function salaryTable(
  kind: SalaryKind, heading: string, blocks: readonly GuideBlock[],
  entities: ReadonlyArray<State | Industry>, report: Report, reportEntity: Report,
): SalaryTable | undefined {
  const { parts } = selectExcerpt({ heading }, blocks, report);
  const list = parts.find((p) => p.kind === 'list');
  if (!list || list.kind !== 'list') {
    report(`"${heading}" has no bullet list of figures under it`);
    return undefined;
  }
  const records: SalaryRecord[] = [];
  for (const item of list.items) {
    const m = SALARY_LINE.exec(item);
    if (!m) { report(`"${item}" is not of the form "Name – $123,456"`); continue; }
    const [, name, display] = m as unknown as [string, string, string];
    const entity = entities.find((e) => e.name.toLowerCase() === name.toLowerCase());
    if (!entity) {
      reportEntity(`has no ${kind} named "${name}", which the guide lists under "${heading}"`);
      continue;
    }
    records.push({
      id: kind === 'state' ? `salary_state_${entity.id.toLowerCase()}` : `salary_ind_${entity.id}`,
      kind, entityId: entity.id, name,
      inline: 'inline' in entity ? entity.inline : name,
      display, annual: Number(display.replace(/[$,]/g, '')),
    });
  }
  return { kind, heading, records };
}

/** Whether a salary list names states (every name is a US state) or industries. */
export function listKind(blocks: readonly GuideBlock[], heading: string, states: readonly State[]): SalaryKind {
  const { parts } = selectExcerpt({ heading }, blocks, () => {});
  const list = parts.find((p) => p.kind === 'list');
  // Lines of the wrong shape are reported by salaryTable; the kind is told from the lines that have a name.
  const names = list?.kind === 'list' ? list.items.flatMap((i) => SALARY_LINE.exec(i)?.[1]?.toLowerCase() ?? []) : [];
  return names.length > 0 && names.every((n) => states.some((s) => s.name.toLowerCase() === n)) ? 'state' : 'industry';
}

/** The names a salary list gives, for packs whose industries are read off the guide. */
export function listNames(blocks: readonly GuideBlock[], heading: string): string[] {
  const { parts } = selectExcerpt({ heading }, blocks, () => {});
  const list = parts.find((p) => p.kind === 'list');
  return list?.kind === 'list' ? list.items.flatMap((i) => SALARY_LINE.exec(i)?.[1] ?? []) : [];
}
