import { z } from 'zod';

/** Places and industries remembered for "compare them": the last few are all a follow-up can refer to. */
export const MAX_RECENT_PLACES = 4;
/** Units remembered as shown, so "tell me more" never loops back to one just read. */
export const MAX_SEEN_UNITS = 8;

/**
 * What the bot remembers of a conversation between turns, so follow-ups work. The policy is its only writer; it is
 * saved as JSON in conversation state, and checked when read back (a state written by an older version, or
 * tampered with in storage, is dropped rather than trusted).
 */
export const ConversationMemory = z.object({
  /** The pack the conversation is about, when several careers are served. */
  career: z.string().max(64).optional(),
  /** The last unit answered, for "tell me more" and "what's next". */
  unitId: z.string().max(64).optional(),
  /** The last walk-through step shown (0 for the overview), kept across detours so "what's the next step" resumes. */
  step: z.number().int().min(0).max(100).optional(),
  /** The last salary question's places and industries, for "what about New York?". */
  salary: z.object({
    states: z.array(z.string().max(64)).max(10),
    industries: z.array(z.string().max(64)).max(10),
    /** The figures asked for lately ("state:CA"), newest last, for "compare them" after two questions. */
    recent: z.array(z.string().max(80)).max(MAX_RECENT_PLACES),
  }).optional(),
  /** The choices a "Did you mean…?" offered, for a "yes" or "no" next. */
  offered: z.array(z.string().max(64)).max(3).optional(),
  /** Units shown lately, newest last. */
  seen: z.array(z.string().max(64)).max(MAX_SEEN_UNITS).optional(),
  /** Questions in a row the bot could not answer, for offering a person. */
  misses: z.number().int().min(0).max(100).optional(),
});
export type ConversationMemory = z.infer<typeof ConversationMemory>;

/** Memory read back from storage: checked, and empty when it doesn't check out. */
export function readMemory(stored: unknown): ConversationMemory {
  const parsed = ConversationMemory.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}
