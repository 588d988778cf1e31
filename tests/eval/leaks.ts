import type { EvalCases } from '../../src/eval/eval-cases.js';
import type { Pack } from '../../src/knowledge/knowledge.js';

/** An evaluation turn whose question is, once folded, something the bot is trained or built on. */
export interface Overlap {
  /** "case id#turn number", as in the per-turn baseline. */
  readonly key: string;
  readonly q: string;
  /** What it equals: "phrasing of salary", "title of what_is", "conversation phrasing of greeting", … */
  readonly source: string;
}

/** Lower case, quotes dropped, punctuation and white space folded to single spaces; letters of any script kept. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc'`]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The folded text with the career named one way: "where are most medical science liaison jobs" and "where are most
 * MSL jobs" are the same question, and an evaluation turn that differs from a phrasing only there is a copy of it.
 */
export function careerFold(text: string, pack: Pick<Pack, 'career'>): string {
  const short = fold(pack.career.short);
  const names = [...pack.career.aliases, pack.career.name, pack.career.plural, pack.career.shortPlural].map(fold).filter(Boolean).sort((a, b) => b.length - a.length);
  let folded = ` ${fold(text)} `;
  for (const name of names) folded = folded.split(` ${name} `).join(` ${short} `);
  return folded.trim();
}

/**
 * Everything curated that a pack's understanding is trained on, folded: asks, keywords and phrasings. Two kinds are
 * left out, as no one wrote them with a question in mind: the guide's own words (its headings, and keywords and
 * phrasings it prints verbatim), which a person may well type, and the conversation moves ("hello", "yes", "what's next"), which have few
 * wordings to choose from.
 */
export function trainedTexts(packs: readonly Pack[]): Map<string, string> {
  const known = new Map<string, string>();
  for (const pack of packs) {
    const add = (text: string, source: string): void => {
      const key = careerFold(text, pack);
      if (key && !known.has(key)) known.set(key, source);
    };
    const guide = fold(pack.guideText);
    const inGuide = (text: string): boolean => ` ${guide} `.includes(` ${fold(text)} `);
    for (const unit of pack.units.values()) {
      add(unit.ask, `ask of ${unit.id}`);
      for (const k of unit.keywords) if (!inGuide(k)) add(k, `keyword of ${unit.id}`);
    }
    for (const [intent, list] of Object.entries(pack.phrasings)) for (const p of list) if (!inGuide(p)) add(p, `phrasing of ${intent}`);
  }
  return known;
}

/** The turns of a set whose question equals, career names aside, something curated that the bot is trained on. */
export function overlaps(cases: EvalCases, known: ReadonlyMap<string, string>, packs: readonly Pick<Pack, 'career'>[]): Overlap[] {
  return cases.cases.flatMap((c) => c.turns.flatMap((t, i) => {
    const source = packs.map((pack) => known.get(careerFold(t.q, pack))).find((s) => s !== undefined);
    return source ? [{ key: `${c.id}#${i + 1}`, q: t.q, source }] : [];
  }));
}
