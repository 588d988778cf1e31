import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Fields that may hold credentials; pino replaces them before a line is written. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'connectionString',
  '*.connectionString',
];

export interface LoggerOptions {
  readonly level: string;
  /** Where lines go; standard output, written asynchronously, when omitted. Tests pass a collecting stream. */
  readonly destination?: DestinationStream;
}

/** Structured JSON logs, one object a line, with credentials redacted. */
export function createLogger({ level, destination = standardOutput() }: LoggerOptions): Logger {
  return pino({ level, base: { service: 'msl-career-bot' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}

/**
 * Standard output, written off the event loop: pino's default writes each line synchronously, which under load
 * cost about 18 µs a request (two lines). Lines written while a write is under way go out together with the next;
 * none waits for a buffer to fill, so a quiet server's lines still appear at once. pino flushes what is pending
 * when the process exits, also on an uncaught error; only a SIGKILL can lose the lines of the last moment.
 */
function standardOutput(): DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}
