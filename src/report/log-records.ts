import { z } from 'zod';
import type { TurnEntry } from '../turn-log.js';

/** The latest moment a JavaScript Date can hold; a later `time` could not be shown as a day. */
const MAX_DATE_MS = 8.64e15;
/** When a line was written: pino's `time`, in milliseconds since the epoch. */
const time = z.number().int().nonnegative().max(MAX_DATE_MS);
const ids = z.array(z.string());

/** One turn's decision, as src/turn-log.ts writes it. Fields added later are let through and ignored. */
export const TurnRecord = z.object({
  conversationId: z.string(),
  channelId: z.string(),
  career: z.string(),
  rule: z.string(),
  action: z.string(),
  units: ids,
  confidence: z.number(),
  outcome: z.string().min(1),
  topics: ids,
  offered: ids.optional(),
  took: z.string().optional(),
  latencyMs: z.number(),
  text: z.string().optional(),
});
export type TurnRecord = z.infer<typeof TurnRecord>;

/** A vote on an answer: thumbs up or down under it, with the units the answer gave and an optional comment. */
export const FeedbackRecord = z.object({
  conversationId: z.string(),
  channelId: z.string(),
  career: z.string(),
  units: ids,
  vote: z.enum(['up', 'down']),
  comment: z.string().optional(),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

/** A turn line: `{"level":30,"time":…,"service":…,"turn":{…},"msg":"turn"}`. */
export const TurnLine = z.object({ msg: z.literal('turn'), time, turn: TurnRecord });
/** A feedback line: `{…,"time":…,"feedback":{…},"msg":"feedback"}`. */
export const FeedbackLine = z.object({ msg: z.literal('feedback'), time, feedback: FeedbackRecord });

// The report reads what the bot writes: a TurnEntry must still pass this schema, or the two have drifted apart.
type Assignable<T extends U, U> = T;
export type TurnEntryFitsRecord = Assignable<Omit<TurnEntry, 'units' | 'topics' | 'offered'> & { units: string[]; topics: string[]; offered?: string[] }, TurnRecord>;
