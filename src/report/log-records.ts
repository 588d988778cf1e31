import { z } from 'zod';
import type { FeedbackEntry } from '../feedback/feedback-log.js';
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

/**
 * A vote on an answer: thumbs up or down under it, with the units the answer gave and, when logging user text is on,
 * the comment. The bot does not name the career in a vote; the report takes it from the conversation's turns.
 */
export const FeedbackRecord = z.object({
  conversationId: z.string(),
  channelId: z.string(),
  career: z.string().optional(),
  units: ids,
  outcome: z.string().optional(),
  vote: z.enum(['up', 'down']),
  changed: z.literal(true).optional(),
  comment: z.string().optional(),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

/** A turn line: `{"level":30,"time":…,"service":…,"turn":{…},"msg":"turn"}`. */
export const TurnLine = z.object({ msg: z.literal('turn'), time, turn: TurnRecord });
/** A feedback line: `{…,"time":…,"feedback":{…},"msg":"feedback"}`. */
export const FeedbackLine = z.object({ msg: z.literal('feedback'), time, feedback: FeedbackRecord });

// What the bot writes must read here: these stop compiling when TurnEntry or FeedbackEntry drift from the schemas.
type Fits<T extends U, U> = T;
type Writable<T> = { -readonly [K in keyof T]: WritableArray<T[K]> };
type WritableArray<V> = V extends readonly (infer E)[] ? E[] : V;
export type TurnEntryFits = Fits<Writable<TurnEntry>, TurnRecord>;
export type FeedbackEntryFits = Fits<Writable<FeedbackEntry>, FeedbackRecord>;
