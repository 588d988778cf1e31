import type { Logger } from '../logger.js';
import { maskContacts, type TextLogging } from '../turn-log.js';
import type { Vote } from './vote.js';

/** One vote, as the unanswered-questions report reads it. */
export interface FeedbackEntry {
  readonly conversationId: string;
  readonly channelId: string;
  readonly units: readonly string[];
  readonly vote: 'up' | 'down';
  /** The comment given with the vote; only when logging user text is on, masked. */
  readonly comment?: string;
}

export interface FeedbackLog {
  vote(conversationId: string, channelId: string, vote: Vote, units: readonly string[]): void;
}

/** Logs each vote on an answer; a comment counts as user text, so it is logged only when that is switched on. */
export function loggerFeedbackLog(logger: Logger, logging: TextLogging): FeedbackLog {
  return {
    vote(conversationId, channelId, vote, units) {
      const keep = vote.comment && (logging.userText || logging.unansweredText);
      const feedback: FeedbackEntry = { conversationId, channelId, units, vote: vote.vote, ...(keep ? { comment: maskContacts(vote.comment!) } : {}) };
      logger.info({ feedback }, 'feedback');
    },
  };
}
