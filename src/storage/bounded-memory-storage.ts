import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { StateConflictError } from './state-errors.js';

/** Reads the time in milliseconds; injected so tests can move time forward without waiting. */
export type Clock = () => number;

export interface BoundedMemoryStorageOptions {
  /** How long an entry may go unread and unwritten before it is forgotten, in milliseconds. */
  readonly ttlMs: number;
  /** How many entries are kept at most; the least recently used one goes first. */
  readonly maxEntries: number;
  readonly now?: Clock;
}

interface Entry {
  /** Kept serialized, as MemoryStorage does: a compact string, and every read hands out a fresh copy. */
  readonly json: string;
  readonly eTag: string;
  readonly touchedAt: number;
}

/**
 * An in-process Storage with the semantics of botbuilder's MemoryStorage (copies in and out, a new eTag on every
 * write, optimistic concurrency when a write carries an eTag other than "*") that cannot grow without bound:
 * entries idle for longer than the TTL are forgotten, and past the maximum count the least recently used goes.
 *
 * The Map's insertion order is the recency order (every touch re-inserts), so both the oldest entry and the expired
 * ones are always at its front and each eviction costs O(1).
 */
export class BoundedMemoryStorage implements Storage {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: Clock;
  private nextETag = 1;

  // A monotonic clock by default: a wall clock set back would keep idle entries alive, set forward would drop live ones.
  constructor({ ttlMs, maxEntries, now = () => performance.now() }: BoundedMemoryStorageOptions) {
    if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be positive (got ${ttlMs})`);
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a whole number of at least 1 (got ${maxEntries})`);
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
    this.now = now;
  }

  /** How many entries are held now, expired ones not yet swept included. */
  get size(): number {
    return this.entries.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const now = this.now();
    this.sweepExpired(now);
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry || this.isExpired(entry, now)) continue;
      this.touch(key, { ...entry, touchedAt: now });
      items[key] = { ...(JSON.parse(entry.json) as StoreItem), eTag: entry.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const now = this.now();
    this.sweepExpired(now);
    // Every conflict is found before anything is written, so a failed write leaves the store as it was.
    for (const [key, item] of Object.entries(changes)) {
      const current = this.entries.get(key);
      const expected = (item as StoreItem | undefined)?.eTag;
      if (current && expected && expected !== '*' && expected !== current.eTag) {
        throw new StateConflictError(key);
      }
    }
    for (const [key, item] of Object.entries(changes)) {
      const { eTag: _previous, ...data } = (item ?? {}) as StoreItem;
      this.touch(key, { json: JSON.stringify(data), eTag: String(this.nextETag++), touchedAt: now });
    }
    while (this.entries.size > this.maxEntries) this.evictOldest();
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    for (const key of keys) this.entries.delete(key);
  }

  /** Moves the key to the most recent end. */
  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private sweepExpired(now: number): void {
    for (const [key, entry] of this.entries) {
      if (!this.isExpired(entry, now)) return;
      this.entries.delete(key);
    }
  }

  private isExpired(entry: Entry, now: number): boolean {
    return now - entry.touchedAt >= this.ttlMs;
  }

  private evictOldest(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }
}
