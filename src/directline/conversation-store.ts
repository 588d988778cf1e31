/**
 * A conversation untouched for this long is forgotten. Half an hour matches the life of a Direct Line token, so a
 * page left open without a question for longer starts afresh, as Azure's Direct Line would have it.
 */
export const CONVERSATION_IDLE_TTL_MS = 30 * 60 * 1000;
/**
 * Conversations held at once. A conversation of a dozen questions and answers is about 30 KB, so a full store of
 * ordinary chats stays well inside MAX_STORE_BYTES, and this is far more than the people one instance serves at once.
 */
export const MAX_CONVERSATIONS = 500;
/**
 * Conversations one address may hold at once; its next one replaces its own least valuable. A person opens one or
 * a few tabs, and an office behind one address a handful more, while one address alone can never fill the store
 * (20 of 500) or push anyone else's conversation out.
 */
export const MAX_CONVERSATIONS_PER_ADDRESS = 20;
/** Activities kept per conversation, oldest dropped first: 50 questions and answers, all long since delivered to the page. */
export const MAX_ACTIVITIES_PER_CONVERSATION = 100;
/**
 * Largest activity stored, as JSON. The largest reply (the salary overview card) is under 3 KB and a typed message
 * with Web Chat's metadata about 1 KB; this leaves room for richer cards and refuses anything built to fill memory.
 */
export const MAX_ACTIVITY_BYTES = 16 * 1024;
/** A conversation's activities are cut back, oldest first, to this many bytes: 16 of the largest activities. */
export const MAX_CONVERSATION_BYTES = 256 * 1024;
/**
 * Bytes of activities the whole store holds. Ordinary chats (see MAX_CONVERSATIONS) need half of it; past it the
 * largest conversations go, so no flood of posts can grow the process past a few tens of MB, and a flood pushes out
 * its own conversations before anyone's ordinary chat.
 */
export const MAX_STORE_BYTES = 32 * 1024 * 1024;

/** Width of the sequence part of an activity id, as Azure's Direct Line pads it ("conversation|0000012"). */
const SEQUENCE_DIGITS = 7;

/** An activity as the store hands it out: anything JSON, plus the id and timestamp the store gave it. */
export interface StoredActivity {
  readonly id: string;
  readonly timestamp: string;
  readonly [key: string]: unknown;
}

export interface Conversation {
  readonly id: string;
  /** The one user the conversation's tokens speak for. */
  readonly userId: string;
  /** Who started it (a client address): each address may hold only so many conversations. */
  readonly owner: string;
  /** Whether the user has said anything yet; conversations nobody spoke in are evicted first. */
  engaged: boolean;
  /** Kept as JSON: its size is what the store counts, and every read hands out a fresh copy. */
  readonly activities: Array<{ readonly sequence: number; readonly json: string; readonly bytes: number }>;
  bytes: number;
  nextSequence: number;
  lastActiveAt: number;
  lastTimestamp: number;
}

export interface ConversationStoreOptions {
  readonly now?: () => number;
  readonly idleTtlMs?: number;
  readonly maxConversations?: number;
  readonly maxConversationsPerAddress?: number;
  readonly maxActivitiesPerConversation?: number;
  readonly maxActivityBytes?: number;
  readonly maxConversationBytes?: number;
  readonly maxStoreBytes?: number;
}

/** What a poll returns: the activities after the watermark, and the watermark to poll with next. */
export interface ActivitySet {
  readonly activities: StoredActivity[];
  readonly watermark: string | undefined;
}

/** An activity too large to store; the client gets 413. */
export class ActivityTooLargeError extends Error {
  constructor(readonly bytes: number, readonly limit: number) {
    super(`the activity is ${bytes} bytes as JSON, more than the ${limit} the local Direct Line stores`);
    this.name = 'ActivityTooLargeError';
  }
}

/**
 * The local Direct Line's memory: conversations and their activities, bounded in count (overall and per address),
 * in bytes (per activity, per conversation and overall) and in idle time. A conversation exists from the moment it
 * starts; when a new one needs room, the ones nobody has said anything in go first, then the least recently active;
 * when bytes run short, the largest goes.
 * Expired conversations are swept whenever one is created or looked up, so no timer keeps the process alive.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly perOwner = new Map<string, number>();
  private readonly forgetListeners: Array<(conversationId: string) => void> = [];
  private readonly now: () => number;
  private readonly limits: Required<Omit<ConversationStoreOptions, 'now'>>;
  private totalBytes = 0;

  constructor(options: ConversationStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.limits = {
      idleTtlMs: options.idleTtlMs ?? CONVERSATION_IDLE_TTL_MS,
      maxConversations: options.maxConversations ?? MAX_CONVERSATIONS,
      maxConversationsPerAddress: options.maxConversationsPerAddress ?? MAX_CONVERSATIONS_PER_ADDRESS,
      maxActivitiesPerConversation: options.maxActivitiesPerConversation ?? MAX_ACTIVITIES_PER_CONVERSATION,
      maxActivityBytes: options.maxActivityBytes ?? MAX_ACTIVITY_BYTES,
      maxConversationBytes: options.maxConversationBytes ?? MAX_CONVERSATION_BYTES,
      maxStoreBytes: options.maxStoreBytes ?? MAX_STORE_BYTES,
    };
  }

  /** Conversations held now, expired ones included until the next sweep. */
  get size(): number {
    return this.conversations.size;
  }

  /** Bytes of activities held now, as JSON. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Calls `listener` with the id of every conversation forgotten (expired or evicted), e.g. to close its streams. */
  onForget(listener: (conversationId: string) => void): void {
    this.forgetListeners.push(listener);
  }

  /**
   * Starts a conversation under an id its token already carries. Room is made first: within the owner's share, then
   * in the whole store, taking conversations nobody spoke in before others, the least recently active first.
   */
  create(id: string, userId: string, owner = ''): Conversation {
    this.sweep();
    const existing = this.conversations.get(id);
    if (existing) this.forget(existing);
    while ((this.perOwner.get(owner) ?? 0) >= this.limits.maxConversationsPerAddress && this.evictOne((c) => c.owner === owner));
    while (this.conversations.size >= this.limits.maxConversations && this.evictOne(() => true));
    const now = this.now();
    const conversation: Conversation = { id, userId, owner, engaged: false, activities: [], bytes: 0, nextSequence: 0, lastActiveAt: now, lastTimestamp: 0 };
    this.conversations.set(id, conversation);
    this.perOwner.set(owner, (this.perOwner.get(owner) ?? 0) + 1);
    return conversation;
  }

  /** The conversation, unless it is unknown or has been idle too long (then it is forgotten). */
  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (conversation && this.expired(conversation)) {
      this.forget(conversation);
      return undefined;
    }
    return conversation;
  }

  /** Marks the conversation active now, keeping it alive and last in line for eviction. */
  touch(conversation: Conversation): void {
    conversation.lastActiveAt = this.now();
    // Map order is insertion order: re-inserting moves it to the back, so the front is always the least recently active.
    if (this.conversations.delete(conversation.id)) this.conversations.set(conversation.id, conversation);
  }

  /** Marks that the user said something: the conversation is now worth more than one nobody spoke in. */
  engage(conversation: Conversation): void {
    conversation.engaged = true;
    this.touch(conversation);
  }

  /**
   * Stores an activity with a fresh id and a timestamp later than every earlier one, and returns it. Throws
   * ActivityTooLargeError for an activity over the size limit, and an Error when the conversation is gone.
   */
  append(conversation: Conversation, activity: Record<string, unknown>): StoredActivity {
    if (this.conversations.get(conversation.id) !== conversation) throw new Error(`conversation ${conversation.id} is no longer held`);
    const sequence = conversation.nextSequence;
    // Web Chat orders by timestamp; two activities in one millisecond must still come out in the order they arrived.
    const timestamp = Math.max(this.now(), conversation.lastTimestamp + 1);
    const json = JSON.stringify({ ...activity, id: `${conversation.id}|${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`, timestamp: new Date(timestamp).toISOString() });
    const bytes = Buffer.byteLength(json);
    if (bytes > this.limits.maxActivityBytes) throw new ActivityTooLargeError(bytes, this.limits.maxActivityBytes);

    conversation.nextSequence++;
    conversation.lastTimestamp = timestamp;
    conversation.activities.push({ sequence, json, bytes });
    conversation.bytes += bytes;
    this.totalBytes += bytes;
    const { activities } = conversation;
    while (activities.length > 1 && (activities.length > this.limits.maxActivitiesPerConversation || conversation.bytes > this.limits.maxConversationBytes)) {
      const dropped = activities.shift();
      conversation.bytes -= dropped?.bytes ?? 0;
      this.totalBytes -= dropped?.bytes ?? 0;
    }
    while (this.totalBytes > this.limits.maxStoreBytes && this.evictLargest(conversation));
    return JSON.parse(json) as StoredActivity;
  }

  /** The activities after a watermark (all of them without one), and the watermark that follows them. */
  activitiesAfter(conversation: Conversation, watermark: number | undefined): ActivitySet {
    const newer = conversation.activities.filter((a) => watermark === undefined || a.sequence > watermark);
    const last = newer.at(-1);
    return {
      activities: newer.map((a) => JSON.parse(a.json) as StoredActivity),
      watermark: last ? String(last.sequence) : watermark === undefined ? undefined : String(watermark),
    };
  }

  /** The watermark after the conversation's latest activity: what a client holding everything polls with. */
  watermark(conversation: Conversation): string | undefined {
    return conversation.nextSequence > 0 ? String(conversation.nextSequence - 1) : undefined;
  }

  private expired(conversation: Conversation): boolean {
    return this.now() - conversation.lastActiveAt >= this.limits.idleTtlMs;
  }

  private sweep(): void {
    // Least recently active first (see touch), so the sweep can stop at the first live conversation.
    for (const conversation of this.conversations.values()) {
      if (!this.expired(conversation)) break;
      this.forget(conversation);
    }
  }

  /**
   * Forgets one conversation among those `among` accepts: the least recently active nobody spoke in, or else the
   * least recently active. False when there is none. A scan, but only when the store is at a limit, over at most
   * MAX_CONVERSATIONS entries.
   */
  private evictOne(among: (conversation: Conversation) => boolean): boolean {
    let leastRecent: Conversation | undefined;
    for (const conversation of this.conversations.values()) {
      if (!among(conversation)) continue;
      if (!conversation.engaged) {
        this.forget(conversation);
        return true;
      }
      leastRecent ??= conversation;
    }
    if (leastRecent) this.forget(leastRecent);
    return leastRecent !== undefined;
  }

  /**
   * Forgets the conversation holding the most bytes, other than `except`: under a flood of large activities that is
   * the flood's, not an ordinary chat of a few KB. False when there is none.
   */
  private evictLargest(except: Conversation): boolean {
    let largest: Conversation | undefined;
    for (const conversation of this.conversations.values()) {
      if (conversation !== except && conversation.bytes > (largest?.bytes ?? -1)) largest = conversation;
    }
    if (largest) this.forget(largest);
    return largest !== undefined;
  }

  private forget(conversation: Conversation): void {
    if (!this.conversations.delete(conversation.id)) return;
    this.totalBytes -= conversation.bytes;
    const owned = (this.perOwner.get(conversation.owner) ?? 1) - 1;
    if (owned > 0) this.perOwner.set(conversation.owner, owned);
    else this.perOwner.delete(conversation.owner);
    for (const listener of this.forgetListeners) listener(conversation.id);
  }
}
