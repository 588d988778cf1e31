import { startBot, type BotKind } from './bot-process.js';
import { median } from './stats.js';

/** Starts of each bot; the median of three shrugs off one start slowed by the machine. */
const STARTS = 3;

export interface StartupResult {
  readonly oursMs: number;
  readonly echoMs: number;
  readonly samples: Record<BotKind, number[]>;
}

/** Time from spawning each bot to its first answer, alternating the two so both see the same machine. */
export async function measureStartup(): Promise<StartupResult> {
  const samples: Record<BotKind, number[]> = { echo: [], core: [], ours: [] };
  for (let i = 0; i < STARTS; i++) {
    for (const kind of ['echo', 'ours'] as const) {
      const bot = await startBot(kind);
      samples[kind].push(bot.startMs);
      await bot.stop();
    }
  }
  return { oursMs: median(samples.ours), echoMs: median(samples.echo), samples };
}
