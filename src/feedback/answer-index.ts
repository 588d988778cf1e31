import { z } from 'zod';

/**
 * The last answers of a conversation, by activity id, so a vote that names only the message it is about (Teams'
 * feedback loop) can be logged with the units that message gave. People vote on recent answers; older ones drop out.
 */
export const MAX_INDEXED_ANSWERS = 10;

const AnswerIndex = z.array(z.object({ id: z.string().max(300), units: z.array(z.string().max(64)).max(10) })).max(MAX_INDEXED_ANSWERS);
export type AnswerIndex = z.infer<typeof AnswerIndex>;

/** The index as stored, checked; empty when it doesn't check out. */
export function readAnswerIndex(stored: unknown): AnswerIndex {
  const parsed = AnswerIndex.safeParse(stored ?? []);
  return parsed.success ? parsed.data : [];
}

export function indexAnswer(index: AnswerIndex, id: string, units: readonly string[]): AnswerIndex {
  return [...index.filter((a) => a.id !== id), { id, units: [...units] }].slice(-MAX_INDEXED_ANSWERS);
}

export function unitsOf(index: AnswerIndex, id: string | undefined): readonly string[] {
  return (id && index.find((a) => a.id === id)?.units) || [];
}
