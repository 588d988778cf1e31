import { randomUUID } from 'node:crypto';

/**
 * A conversation untouched for this long is forgotten. Half an hour matches the life of a Direct Line token, so a
 * page left open without a question for longer starts afresh, as Azure's Direct Line would have it.
 */
export const CONVERSATION_IDLE_TTL_MS = 30 * 60 * 1000;
/**
 * Conversations held at once; the least recently active is dropped to make room. A chat holds at most
 * MAX_ACTIVITIES_PER_CONVERSATION activities of a few KB (a salary card is the largest), so this caps the store
 * near 150 MB in the worst case, and is far more than the people one local endpoint serves at a time.
 */
export const MAX_CONVERSATIONS = 500;
/** Activities kept per conversation, oldest dropped first: 50 questions and answers, all long since delivered to the page. */
export const MAX_ACTIVITIES_PER_CONVERSATION = 100;

/** Width of the sequence part of an activity id, as Azure's Direct Line pads it ("conversation|0000012"). */
const SEQUENCE_DIGITS = 7;

/** An activity as the store keeps it: anything JSON, plus the id, timestamp and sequence the store gave it. */
export interface StoredActivity {
  readonly id: string;
  readonly timestamp: string;
  readonly [key: string]: unknown;
}

export interface Conversation {
  readonly id: string;
  /** The one user the conversation's tokens speak for. */
  readonly userId: string;
  /** Whether the conversation was started (and the bot told the user joined). */
  started: boolean;
  readonly activities: Array<{ readonly sequence: number; readonly activity: StoredActivity }>;
  nextSequence: number;
  lastActiveAt: number;
  lastTimestamp: number;
}

export interface ConversationStoreOptions {
  readonly now?: () => number;
  readonly idleTtlMs?: number;
  readonly maxConversations?: number;
  readonly maxActivitiesPerConversation?: number;
}

/** What a poll returns: the activities after the watermark, and the watermark to poll with next. */
export interface ActivitySet {
  readonly activities: StoredActivity[];
  readonly watermark: string | undefined;
}

/**
 * The local Direct Line's memory: conversations and their activities, bounded in count, size and idle time.
 * Expired conversations are swept whenever one is created or looked up, so no timer keeps the process alive.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly now: () => number;
  private readonly idleTtlMs: number;
  private readonly maxConversations: number;
  private readonly maxActivities: number;

  constructor(options: ConversationStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.idleTtlMs = options.idleTtlMs ?? CONVERSATION_IDLE_TTL_MS;
    this.maxConversations = options.maxConversations ?? MAX_CONVERSATIONS;
    this.maxActivities = options.maxActivitiesPerConversation ?? MAX_ACTIVITIES_PER_CONVERSATION;
  }

  /** Conversations held now, expired ones included until the next sweep. */
  get size(): number {
    return this.conversations.size;
  }

  /** A new, not yet started conversation for one user; the least recently active one goes if the store is full. */
  create(userId: string): Conversation {
    this.sweep();
    while (this.conversations.size >= this.maxConversations) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
    }
    const now = this.now();
    const conversation: Conversation = { id: randomUUID(), userId, started: false, activities: [], nextSequence: 0, lastActiveAt: now, lastTimestamp: 0 };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** The conversation, unless it is unknown or has been idle too long (then it is forgotten). */
  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (conversation && this.expired(conversation)) {
      this.conversations.delete(id);
      return undefined;
    }
    return conversation;
  }

  /** Marks the conversation active now, keeping it alive and last in line for eviction. */
  touch(conversation: Conversation): void {
    conversation.lastActiveAt = this.now();
    // Map order is insertion order: re-inserting moves it to the back, so the front is always the least recently active.
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  /** Stores an activity with a fresh id and a timestamp later than every earlier one, and returns it. */
  append(conversation: Conversation, activity: Record<string, unknown>): StoredActivity {
    const sequence = conversation.nextSequence++;
    // Web Chat orders by timestamp; two activities in one millisecond must still come out in the order they arrived.
    conversation.lastTimestamp = Math.max(this.now(), conversation.lastTimestamp + 1);
    const stored: StoredActivity = {
      ...activity,
      id: `${conversation.id}|${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`,
      timestamp: new Date(conversation.lastTimestamp).toISOString(),
    };
    conversation.activities.push({ sequence, activity: stored });
    if (conversation.activities.length > this.maxActivities) conversation.activities.splice(0, conversation.activities.length - this.maxActivities);
    return stored;
  }

  /** The activities after a watermark (all of them without one), and the watermark that follows them. */
  activitiesAfter(conversation: Conversation, watermark: number | undefined): ActivitySet {
    const newer = conversation.activities.filter((a) => watermark === undefined || a.sequence > watermark);
    const last = newer.at(-1);
    return {
      activities: newer.map((a) => a.activity),
      watermark: last ? String(last.sequence) : watermark === undefined ? undefined : String(watermark),
    };
  }

  private expired(conversation: Conversation): boolean {
    return this.now() - conversation.lastActiveAt >= this.idleTtlMs;
  }

  private sweep(): void {
    // Least recently active first (see touch), so the sweep can stop at the first live conversation.
    for (const conversation of this.conversations.values()) {
      if (!this.expired(conversation)) break;
      this.conversations.delete(conversation.id);
    }
  }
}
