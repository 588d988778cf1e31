import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Azurite has started in under 2 s wherever it has run; this leaves room for a slow, busy machine. */
const START_TIMEOUT_MS = 20_000;
/** Azurite closes in well under a second; past this it is killed outright. */
const STOP_TIMEOUT_MS = 5_000;
/** The well-known key of Azurite's development account: public, documented, and only valid against the emulator. */
const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** A TCP port nothing listens on right now, on the loopback address. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The azurite-blob entry point of the installed azurite package. */
function azuriteBlobMain(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('azurite/package.json');
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(packageJson), bin['azurite-blob']!);
}

/**
 * Starts the Azurite blob emulator on a free loopback port with its data in a fresh temporary folder, and resolves
 * once it listens. Telemetry is switched off so it sends nothing off this machine. stop() kills it and removes the folder.
 */
export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  const location = mkdtempSync(join(tmpdir(), 'azurite-'));
  const child = spawn(process.execPath, [
    azuriteBlobMain(), '--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', location,
    '--silent', '--skipApiVersionCheck', '--loose', '--disableTelemetry',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });

  const stop = async (): Promise<void> => {
    await kill(child);
    rmSync(location, { recursive: true, force: true });
  };

  try {
    await waitForListening(child);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
    stop,
  };
}

function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`Azurite did not start: ${why}\n${output}`));
    };
    const timer = setTimeout(() => fail(`not listening after ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('successfully listens')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => fail(`exited with ${code}`);
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
