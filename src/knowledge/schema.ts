import { z } from 'zod';

const lower = z.string().min(1).refine((s) => s === s.toLowerCase(), 'must be lower case');
const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case');
const phrase = z.string().trim().min(1);

export const ExcerptSelector = z.union([
  z.strictObject({ heading: phrase, blocks: z.number().int().positive().optional() }),
  z.strictObject({ from: phrase, blocks: z.number().int().positive() }),
]);

export const UnitSpec = z.strictObject({
  id,
  title: phrase,
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

export const UnitsFile = z.strictObject({
  _about: z.string().optional(),
  salaryLists: z.strictObject({ industries: phrase, states: phrase }),
  units: z.array(UnitSpec).min(1),
});

export const UtterancesFile = z.strictObject({
  _about: z.string().optional(),
  intents: z.record(id, z.array(phrase).min(3, 'give at least 3 utterances per intent')),
});

const State = z.strictObject({
  id: z.string().regex(/^[A-Z]{2}$/),
  name: phrase,
  abbr: z.string().regex(/^[A-Z]{2}$/),
  abbrMatch: z.enum(['any', 'upper', 'never']).default('any'),
  aliases: z.array(phrase).default([]),
});
const Industry = z.strictObject({ id, name: phrase, aliases: z.array(phrase).default([]) });
const Career = z.strictObject({ id, name: phrase, aliases: z.array(phrase).min(1), inGuide: z.boolean().default(false) });

export const EntitiesFile = z.strictObject({
  _about: z.string().optional(),
  states: z.array(State).min(1),
  industries: z.array(Industry).min(1),
  careers: z.array(Career).default([]),
  jobTitles: z.array(lower).default([]),
});

export const SynonymsFile = z.strictObject({
  _about: z.string().optional(),
  phrases: z.record(lower, lower),
  // An empty replacement drops the word ("lol").
  words: z.record(lower, z.string().refine((s) => s === s.toLowerCase(), 'must be lower case')),
});

export const RepliesFile = z.strictObject({
  _about: z.string().optional(),
  sourcePrefix: phrase,
  welcome: phrase,
  help: phrase,
  greeting: phrase,
  thanks: phrase,
  acknowledge: phrase,
  bye: phrase,
  cancel: phrase,
  startOver: phrase,
  fallback: phrase,
  clarify: phrase,
  noMore: phrase,
  nextStepDone: phrase,
  salaryNoDataState: phrase.includes('{place}'),
  salaryNoDataCareer: phrase.includes('{place}'),
  salaryOne: phrase.includes('{name}').includes('{figure}').includes('{rank}').includes('{count}').includes('{list}'),
  salaryCompareHigher: phrase.includes('{higher}').includes('{difference}'),
  salaryCompareEqual: phrase,
  salaryOverviewIntro: phrase,
  salaryCardOne: phrase.includes('{place}'),
  salaryCardCompare: phrase,
  askPlace: phrase.includes('{place}'),
  askOther: phrase.includes('{place}'),
  askTopIndustry: phrase,
  askTopState: phrase,
  askBecome: phrase,
  askSkills: phrase,
  starters: z.array(phrase).min(1).max(3, 'Teams shows at most three suggested actions'),
});

export type UnitSpec = z.infer<typeof UnitSpec>;
export type ExcerptSelector = z.infer<typeof ExcerptSelector>;
export type UnitsFile = z.infer<typeof UnitsFile>;
export type UtterancesFile = z.infer<typeof UtterancesFile>;
export type EntitiesFile = z.infer<typeof EntitiesFile>;
export type SynonymsFile = z.infer<typeof SynonymsFile>;
export type Replies = z.infer<typeof RepliesFile>;
