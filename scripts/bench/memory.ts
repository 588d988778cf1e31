import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';
import type { MemoryGrowthResult } from './memory-growth-result.js';

const CHILD = join(PROJECT_ROOT, 'dist', 'scripts', 'bench', 'memory-growth.js');

/** Runs the memory-growth child (a fresh process, so nothing else the bench did is in its memory) and reads its result. */
export async function measureMemoryGrowth(): Promise<MemoryGrowthResult> {
  const child = spawn(process.execPath, ['--expose-gc', CHILD], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const last = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !last.startsWith('{')) throw new Error(`the memory benchmark failed (exit ${code}):\n${stdout}\n${stderr}`);
  return JSON.parse(last) as MemoryGrowthResult;
}
