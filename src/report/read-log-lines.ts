import type { z } from 'zod';
import { FeedbackLine, type FeedbackRecord, TurnLine, type TurnRecord } from './log-records.js';

/**
 * Longest line read. A turn line is a few hundred characters; with LOG_USER_TEXT it carries the message, which the
 * server caps with its 256 KB body limit, and JSON escaping can grow that several times over. Past this a line is
 * skipped unread, so one runaway line cannot stall the report.
 */
export const MAX_LINE_CHARS = 2_000_000;

/** Why a line was skipped. */
export type SkipReason = 'not JSON' | 'not a log record' | 'too long' | 'turn line that does not fit' | 'feedback line that does not fit';

/** What one line of a bot log is. */
export type LogLine =
  | { readonly kind: 'turn'; readonly time: number; readonly turn: TurnRecord }
  | { readonly kind: 'feedback'; readonly time: number; readonly feedback: FeedbackRecord }
  /** Another log line (a request, an error, start-up): not the report's business. */
  | { readonly kind: 'other' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'skipped'; readonly reason: SkipReason; readonly detail?: string };

/** Where a line came from, for the report of what was skipped. */
export interface LineSource {
  readonly source: string;
  readonly line: number;
}

/**
 * Reads one line of the bot's standard output. Turn and feedback lines are checked against their schemas; other
 * JSON log lines are recognised and set aside; anything else (a start-up message, a line cut short) is skipped
 * with the reason.
 */
export function parseLogLine(text: string): LogLine {
  if (text.length > MAX_LINE_CHARS) return { kind: 'skipped', reason: 'too long' };
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { kind: 'skipped', reason: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'skipped', reason: 'not a log record' };
  const msg = (value as { msg?: unknown }).msg;
  if (msg === 'turn') {
    const parsed = TurnLine.safeParse(value);
    return parsed.success
      ? { kind: 'turn', time: parsed.data.time, turn: parsed.data.turn }
      : { kind: 'skipped', reason: 'turn line that does not fit', detail: firstIssue(parsed.error) };
  }
  if (msg === 'feedback') {
    const parsed = FeedbackLine.safeParse(value);
    return parsed.success
      ? { kind: 'feedback', time: parsed.data.time, feedback: parsed.data.feedback }
      : { kind: 'skipped', reason: 'feedback line that does not fit', detail: firstIssue(parsed.error) };
  }
  return { kind: 'other' };
}

/** Parses each line of a source, numbering lines from 1: the CLI feeds it a file's or standard input's lines. */
export async function* readLogLines(lines: AsyncIterable<string> | Iterable<string>, source: string): AsyncGenerator<{ line: LogLine; where: LineSource }> {
  let n = 0;
  for await (const text of lines) {
    n += 1;
    yield { line: parseLogLine(text), where: { source, line: n } };
  }
}

/** "turn.outcome: expected string, received number": the field and the problem, never the value (it may be user text). */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
