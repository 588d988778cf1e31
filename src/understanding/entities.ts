import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import type { Entities } from '../knowledge/knowledge.js';
import { isShouting } from './normalize.js';
import { maxEdits, MIN_CORRECTABLE_LENGTH } from './spelling.js';
import type { TextPipeline } from './text-pipeline.js';

export type EntityType = 'state' | 'industry' | 'career' | 'place';

/** A US state, industry, career or place abroad named in a message, with its token span. */
export interface EntityMention {
  readonly type: EntityType;
  readonly id: string;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /**
   * The guide knows it: for careers, the guide names the job (an MSL career path, so it is on topic); for
   * industries, the guide lists a figure for it. Always true for states, and false for places abroad.
   */
  readonly inGuide: boolean;
  /** The canonical words as typed, e.g. "tx" or "new york". */
  readonly surface: string;
}

interface Pattern { readonly type: EntityType; readonly id: string; readonly name: string; readonly fuzzy: boolean; readonly inGuide: boolean }

// Fuzzy lookups remembered; the bound holds a busy day's misspellings and keeps floods of gibberish from growing memory.
const MAX_CACHED_FUZZY = 20_000;
// Aliases are phrases of at most this many words ("district of columbia", "new york city").
const MAX_ALIAS_WORDS = 4;

/** Finds US states, industries and other careers in canonical tokens. */
export class EntityExtractor {
  private readonly exact = new Map<string, Pattern>();
  private readonly fuzzyByWords = new Map<number, Array<[string, Pattern]>>();
  private readonly abbreviations = new Map<string, { pattern: Pattern; match: 'any' | 'upper'; typed: RegExp }>();
  private readonly jobTitles: ReadonlySet<string>;
  /**
   * Every alias's first word, with the lengths in words of the aliases it starts as bits (bit n: an alias of n words):
   * a phrase can only be an exact alias of a length some alias starting with its first word has.
   */
  private readonly aliasLengths = new Map<string, number>();
  /** Fuzzy matches of phrases that are no alias, remembered: a misspelt word comes back in the next message. */
  private readonly fuzzyCache = new Map<string, Pattern | null>();

  /**
   * @param isKnownWord Words spelt right; a phrase made only of them is not a typo of a place, so the costly fuzzy
   *   comparison is skipped ("new yrok" is tried, "new role" is not).
   */
  constructor(entities: Entities, pipeline: TextPipeline, private readonly isKnownWord: (word: string) => boolean = () => false) {
    this.jobTitles = new Set(entities.jobTitles);
    const add = (alias: string, pattern: Pattern): void => {
      const key = pipeline.canonical(alias).join(' ');
      if (!key || this.exact.has(key)) return;
      this.exact.set(key, pattern);
      const words = key.split(' ').length;
      const first = key.split(' ')[0]!;
      this.aliasLengths.set(first, (this.aliasLengths.get(first) ?? 0) | (1 << words));
      if (pattern.fuzzy && key.length >= MIN_CORRECTABLE_LENGTH && /^[a-z ]+$/.test(key)) {
        const list = this.fuzzyByWords.get(words) ?? [];
        list.push([key, pattern]);
        this.fuzzyByWords.set(words, list);
      }
    };
    for (const s of entities.states) {
      const pattern: Pattern = { type: 'state', id: s.id, name: s.name, fuzzy: true, inGuide: true };
      [s.name, ...s.aliases].forEach((a) => add(a, pattern));
      // "IN" for Indiana counts only in capitals, which the message as typed (not the lower-case tokens) shows.
      if (s.abbrMatch !== 'never') this.abbreviations.set(s.abbr.toLowerCase(), { pattern, match: s.abbrMatch, typed: new RegExp(`\\b${s.abbr.toUpperCase()}\\b`) });
    }
    for (const i of entities.industries) {
      const pattern: Pattern = { type: 'industry', id: i.id, name: i.name, fuzzy: false, inGuide: i.listed };
      [i.name, ...i.aliases].forEach((a) => add(a, pattern));
    }
    for (const p of entities.places) {
      const pattern: Pattern = { type: 'place', id: p.id, name: p.name, fuzzy: false, inGuide: false };
      p.aliases.forEach((a) => add(a, pattern));
    }
    for (const c of entities.careers) {
      const pattern: Pattern = { type: 'career', id: c.id, name: c.name, fuzzy: false, inGuide: c.inGuide };
      c.aliases.forEach((a) => add(a, pattern));
    }
  }

  /** Mentions in order of appearance; longer phrases win over the words inside them. */
  extract(tokens: readonly string[], raw: string): EntityMention[] {
    const out: EntityMention[] = [];
    const shouting = isShouting(raw);
    // Where the next word no vocabulary knows is, from each position: a phrase may be a misspelt place only if one is inside it.
    const nextUnknown = new Int32Array(tokens.length + 1);
    nextUnknown[tokens.length] = tokens.length;
    for (let i = tokens.length - 1; i >= 0; i--) nextUnknown[i] = this.isKnownWord(tokens[i]!) ? nextUnknown[i + 1]! : i;
    for (let i = 0; i < tokens.length;) {
      const hit = this.matchAt(tokens, i, raw, shouting, nextUnknown);
      if (hit) {
        if (!out.some((m) => m.type === hit.type && m.id === hit.id)) out.push(hit);
        i = hit.end;
      } else {
        i++;
      }
    }
    return out;
  }

  /**
   * A job title the careers list does not name ("pharmacovigilance specialist", "MSL manager"): the
   * title word with the word before it, as the user wrote them. Undefined when there is none.
   */
  jobTitle(tokens: readonly string[], taken: readonly EntityMention[]): EntityMention | undefined {
    const i = tokens.findIndex((t, at) => this.jobTitles.has(t) && !taken.some((m) => at >= m.start && at < m.end));
    if (i < 0) return undefined;
    const start = i > 0 && !taken.some((m) => i - 1 >= m.start && i - 1 < m.end) ? i - 1 : i;
    const words = tokens.slice(start, i + 1).map((w) => (w === 'msl' ? 'MSL' : w));
    return { type: 'career', id: 'job_title', name: `${words.join(' ')}s`.replace(/ss$/, 's'), start, end: i + 1, inGuide: true, surface: tokens.slice(start, i + 1).join(' ') };
  }

  private matchAt(tokens: readonly string[], i: number, raw: string, shouting: boolean, nextUnknown: Int32Array): EntityMention | undefined {
    const lengths = this.aliasLengths.get(tokens[i]!) ?? 0;
    for (let n = Math.min(MAX_ALIAS_WORDS, tokens.length - i); n >= 1; n--) {
      // Only a phrase with a word no vocabulary knows may be a misspelt place; only one as long as an alias starting
      // with its first word may be that alias.
      const misspelt = nextUnknown[i]! < i + n;
      const mayBeAlias = ((lengths >> n) & 1) === 1;
      if (!mayBeAlias && !misspelt) continue;
      const key = tokens.slice(i, i + n).join(' ');
      const p = (mayBeAlias ? this.exact.get(key) : undefined) ?? (misspelt ? this.cachedFuzzy(key, n) : undefined);
      if (p) return { type: p.type, id: p.id, name: p.name, start: i, end: i + n, inGuide: p.inGuide, surface: key };
    }
    const abbr = this.abbreviations.get(tokens[i] ?? '');
    if (abbr && (abbr.match === 'any' || (!shouting && abbr.typed.test(raw)))) {
      return { type: abbr.pattern.type, id: abbr.pattern.id, name: abbr.pattern.name, start: i, end: i + 1, inGuide: true, surface: tokens[i]! };
    }
    return undefined;
  }

  private cachedFuzzy(key: string, words: number): Pattern | undefined {
    const known = this.fuzzyCache.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = this.fuzzy(key, words);
    if (this.fuzzyCache.size >= MAX_CACHED_FUZZY) this.fuzzyCache.clear();
    this.fuzzyCache.set(key, found ?? null);
    return found;
  }

  private fuzzy(key: string, words: number): Pattern | undefined {
    const limit = maxEdits(key.length);
    if (limit === 0) return undefined;
    let best: Pattern | undefined;
    let bestDistance = limit + 1;
    for (const [alias, pattern] of this.fuzzyByWords.get(words) ?? []) {
      if (alias[0] !== key[0] || Math.abs(alias.length - key.length) > limit) continue;
      const d = DamerauLevenshteinDistance(key, alias);
      if (d < bestDistance) { best = pattern; bestDistance = d; }
    }
    return best;
  }
}
