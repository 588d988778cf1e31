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
  /** Where lines go; standard output when omitted. Tests pass a collecting stream. */
  readonly destination?: DestinationStream;
}

/** Structured JSON logs, one object a line, with credentials redacted. */
export function createLogger({ level, destination }: LoggerOptions): Logger {
  return pino({ level, base: { service: 'msl-career-bot' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
