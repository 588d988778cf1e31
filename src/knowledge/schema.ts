import { z } from 'zod';

const lower = z.string().min(1).refine((s) => s === s.toLowerCase(), 'must be lower case');
const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case');
const phrase = z.string().trim().min(1);
const about = z.string().optional();
/** Button captions: Teams clips longer ones at both ends and Web Chat truncates them on phones. */
export const MAX_LABEL_CHARS = 30;
const label = phrase.max(MAX_LABEL_CHARS, `button labels are at most ${MAX_LABEL_CHARS} characters`);

// ---- A guide pack: pack.json, guide.txt, and an optional curated overlay -------------------------------------

export const PackFile = z.strictObject({
  _about: about,
  /** Short id of the career, used in logs and when several packs are loaded. */
  id,
  career: z.strictObject({
    name: phrase,
    plural: phrase,
    short: phrase,
    shortPlural: phrase,
    /** Other ways people name the career ("medical liaison"); the names above are always recognised. */
    aliases: z.array(lower).default([]),
  }),
  guide: z.strictObject({
    title: phrase,
    /** Where the guide is published; sources link to its sections when set (GUIDE_URL overrides it). */
    url: z.url({ protocol: /^https?$/ }).optional(),
  }),
  /** Headings of the guide's salary section and lists; left out, they are found by their shape, or there are none. */
  salary: z.strictObject({
    overview: phrase.optional(), industries: phrase.optional(), states: phrase.optional(),
    // How often the figures are paid, said after each one ("a year"). The guide may print them bare; this is the
    // content owner's word for it. Left out, figures are shown as printed and the bot says the guide doesn't say.
    period: phrase.optional(),
  }).optional(),
  /** Names in the guide's lists that are worth a link ("LinkedIn"), with their address. */
  links: z.record(phrase, z.url({ protocol: /^https$/ })).default({}),
});

export const ExcerptSelector = z.union([
  z.strictObject({ heading: phrase, blocks: z.number().int().positive().optional() }),
  z.strictObject({ from: phrase, blocks: z.number().int().positive() }),
]);

export const UnitSpec = z.strictObject({
  id,
  title: phrase,
  /** The caption of a button that asks this unit's question; the title, shortened, when left out. */
  label: label.optional(),
  parent: id.optional(),
  step: z.number().int().positive().optional(),
  excerpt: ExcerptSelector,
  children: z.array(id).default([]),
  listChildren: z.boolean().default(true),
  ask: phrase,
  keywords: z.array(phrase).default([]),
  more: id.optional(),
  related: z.array(id).default([]),
});

export const UnitsFile = z.strictObject({ _about: about, units: z.array(UnitSpec).min(1) });

const phrasingList = z.array(phrase).min(1, 'give at least one phrasing');
export const PhrasingsFile = z.strictObject({ _about: about, intents: z.record(id, phrasingList) });

const State = z.strictObject({
  id: z.string().regex(/^[A-Z]{2}$/),
  name: phrase,
  abbr: z.string().regex(/^[A-Z]{2}$/),
  abbrMatch: z.enum(['any', 'upper', 'never']).default('any'),
  aliases: z.array(phrase).default([]),
});
const Industry = z.strictObject({
  id,
  name: phrase,
  /** How the name reads inside a sentence ("hospitals", "the federal government"); the name in lower case by default. */
  inline: phrase.optional(),
  aliases: z.array(phrase).default([]),
});
const Career = z.strictObject({ id, name: phrase, aliases: z.array(phrase).min(1) });
const Place = z.strictObject({ id, name: phrase, aliases: z.array(lower).min(1) });

/** Entities every pack shares: US states, industries and careers people name, places abroad. */
export const CommonEntitiesFile = z.strictObject({
  _about: about,
  states: z.array(State).min(1),
  industries: z.array(Industry).default([]),
  careers: z.array(Career).default([]),
  jobTitles: z.array(lower).default([]),
  places: z.array(Place).default([]),
});

/** A pack's own entities: its salary industries, and careers whose standing the guide's text doesn't show. */
export const PackEntitiesFile = z.strictObject({
  _about: about,
  industries: z.array(Industry).default([]),
  careers: z.array(z.strictObject({ id, inGuide: z.boolean() })).default([]),
});

export const SynonymsFile = z.strictObject({
  _about: about,
  phrases: z.record(lower, lower).default({}),
  // An empty replacement drops the word ("lol").
  words: z.record(lower, z.string().refine((s) => s === s.toLowerCase(), 'must be lower case')).default({}),
});

export const Starter = z.strictObject({ label, ask: phrase });
/** Reply templates by name; which names and slots exist is checked against src/knowledge/templates.ts. */
export const RepliesFile = z.looseObject({
  _about: about,
  starters: z.array(Starter).min(1).max(3, 'Teams shows at most three suggested actions').optional(),
}).transform(({ _about, starters, ...templates }, ctx) => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(templates)) {
    if (typeof value !== 'string' || value.trim() === '') ctx.addIssue({ code: 'custom', path: [name], message: 'must be a non-empty string' });
    else out[name] = value;
  }
  return { starters, templates: out };
});

/** Topics people ask about that career guides often leave out, so a gap can be named in plain words. */
export const TopicsFile = z.strictObject({
  _about: about,
  topics: z.array(z.strictObject({
    id,
    /** How the gap sentence names it: "The guide doesn't cover {label}." */
    label: phrase,
    phrases: z.array(lower).min(1),
    /** A salary qualifier: asked with a pay question, the figures are given with the gap ("first-year pay"). */
    salary: z.boolean().default(false),
    /** What a guide usually says that comes closest, in plain words ("work environment travel"): found like a question. */
    near: phrase.optional(),
  })),
  /** Words that ask for a number ("how many", "percentage"): a passage without figures then only half answers. */
  quantity: z.array(lower).default([]),
  /** Words that ask for a judgement of a listed name ("is Pfizer a good company?"), which a list can't give. */
  evaluative: z.array(lower).default([]),
});

export type PackFile = z.infer<typeof PackFile>;
export type UnitSpec = z.infer<typeof UnitSpec>;
export type ExcerptSelector = z.infer<typeof ExcerptSelector>;
export type PackEntities = z.infer<typeof PackEntitiesFile>;
export type CommonEntitiesFile = z.infer<typeof CommonEntitiesFile>;
export type SynonymsFile = z.infer<typeof SynonymsFile>;
export type TopicsFile = z.infer<typeof TopicsFile>;
export type Starter = z.infer<typeof Starter>;
