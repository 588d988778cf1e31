import { spawn, type ChildProcess } from 'node:child_process';
import { FIXTURE_PACK_DIR, PROJECT_ROOT } from '../../src/paths.js';

/** The bot starts in about a second; a busy machine gets ample room. */
const START_TIMEOUT_MS = 20_000;

export interface BotProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything it wrote to standard output and error so far. */
  output(): string;
  /** Resolves with the exit code once it exits. */
  readonly exited: Promise<number | null>;
  /** Resolves once a log line with this message appears. */
  logged(message: string): Promise<void>;
}

/** Runs the built bot (`node dist/src/index.js`) on the fixture pack on a free port, with JSON logs on, and waits for it to listen. */
export async function spawnBot(env: NodeJS.ProcessEnv): Promise<BotProcess> {
  const child = spawn(process.execPath, ['dist/src/index.js'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, KNOWLEDGE_DIR: FIXTURE_PACK_DIR, PORT: '0', MicrosoftAppId: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    out += String(chunk);
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logged = (message: string) => new Promise<void>((resolve) => {
    const check = () => {
      if (out.includes(`"msg":"${message}"`)) {
        listeners.delete(check);
        resolve();
      }
    };
    listeners.add(check);
    check();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not listen within ${START_TIMEOUT_MS} ms:\n${out}`)), START_TIMEOUT_MS);
    const check = () => {
      const match = /"port":(\d+)[^\n]*"msg":"listening"/.exec(out);
      if (match) {
        clearTimeout(timer);
        listeners.delete(check);
        resolve(Number(match[1]));
      }
    };
    listeners.add(check);
    void exited.then((code) => reject(new Error(`the bot exited with ${code} before listening:\n${out}`)));
  });
  return { child, port, output: () => out, exited, logged };
}
