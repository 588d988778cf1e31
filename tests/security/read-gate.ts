import type { Storage, StoreItems } from 'botbuilder';

/**
 * Holds reads until a given number of them have been made, then lets them all finish at once: two bot instances
 * then both hold the same version of a conversation's state, as they would when two messages arrive together.
 */
export class ReadGate {
  private expected = 0;
  private waiting: Array<() => void> = [];

  /** The next `readers` reads wait for one another. */
  arm(readers: number): void {
    this.expected = readers;
  }

  async pass(): Promise<void> {
    if (this.expected === 0) return;
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      if (this.waiting.length === this.expected) {
        this.expected = 0;
        this.waiting.splice(0).forEach((release) => release());
      }
    });
  }

  /** A storage whose reads complete, then wait at this gate. */
  wrap(inner: Storage): Storage {
    return {
      read: async (keys: string[]): Promise<StoreItems> => {
        const items = await inner.read(keys);
        await this.pass();
        return items;
      },
      write: (changes) => inner.write(changes),
      delete: (keys) => inner.delete(keys),
    };
  }
}
