import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';
import { Arrivals } from './arrivals.js';

/** One line the app logged, parsed. */
export type LogRecord = Record<string, unknown> & { msg?: string };

/**
 * A real pino logger, as the app gets in production, writing into memory instead of standard output: tests read
 * what was logged and wait for a line to come.
 */
export class CollectedLog {
  readonly logger: Logger;
  private readonly lines = new Arrivals<LogRecord>();

  constructor() {
    const sink = new Writable({
      write: (chunk, _encoding, done) => {
        this.lines.push(...String(chunk).split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogRecord));
        done();
      },
    });
    this.logger = createLogger({ level: 'info', destination: sink });
  }

  /** The records with this message ("feedback", "turn"), in order. */
  withMessage(msg: string): LogRecord[] {
    return this.lines.items.filter((r) => r.msg === msg);
  }

  /** Waits until the records with message `msg` from index `from` on satisfy `done`, and returns them. */
  async waitFor(msg: string, from: number, done: (records: readonly LogRecord[]) => boolean, timeoutMs: number): Promise<LogRecord[]> {
    const since = (records: readonly LogRecord[]) => records.filter((r) => r.msg === msg).slice(from);
    try {
      return since(await this.lines.waitFor(0, (records) => done(since(records)), timeoutMs, `"${msg}" log line`));
    } catch {
      throw new Error(`no expected "${msg}" log line within ${timeoutMs} ms; logged: ${JSON.stringify(since(this.lines.items))}`);
    }
  }
}
