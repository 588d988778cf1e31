import type { Logger } from '../logger.js';
import { maskContacts, type TextLogging } from '../turn-log.js';
import type { AnsweredWith } from './answer-index.js';
import type { Vote } from './vote.js';

/** One vote, as the unanswered-questions report reads it. */
export interface FeedbackEntry {
  readonly conversationId: string;
  readonly channelId: string;
  /** The units the answer gave, as the bot remembers it; empty when it does not (another instance, or a forged id). */
  readonly units: readonly string[];
  /** The answer's outcome (answer, partial, gap, salary, nodata), when known. */
  readonly outcome?: string;
  readonly vote: 'up' | 'down';
  /** The person had voted the other way on this answer: this vote replaces that one. */
  readonly changed?: true;
  /** The comment given with the vote; only when logging user text is on, masked. */
  readonly comment?: string;
}

export interface FeedbackLog {
  vote(conversationId: string, channelId: string, vote: Vote, answer: AnsweredWith | undefined, changed: boolean): void;
}

/** Logs each vote on an answer; a comment counts as user text, so it is logged only when that is switched on. */
export function loggerFeedbackLog(logger: Logger, logging: TextLogging): FeedbackLog {
  return {
    vote(conversationId, channelId, vote, answer, changed) {
      const keep = vote.comment && (logging.userText || logging.unansweredText);
      const feedback: FeedbackEntry = {
        conversationId, channelId, units: answer?.units ?? [], ...(answer ? { outcome: answer.outcome } : {}), vote: vote.vote,
        ...(changed ? { changed: true } : {}), ...(keep ? { comment: maskContacts(vote.comment!) } : {}),
      };
      logger.info({ feedback }, 'feedback');
    },
  };
}
