import type { Logger } from './logger.js';

/** What the bot decided in one turn: enough to count unanswered questions and see which rule answered. */
export interface TurnEntry {
  readonly conversationId: string;
  readonly channelId: string;
  /** The pack the message was read against. */
  readonly career: string;
  /** The policy rule that decided. */
  readonly rule: string;
  /** answer, salary, gap, clarify, talk, off_topic, … */
  readonly action: string;
  /** Guide units and salary records the reply gave. */
  readonly units: readonly string[];
  readonly confidence: number;
  /** answer, partial, gap, salary, nodata, clarify, talk, off_topic, language, no_more or handoff. */
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
