/** A list that grows as things arrive (log lines, turns), and lets a test wait for what it expects instead of sleeping. */
export class Arrivals<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<() => void>();

  push(...items: T[]): void {
    this.items.push(...items);
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Waits until the items from index `from` on satisfy `done`, and returns them; fails after `timeoutMs`, listing them. */
  async waitFor(from: number, done: (items: readonly T[]) => boolean, timeoutMs: number, what: string): Promise<T[]> {
    const since = () => this.items.slice(from);
    if (done(since())) return since();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done(since())) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(since());
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no expected ${what} within ${timeoutMs} ms; got: ${JSON.stringify(since())}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }
}
