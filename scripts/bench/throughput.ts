import autocannon from 'autocannon';
import { startBot, type BotKind, type BotProcess } from './bot-process.js';
import { messageActivity } from './eval-questions.js';

/** Rounds in all, taking the bots in turn (echo, core, ours) so that each sees the machine in the same states. */
const ROUNDS = 9;
/** Seconds of unmeasured load on each bot first: the figures are for a warm server, its hot paths compiled. */
const WARM_UP_SECONDS = 3;
const ORDER: readonly BotKind[] = ['echo', 'core', 'ours'];
/** Seconds per round: long enough for a steady rate, short enough to keep the whole bench within a few minutes. */
const ROUND_SECONDS = 5;
/** Concurrent connections, as a handful of busy Web Chat clients would keep open. */
const CONNECTIONS = 10;

export interface Round {
  readonly kind: BotKind;
  readonly rps: number;
  /** Milliseconds from request to answer, as autocannon saw them over the round. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

/** One bot's figures, averaged over its rounds. */
export interface BotFigures {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface ThroughputResult {
  /** ours; echo, the bare SDK; core, the stock core-bot-shaped bot (state, a dialog under runDialog, a card with three suggested actions). */
  readonly bots: Record<BotKind, BotFigures>;
  readonly rounds: readonly Round[];
}

/**
 * Requests per second each bot serves, both running as child processes and loaded by autocannon with the evaluation
 * questions in turn, each request a new conversation, as Web Chat sends them with deliveryMode expectReplies.
 */
export async function measureThroughput(questions: readonly string[]): Promise<ThroughputResult> {
  const bots: Record<BotKind, BotProcess> = { echo: await startBot('echo'), core: await startBot('core'), ours: await startBot('ours') };
  try {
    for (const kind of ORDER) await load(bots[kind].url, questions, -1, WARM_UP_SECONDS);
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const kind = ORDER[round % ORDER.length]!;
      rounds.push({ kind, ...(await load(bots[kind].url, questions, round)) });
    }
    const figures = (kind: BotKind): BotFigures => {
      const of = rounds.filter((r) => r.kind === kind);
      const mean = (pick: (r: Round) => number) => of.reduce((sum, r) => sum + pick(r), 0) / of.length;
      return { rps: mean((r) => r.rps), p50Ms: mean((r) => r.p50Ms), p99Ms: mean((r) => r.p99Ms) };
    };
    return { bots: { echo: figures('echo'), core: figures('core'), ours: figures('ours') }, rounds };
  } finally {
    await Promise.all([bots.echo.stop(), bots.core.stop(), bots.ours.stop()]);
  }
}

async function load(url: string, questions: readonly string[], round: number, seconds = ROUND_SECONDS): Promise<Omit<Round, 'kind'>> {
  let sent = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [{
      setupRequest: (request) => {
        const n = sent++;
        return { ...request, body: JSON.stringify(messageActivity(`load-${round}-${n}`, questions[n % questions.length]!)) };
      },
    }],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    console.warn(`  round ${round + 1}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  // Only answered requests count: a bot that fails fast must not look fast.
  return { rps: result['2xx'] / result.duration, p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}
