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
 * Everything curated that a pack's understanding is trained on, folded: asks, keywords and phrasings. Two kinds are
 * left out, as no one wrote them with a question in mind: the guide's own words (its headings, and keywords it prints
 * verbatim), which a person may well type, and the conversation moves ("hello", "yes", "what's next"), which have few
 * wordings to choose from.
 */
export function trainedTexts(packs: readonly Pack[]): Map<string, string> {
  const known = new Map<string, string>();
  const add = (text: string, source: string): void => {
    const key = fold(text);
    if (key && !known.has(key)) known.set(key, source);
  };
  for (const pack of packs) {
    const guide = fold(pack.guideText);
    const inGuide = (text: string): boolean => ` ${guide} `.includes(` ${fold(text)} `);
    for (const unit of pack.units.values()) {
      add(unit.ask, `ask of ${unit.id}`);
      for (const k of unit.keywords) if (!inGuide(k)) add(k, `keyword of ${unit.id}`);
    }
    for (const [intent, list] of Object.entries(pack.phrasings)) for (const p of list) add(p, `phrasing of ${intent}`);
  }
  return known;
}

/** The turns of a set whose question equals something curated that the bot is trained on. */
export function overlaps(cases: EvalCases, known: ReadonlyMap<string, string>): Overlap[] {
  return cases.cases.flatMap((c) => c.turns.flatMap((t, i) => {
    const source = known.get(fold(t.q));
    return source ? [{ key: `${c.id}#${i + 1}`, q: t.q, source }] : [];
  }));
}
