// npm run bench: in-process answer latency, HTTP throughput and start-up time against a bare echo bot, and memory
// growth over 40,000 conversations, each against its target. Talks only to bots it starts itself on 127.0.0.1.
import { cpus, platform, release, totalmem } from 'node:os';
import { CareerAdvisor } from '../src/career-advisor.js';
import { loadConfig } from '../src/config.js';
import { loadConfiguredKnowledge } from '../src/knowledge/load-knowledge.js';
import { evalConversations, evalQuestions } from './bench/eval-questions.js';
import { measureLatency } from './bench/latency.js';
import { measureMemoryGrowth } from './bench/memory.js';
import { CONVERSATIONS } from './bench/memory-growth-result.js';
import { measureStartup } from './bench/startup.js';
import { measureThroughput } from './bench/throughput.js';

/** An answer within a millisecond leaves the HTTP stack, not the understanding, as the cost of a request. */
const P99_TARGET_MS = 1;
/** Our bot should serve at least 90% of what the bare SDK can, i.e. the understanding costs at most a tenth. */
const THROUGHPUT_RATIO_TARGET = 0.9;
/** Loading and training on the knowledge may add half again to the SDK's own start-up, no more. */
const STARTUP_RATIO_TARGET = 1.5;
/** 40,000 conversations must not cost more than 40 MB of resident memory: about 1 KB each even if none were ever dropped. */
const MEMORY_GROWTH_TARGET_MB = 40;

const BYTES_PER_GB = 1024 ** 3;

interface Row {
  readonly measure: string;
  readonly figure: string;
  readonly target: string;
  readonly pass: boolean;
}

const fixed = (n: number, digits = 2) => n.toFixed(digits);

async function main(): Promise<void> {
  const began = Date.now();
  const rows: Row[] = [];

  console.log('Latency: CareerAdvisor.respond over every evaluation turn, in process…');
  const latency = measureLatency(new CareerAdvisor(loadConfiguredKnowledge(loadConfig())), evalConversations());
  console.log(`  ${latency.turns} turns timed: p50 ${fixed(latency.p50Ms, 3)} ms, p99 ${fixed(latency.p99Ms, 3)} ms, max ${fixed(latency.maxMs, 1)} ms`);
  rows.push({ measure: 'Answer latency p50 (in process)', figure: `${fixed(latency.p50Ms, 3)} ms`, target: '', pass: true });
  rows.push({ measure: 'Answer latency p99 (in process)', figure: `${fixed(latency.p99Ms, 3)} ms`, target: `< ${P99_TARGET_MS} ms`, pass: latency.p99Ms < P99_TARGET_MS });

  console.log('Throughput: autocannon against the echo bot and ours, alternating rounds…');
  const throughput = await measureThroughput(evalQuestions());
  for (const r of throughput.rounds) console.log(`  ${r.kind.padEnd(4)} ${fixed(r.rps, 0)} req/s`);
  const throughputRatio = throughput.oursRps / throughput.echoRps;
  rows.push({ measure: 'HTTP throughput, echo bot', figure: `${fixed(throughput.echoRps, 0)} req/s`, target: '', pass: true });
  rows.push({ measure: 'HTTP throughput, ours', figure: `${fixed(throughput.oursRps, 0)} req/s`, target: '', pass: true });
  rows.push({ measure: 'Throughput ours / echo', figure: fixed(throughputRatio), target: `>= ${THROUGHPUT_RATIO_TARGET}`, pass: throughputRatio >= THROUGHPUT_RATIO_TARGET });

  console.log('Start-up: spawn to first answer, three starts each…');
  const startup = await measureStartup();
  console.log(`  echo ${startup.samples.echo.map((ms) => fixed(ms, 0)).join(', ')} ms; ours ${startup.samples.ours.map((ms) => fixed(ms, 0)).join(', ')} ms`);
  const startupRatio = startup.oursMs / startup.echoMs;
  rows.push({ measure: 'Start-up to first answer, echo (median)', figure: `${fixed(startup.echoMs, 0)} ms`, target: '', pass: true });
  rows.push({ measure: 'Start-up to first answer, ours (median)', figure: `${fixed(startup.oursMs, 0)} ms`, target: '', pass: true });
  rows.push({ measure: 'Start-up ours / echo', figure: fixed(startupRatio), target: `<= ${STARTUP_RATIO_TARGET}`, pass: startupRatio <= STARTUP_RATIO_TARGET });

  console.log(`Memory: ${CONVERSATIONS.toLocaleString('en-US')} new conversations through the real app, in a child process…`);
  const memory = await measureMemoryGrowth();
  console.log(`  messages: ${memory.messages}; ${fixed(memory.seconds, 1)} s; RSS ${fixed(memory.baselineMb, 1)} → ${fixed(memory.afterMb, 1)} MB (heap ${memory.heapGrowthMb >= 0 ? '+' : ''}${fixed(memory.heapGrowthMb, 1)} MB)`);
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
