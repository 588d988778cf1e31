import { MAX_READ_CHARS } from './understanding/sentences.js';
import type { Logger } from './logger.js';

/** Outcomes of turns the bot could not fully answer: what the unanswered-questions report is about. */
export const UNANSWERED_OUTCOMES: ReadonlySet<string> = new Set(['partial', 'gap', 'clarify', 'off_topic', 'nodata']);

/** What the bot decided in one turn: enough to count unanswered questions, see which rule answered, and chart it. */
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
  /** The curated topics the question named that the guide doesn't cover ("visa"): no user text, so always logged. */
  readonly topics: readonly string[];
  /** The "Did you mean…?" choices offered, when the bot asked. */
  readonly offered?: readonly string[];
  /** The choice taken, when the message answered an earlier "Did you mean…?". */
  readonly took?: string;
  readonly latencyMs: number;
  /** The user's words: every turn's with LOG_USER_TEXT, or unanswered turns' with LOG_UNANSWERED_TEXT, masked. */
  readonly text?: string;
}

export interface TurnLog {
  turn(entry: Omit<TurnEntry, 'text'>, text: string): void;
}

/** What a turn log may carry of the user's words. */
export interface TextLogging {
  readonly userText: boolean;
  readonly unansweredText: boolean;
}

/**
 * Logs each turn's decision. The user's words are left out unless logging them was switched on: all of them
 * (LOG_USER_TEXT, for content review), or only those of questions the bot could not answer (LOG_UNANSWERED_TEXT),
 * with e-mail addresses and phone numbers masked.
 */
export function loggerTurnLog(base: Logger, logging: TextLogging): TurnLog {
  // A turn line holds ids, rule names, scores and the masked text, never a credential: pino's redaction, which walks
  // every field of every line, need not walk these.
  const logger = base.child({}, { redact: [] });
  return {
    turn(entry, text) {
      const keep = logging.userText || (logging.unansweredText && UNANSWERED_OUTCOMES.has(entry.outcome));
      logger.info({ turn: keep ? { ...entry, text: maskContacts(text) } : entry }, 'turn');
    },
  };
}

// An e-mail address, and a phone number: seven or more digits, with the separators people type between them.
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /(?:\+?\d[\s().-]*){7,}\d/g;

/**
 * Longest text logged: what the bot reads of a message at all (MAX_READ_CHARS). It also bounds the masking, whose
 * patterns take time growing with the square of the length on hostile input (100,000 letters took 10 s).
 */
export const MAX_LOGGED_TEXT_CHARS = MAX_READ_CHARS;

/**
 * The text cut to MAX_LOGGED_TEXT_CHARS at a word boundary (so no address is left half there), with e-mail
 * addresses and phone numbers replaced: a log never holds a way to reach the person.
 */
export function maskContacts(text: string): string {
  let kept = text;
  if (kept.length > MAX_LOGGED_TEXT_CHARS) {
    const space = kept.lastIndexOf(' ', MAX_LOGGED_TEXT_CHARS);
    kept = kept.slice(0, space > 0 ? space : MAX_LOGGED_TEXT_CHARS);
  }
  return kept.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}
