import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT } from '../../src/paths.js';
import { messageActivity } from './eval-questions.js';
import { freePort } from './free-port.js';

/** How often a starting bot is asked whether it answers yet: fine enough not to add much to the start-up time measured. */
const POLL_INTERVAL_MS = 10;
/** A bot that has not answered after this long has failed to start. */
const START_TIMEOUT_MS = 30_000;
/** A bot that ignores SIGTERM this long is killed outright. */
const STOP_TIMEOUT_MS = 5_000;
/** Output kept from a child, to explain a failed start without holding a long log. */
const MAX_KEPT_OUTPUT = 4_000;

export type BotKind = 'ours' | 'echo' | 'core';

const ENTRY_POINTS: Record<BotKind, string> = {
  ours: join(PROJECT_ROOT, 'dist', 'src', 'index.js'),
  echo: join(PROJECT_ROOT, 'dist', 'scripts', 'echo-bot.js'),
  core: join(PROJECT_ROOT, 'dist', 'scripts', 'bench', 'core-bot.js'),
};

export interface BotProcess {
  readonly kind: BotKind;
  readonly url: string;
  /** From spawning the process to the first 200 answer with a reply in it. */
  readonly startMs: number;
  stop(): Promise<void>;
}

/**
 * Starts a bot as a child process on a free port, unauthenticated and with in-memory state whatever a local .env
 * says, and resolves once it has answered a message.
 */
export async function startBot(kind: BotKind): Promise<BotProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/api/messages`;
  const started = performance.now();
  const child = spawn(process.execPath, [ENTRY_POINTS[kind]], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), MicrosoftAppId: '', MicrosoftAppPassword: '', STORAGE: 'memory' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-MAX_KEPT_OUTPUT); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = () => stopChild(child);

  try {
    while (!(await answers(url))) {
      if (child.exitCode !== null) throw new Error(`exited with status ${child.exitCode}`);
      if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`no answer after ${START_TIMEOUT_MS} ms`);
      await sleep(POLL_INTERVAL_MS);
    }
  } catch (error) {
    await stop();
    throw new Error(`The ${kind} bot did not start: ${(error as Error).message}\n${output}`);
  }
  return { kind, url, startMs: performance.now() - started, stop };
}

/** True once the bot answers a message with at least one reply. */
async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity(`start-${performance.now()}`, 'hi')),
    });
    if (res.status !== 200) return false;
    const body = (await res.json()) as { activities?: unknown[] };
    return (body.activities?.length ?? 0) > 0;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
