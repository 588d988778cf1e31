import type { Pack } from '../knowledge/knowledge.js';
import { fill, type TemplateName } from '../knowledge/templates.js';

/** One of the bot's own sentences, from the pack's reply templates, with the career's names filled in. */
export function say(pack: Pack, name: TemplateName, slots: Readonly<Record<string, string>> = {}): string {
  const c = pack.career;
  return fill(pack.replies[name], { career: c.name, careers: c.plural, short: c.short, shorts: c.shortPlural, guide: pack.guide.title, ...slots });
}

/** "California, New Jersey or New York". */
export function joinNames(names: readonly string[], last = 'or'): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${last} ${names[names.length - 1]}`;
}
