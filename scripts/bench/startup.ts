import { startBot, type BotKind } from './bot-process.js';
import { median } from './stats.js';

/** Starts of each bot; the median of three shrugs off one start slowed by the machine. */
const STARTS = 3;

export interface StartupResult {
  /** Median milliseconds from spawning each bot to its first answer. */
  readonly medians: Record<BotKind, number>;
  readonly samples: Record<BotKind, number[]>;
}

/** Time from spawning each bot to its first answer, taking the bots in turn so all see the same machine. */
export async function measureStartup(): Promise<StartupResult> {
  const samples: Record<BotKind, number[]> = { echo: [], core: [], ours: [] };
  for (let i = 0; i < STARTS; i++) {
    for (const kind of ['echo', 'core', 'ours'] as const) {
      const bot = await startBot(kind);
      samples[kind].push(bot.startMs);
      await bot.stop();
    }
  }
  return { medians: { echo: median(samples.echo), core: median(samples.core), ours: median(samples.ours) }, samples };
}
