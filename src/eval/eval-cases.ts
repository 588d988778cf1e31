import { z } from 'zod';

const Turn = z.strictObject({
  q: z.string(),
  /** The reply must give one of these units. */
  expect: z.array(z.string()).min(1).optional(),
  /** The reply must give every one of these units (a question with several parts). */
  all: z.array(z.string()).min(1).optional(),
  /** The reply must be of this kind: the off-topic reply, an honest no-figure, small talk, or the English-only reply. */
  outcome: z.enum(['fallback', 'nodata', 'smalltalk', 'language']).optional(),
  /** The question is about the career but the guide doesn't (fully) answer it: the reply must say so plainly. */
  gap: z.literal(true).optional(),
  /** Any sensible reply. */
  any: z.literal(true).optional(),
  /** Words the reply must not contain. */
  forbid: z.array(z.string()).optional(),
}).refine(
  (t) => [t.expect, t.all, t.outcome, t.any].filter((x) => x !== undefined).length === 1 || (t.gap === true && t.all === undefined && t.outcome === undefined && t.any === undefined),
  'a turn needs exactly one of expect, all, outcome or any, or gap (with expect or alone)',
);

export const EvalCases = z.strictObject({
  _about: z.string().optional(),
  cases: z.array(z.strictObject({ id: z.string(), category: z.string(), turns: z.array(Turn).min(1) })).min(1),
});
export type EvalCases = z.infer<typeof EvalCases>;
export type EvalTurn = z.infer<typeof Turn>;
