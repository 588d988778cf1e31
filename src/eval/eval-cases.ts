import { z } from 'zod';

const Turn = z.strictObject({
  q: z.string(),
  expect: z.array(z.string()).min(1).optional(),
  all: z.array(z.string()).min(1).optional(),
  outcome: z.enum(['fallback', 'nodata', 'smalltalk']).optional(),
}).refine((t) => [t.expect, t.all, t.outcome].filter((x) => x !== undefined).length === 1, 'a turn needs exactly one of expect, all or outcome');

export const EvalCases = z.strictObject({
  _about: z.string().optional(),
  cases: z.array(z.strictObject({ id: z.string(), category: z.string(), turns: z.array(Turn).min(1) })).min(1),
});
export type EvalCases = z.infer<typeof EvalCases>;
export type EvalTurn = z.infer<typeof Turn>;
