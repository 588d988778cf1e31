// Child process of `npm run bench` (run with --expose-gc): asks one evaluation question in each of 40,000 new conversations
// through the real app (createApp, its adapter and its default storage) and prints the growth of resident memory as JSON.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { loadConfiguredKnowledge } from '../../src/knowledge/load-knowledge.js';
import { BoundedMemoryStorage } from '../../src/storage/bounded-memory-storage.js';
import { createStorage } from '../../src/storage/create-storage.js';
import { evalQuestions, messageActivity } from './eval-questions.js';
import { inProcessTurn } from './in-process-turn.js';
import { CONVERSATIONS, type MemoryGrowthResult } from './memory-growth-result.js';

/** Conversations before the baseline is read, so start-up allocations and JIT work are not counted as growth. */
const WARM_UP_CONVERSATIONS = 500;
const BYTES_PER_MB = 1024 * 1024;
/**
 * V8 hands freed pages back to the system a little after a collection, not during it: read the resident size only
 * once it has stopped moving by more than this between pauses of SETTLE_PAUSE_MS.
 */
const SETTLED_WITHIN_BYTES = 512 * 1024;
const SETTLE_PAUSE_MS = 250;
/** Enough pauses for the figure to settle wherever this has run (it takes two or three). */
const MAX_SETTLE_PAUSES = 20;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

/** Collects garbage until the resident size holds still, and returns the memory usage then. */
async function settle(): Promise<NodeJS.MemoryUsage> {
  let previous = Number.POSITIVE_INFINITY;
  for (let i = 0; i < MAX_SETTLE_PAUSES; i++) {
    gc!();
    await sleep(SETTLE_PAUSE_MS);
    const usage = process.memoryUsage();
    if (Math.abs(usage.rss - previous) <= SETTLED_WITHIN_BYTES) return usage;
    previous = usage.rss;
  }
  return process.memoryUsage();
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, STORAGE: 'memory' });
  const storage = createStorage(config.storage);
  const app = createApp(config, loadConfiguredKnowledge(config), undefined, storage);
  const questions = evalQuestions();
  let n = 0;
  const converse = async (texts: readonly string[]): Promise<void> => {
    const { status } = await inProcessTurn(app, messageActivity(`memory-${n}`, texts[n % texts.length]!));
    if (status !== 200) throw new Error(`conversation ${n} answered ${status}`);
    n++;
  };

  for (let i = 0; i < WARM_UP_CONVERSATIONS; i++) await converse(questions);

  const baseline = await settle();
  const start = performance.now();
  for (let i = 0; i < CONVERSATIONS; i++) await converse(questions);
  const seconds = (performance.now() - start) / 1000;
  const after = await settle();

  const result: MemoryGrowthResult = {
    conversations: CONVERSATIONS,
    baselineMb: baseline.rss / BYTES_PER_MB,
    afterMb: after.rss / BYTES_PER_MB,
    growthMb: (after.rss - baseline.rss) / BYTES_PER_MB,
    heapGrowthMb: (after.heapUsed - baseline.heapUsed) / BYTES_PER_MB,
    storedConversations: storage instanceof BoundedMemoryStorage ? storage.size : Number.NaN,
    stateBytes: await stateSizes(storage as BoundedMemoryStorage, n),
    seconds,
  };
  console.log(JSON.stringify(result));
}

/** The smallest and largest state among the last conversations, as JSON. */
async function stateSizes(storage: BoundedMemoryStorage, conversations: number): Promise<{ min: number; max: number }> {
  const keys = Array.from({ length: 100 }, (_, i) => `webchat/conversations/memory-${conversations - 1 - i}/`);
  const sizes = Object.values(await storage.read(keys)).map((item) => JSON.stringify(item).length);
  return { min: Math.min(...sizes), max: Math.max(...sizes) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
