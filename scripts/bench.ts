// npm run bench: how the bot's costs compare with two reference bots measured in the same run, each against its
// target (issue "lean and fast"): the bare botbuilder echo bot, the limit of any bot on this SDK, and a stock
// core-bot-shaped bot (scripts/bench/core-bot.ts). Talks only to bots it starts itself on 127.0.0.1.
import { cpus, platform, release, totalmem } from 'node:os';
import { CareerAdvisor } from '../src/career-advisor.js';
import { loadConfig } from '../src/config.js';
import { loadConfiguredKnowledge } from '../src/knowledge/load-knowledge.js';
import type { BotKind } from './bench/bot-process.js';
import { evalQuestions, evalSets } from './bench/eval-questions.js';
import { measureLatency } from './bench/latency.js';
import { measureMemoryGrowth } from './bench/memory.js';
import { CONVERSATIONS } from './bench/memory-growth-result.js';
import { measureStartup } from './bench/startup.js';
import { measureThroughput } from './bench/throughput.js';

/** Understanding, policy and composing in process: half a millisecond at the 99th percentile leaves HTTP as the cost of a request. */
const P99_TARGET_MS = 0.5;
/** At least what a stock dialog bot of the same shape serves: the guide's understanding costs no more than the framework's dialogs. */
const CORE_RATIO_TARGET = 1.0;
/** At least half of what the bare SDK serves: the bot's own work (understanding, state, cards) is no more than the SDK's. */
const ECHO_RATIO_TARGET = 0.5;
/** Loading and training on the knowledge may add half again to the SDK's own start-up, no more. */
const STARTUP_RATIO_TARGET = 1.5;
/** 40,000 conversations must not cost more than 40 MB of resident memory: about 1 KB each even if none were ever dropped. */
const MEMORY_GROWTH_TARGET_MB = 40;

const BYTES_PER_GB = 1024 ** 3;
const NAMES: Record<BotKind, string> = { echo: 'echo bot', core: 'core bot', ours: 'ours' };

interface Row {
  readonly measure: string;
  readonly figure: string;
  readonly target: string;
  readonly pass: boolean;
}

const fixed = (n: number, digits = 2) => n.toFixed(digits);
const info = (measure: string, figure: string): Row => ({ measure, figure, target: '', pass: true });

async function main(): Promise<void> {
  const began = Date.now();
  const rows: Row[] = [];

  console.log('Latency: CareerAdvisor.respond (understanding, policy, composing) over every evaluation turn, in process…');
  const latency = measureLatency(new CareerAdvisor(loadConfiguredKnowledge(loadConfig())), evalSets());
  for (const [name, p] of latency.bySet) console.log(`  ${name}: ${p.turns} turns, p50 ${fixed(p.p50Ms, 3)} ms, p99 ${fixed(p.p99Ms, 3)} ms, max ${fixed(p.maxMs, 1)} ms`);
  rows.push(info('Answer latency p50 (in process)', `${fixed(latency.p50Ms, 3)} ms`));
  rows.push({ measure: 'Answer latency p99 (in process)', figure: `${fixed(latency.p99Ms, 3)} ms`, target: `<= ${P99_TARGET_MS} ms`, pass: latency.p99Ms <= P99_TARGET_MS });

  console.log('Throughput: autocannon against the echo bot, the core bot and ours, in turn…');
  const throughput = await measureThroughput(evalQuestions());
  for (const r of throughput.rounds) console.log(`  ${r.kind.padEnd(4)} ${fixed(r.rps, 0)} req/s, p50 ${fixed(r.p50Ms, 0)} ms, p99 ${fixed(r.p99Ms, 0)} ms`);
  const { echo, core, ours } = throughput.bots;
  for (const kind of ['echo', 'core', 'ours'] as const) {
    const b = throughput.bots[kind];
    rows.push(info(`HTTP, ${NAMES[kind]}: req/s, latency p50 / p99`, `${fixed(b.rps, 0)}, ${fixed(b.p50Ms, 0)} / ${fixed(b.p99Ms, 0)} ms`));
  }
  rows.push({ measure: 'Throughput ours / core bot', figure: fixed(ours.rps / core.rps), target: `>= ${fixed(CORE_RATIO_TARGET, 1)}`, pass: ours.rps / core.rps >= CORE_RATIO_TARGET });
  rows.push({ measure: 'Throughput ours / echo bot', figure: fixed(ours.rps / echo.rps), target: `>= ${ECHO_RATIO_TARGET}`, pass: ours.rps / echo.rps >= ECHO_RATIO_TARGET });

  console.log('Start-up: spawn to first answer, three starts each…');
  const startup = await measureStartup();
  for (const kind of ['echo', 'core', 'ours'] as const) console.log(`  ${kind.padEnd(4)} ${startup.samples[kind].map((ms) => fixed(ms, 0)).join(', ')} ms`);
  for (const kind of ['echo', 'core', 'ours'] as const) rows.push(info(`Start-up to first answer, ${NAMES[kind]} (median)`, `${fixed(startup.medians[kind], 0)} ms`));
  const startupRatio = startup.medians.ours / startup.medians.echo;
  rows.push({ measure: 'Start-up ours / echo bot', figure: fixed(startupRatio), target: `<= ${STARTUP_RATIO_TARGET}`, pass: startupRatio <= STARTUP_RATIO_TARGET });

  console.log(`Memory: ${CONVERSATIONS.toLocaleString('en-US')} new conversations, one evaluation question each, through the real app in a child process…`);
  const memory = await measureMemoryGrowth();
  console.log(`  ${fixed(memory.seconds, 1)} s; RSS ${fixed(memory.baselineMb, 1)} → ${fixed(memory.afterMb, 1)} MB (heap ${memory.heapGrowthMb >= 0 ? '+' : ''}${fixed(memory.heapGrowthMb, 1)} MB)`);
  console.log(`  conversations kept: ${memory.storedConversations.toLocaleString('en-US')}; state per conversation ${memory.stateBytes.min}–${memory.stateBytes.max} bytes of JSON`);
  rows.push({ measure: `RSS growth over ${CONVERSATIONS.toLocaleString('en-US')} conversations`, figure: `${fixed(memory.growthMb, 1)} MB`, target: `< ${MEMORY_GROWTH_TARGET_MB} MB`, pass: memory.growthMb < MEMORY_GROWTH_TARGET_MB });

  printTable(rows);
  const cpu = cpus();
  console.log(`\nMachine: ${platform()} ${release()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${fixed(totalmem() / BYTES_PER_GB, 0)} GB, Node ${process.version}`);
  console.log(`Bench took ${fixed((Date.now() - began) / 1000, 0)} s.`);
}

function printTable(rows: readonly Row[]): void {
  const header = ['Measure', 'Figure', 'Target', 'Result'];
  const cells = rows.map((r) => [r.measure, r.figure, r.target || '—', r.target ? (r.pass ? 'PASS' : 'MISS') : '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `| ${c.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
