import type { Next, Request, Response } from 'restify';

/**
 * Counts requests being served, so a shutdown can stop taking new ones and wait for these to finish:
 * a turn cut off half-way loses its reply and may leave its conversation state unsaved.
 */
export class InFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  get size(): number {
    return this.count;
  }

  readonly track = (_req: Request, res: Response, next: Next): void => {
    this.count++;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      this.count--;
      if (this.count === 0) this.waiters.splice(0).forEach((w) => w());
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };

  /** Resolves true when nothing is in flight, or false when `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
