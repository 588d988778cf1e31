import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';

/** One line the app logged, parsed. */
export type LogRecord = Record<string, unknown> & { msg?: string };

/**
 * A real pino logger, as the app gets in production, writing into memory instead of standard output: tests read
 * what was logged and wait for a line to come.
 */
export class CollectedLog {
  readonly records: LogRecord[] = [];
  readonly logger: Logger;
  private readonly waiters = new Set<() => void>();

  constructor() {
    const sink = new Writable({
      write: (chunk, _encoding, done) => {
        for (const line of String(chunk).split('\n').filter(Boolean)) this.records.push(JSON.parse(line) as LogRecord);
        for (const waiter of [...this.waiters]) waiter();
        done();
      },
    });
    this.logger = createLogger({ level: 'info', destination: sink });
  }

  /** The records with this message ("feedback", "turn"), in order. */
  withMessage(msg: string): LogRecord[] {
    return this.records.filter((r) => r.msg === msg);
  }

  /** Waits until the records with message `msg` from index `from` on satisfy `done`; fails after `timeoutMs`, listing them. */
  async waitFor(msg: string, from: number, done: (records: readonly LogRecord[]) => boolean, timeoutMs: number): Promise<LogRecord[]> {
    const found = () => this.withMessage(msg).slice(from);
    if (done(found())) return found();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done(found())) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found());
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no expected "${msg}" log line within ${timeoutMs} ms; logged: ${JSON.stringify(found())}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }
}
