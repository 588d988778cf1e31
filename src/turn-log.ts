import type { Logger } from './logger.js';

/** What the bot decided in one turn: enough to count unanswered and low-confidence questions. */
export interface TurnEntry {
  readonly conversationId: string;
  readonly channelId: string;
  /** The intent acted on: a unit id, "salary", a small-talk intent, or the decision kind. */
  readonly intent: string;
  readonly confidence: number;
  /** answer, salary, nodata, talk, clarify, fallback or no_more. */
  readonly outcome: string;
  readonly latencyMs: number;
  /** The user's words; only when LOG_USER_TEXT is on, for content review. */
  readonly text?: string;
}

export interface TurnLog {
  turn(entry: Omit<TurnEntry, 'text'>, text: string): void;
}

/** Logs each turn's decision; the user's text is left out unless logging it was switched on. */
export function loggerTurnLog(logger: Logger, logUserText: boolean): TurnLog {
  return {
    turn(entry, text) {
      logger.info({ turn: logUserText ? { ...entry, text } : entry }, 'turn');
    },
  };
}
