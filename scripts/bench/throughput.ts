import autocannon from 'autocannon';
import { startBot, type BotKind, type BotProcess } from './bot-process.js';
import { messageActivity } from './eval-questions.js';

/** Rounds in all, taking the bots in turn (echo, core, ours) so that each sees the machine in the same states. */
const ROUNDS = 6;
const ORDER: readonly BotKind[] = ['echo', 'core', 'ours'];
/** Seconds per round: long enough for a steady rate, short enough to keep the whole bench within a few minutes. */
const ROUND_SECONDS = 5;
/** Concurrent connections, as a handful of busy Web Chat clients would keep open. */
const CONNECTIONS = 10;

export interface ThroughputResult {
  readonly oursRps: number;
  readonly echoRps: number;
  /** The stock core-bot-shaped bot: state, a dialog under runDialog, a card with three suggested actions. */
  readonly coreRps: number;
  readonly rounds: readonly { kind: BotKind; rps: number; non2xx: number; errors: number }[];
}

/**
 * Requests per second each bot serves, both running as child processes and loaded by autocannon with the evaluation
 * questions in turn, each request a new conversation, as Web Chat sends them with deliveryMode expectReplies.
 */
export async function measureThroughput(questions: readonly string[]): Promise<ThroughputResult> {
  const bots: Record<BotKind, BotProcess> = { echo: await startBot('echo'), core: await startBot('core'), ours: await startBot('ours') };
  try {
    const rounds: { kind: BotKind; rps: number; non2xx: number; errors: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const kind = ORDER[round % ORDER.length]!;
      rounds.push({ kind, ...(await load(bots[kind].url, questions, round)) });
    }
    const mean = (kind: BotKind) => {
      const of = rounds.filter((r) => r.kind === kind);
      return of.reduce((sum, r) => sum + r.rps, 0) / of.length;
    };
    return { oursRps: mean('ours'), echoRps: mean('echo'), coreRps: mean('core'), rounds };
  } finally {
    await Promise.all([bots.echo.stop(), bots.core.stop(), bots.ours.stop()]);
  }
}

async function load(url: string, questions: readonly string[], round: number): Promise<{ rps: number; non2xx: number; errors: number }> {
  let sent = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: ROUND_SECONDS,
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
  return { rps: result['2xx'] / result.duration, non2xx: result.non2xx, errors: result.errors };
}
