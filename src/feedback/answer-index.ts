import type { Activity, TurnContext } from 'botbuilder';

/** What an answer gave, as a vote on it is logged. */
export interface AnsweredWith {
  readonly units: readonly string[];
  /** The reply's outcome: a vote on "the guide doesn't cover that" is not a vote on the section shown under it. */
  readonly outcome: string;
}

/** Whether a vote is to be logged, and with what. */
export interface VoteCheck {
  /** The answer's units and outcome, when this process gave it; a vote naming anything else gets neither. */
  readonly answer?: AnsweredWith;
  /** The same person already voted this way on this answer: nothing new to log. */
  readonly repeat: boolean;
  /** The person voted the other way on this answer before: the new vote replaces that one. */
  readonly changed: boolean;
}

interface Entry extends AnsweredWith {
  vote?: 'up' | 'down';
}

/**
 * Answers this process sent, so a vote is logged with what the answer really gave, never with what the vote claims:
 * Teams names only the message (its id), and Web Chat's vote names units that an anonymous visitor can rewrite. Each
 * answer also remembers the vote it got, so pressing a thumb again logs nothing and switching it logs the change.
 *
 * People vote on recent answers, so a bounded index in memory is enough; a vote that reaches another instance, or
 * comes after the answer dropped out, is logged without units.
 */
export class AnswerIndex {
  private readonly entries = new Map<string, Entry>();

  /**
   * @param capacity Answers remembered: a few minutes of a busy instance's answers, at about 200 bytes each.
   */
  constructor(private readonly capacity = DEFAULT_INDEXED_ANSWERS) {}

  /**
   * Teams: remembers the answer under the id the channel gives `activity` when it is really sent (not while held),
   * which is what Teams' vote names.
   */
  watch(context: TurnContext, activity: Partial<Activity>, answer: AnsweredWith): void {
    // The context sends a copy of the activity, and held replies are copied again when released, so it is told apart
    // by a symbol-keyed mark: copying keeps it, and JSON leaves it out of what goes on the wire.
    const mark = Symbol('answer');
    (activity as Record<symbol, unknown>)[mark] = true;
    context.onSendActivities(async (_context, activities, next) => {
      const sent = await next();
      activities.forEach((a, i) => {
        const id = sent[i]?.id;
        if ((a as Record<symbol, unknown>)[mark] && id) this.remember(messageKey(id), answer);
      });
      return sent;
    });
  }

  /** Web Chat: remembers the answer under the vote id its thumbs carry, in this conversation only. */
  offer(conversation: ConversationKey, voteId: string, answer: AnsweredWith): void {
    this.remember(voteKey(conversation, voteId), answer);
  }

  /** A Teams vote on the message with this id. */
  checkMessageVote(messageId: string | undefined, vote: 'up' | 'down'): VoteCheck {
    return this.check(messageId ? messageKey(messageId) : undefined, vote);
  }

  /** A Web Chat vote in this conversation, naming this vote id. */
  checkWebVote(conversation: ConversationKey, voteId: string | undefined, vote: 'up' | 'down'): VoteCheck {
    return this.check(voteId ? voteKey(conversation, voteId) : undefined, vote);
  }

  private check(key: string | undefined, vote: 'up' | 'down'): VoteCheck {
    const entry = key === undefined ? undefined : this.entries.get(key);
    if (!entry) return { repeat: false, changed: false };
    const before = entry.vote;
    entry.vote = vote;
    return { answer: { units: entry.units, outcome: entry.outcome }, repeat: before === vote, changed: before !== undefined && before !== vote };
  }

  private remember(key: string, answer: AnsweredWith): void {
    const kept = this.entries.get(key);
    this.entries.delete(key);
    // The same answer again (same units in one conversation) keeps the vote it already got.
    this.entries.set(key, { units: answer.units, outcome: answer.outcome, ...(kept?.vote ? { vote: kept.vote } : {}) });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** Which conversation a vote comes from. */
export interface ConversationKey {
  readonly channelId: string;
  readonly conversationId: string;
}

/** The conversation an activity belongs to. */
export function conversationOf(activity: Partial<Activity>): ConversationKey {
  return { channelId: activity.channelId ?? '', conversationId: activity.conversation?.id ?? '' };
}

const messageKey = (id: string): string => `message\u0000${id}`;
const voteKey = ({ channelId, conversationId }: ConversationKey, voteId: string): string => `vote\u0000${channelId}\u0000${conversationId}\u0000${voteId}`;

/** Ten thousand answers: several minutes of a busy instance, about two megabytes. */
export const DEFAULT_INDEXED_ANSWERS = 10_000;
