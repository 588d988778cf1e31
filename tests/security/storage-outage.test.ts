import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { APOLOGY } from '../../src/adapter.js';
import { startAzurite, type Azurite } from '../storage/azurite.js';
import { ask } from './ask.js';
import { startBot, type RunningBot } from './running-bot.js';
import { startSwitchableProxy, type SwitchableProxy } from './switchable-proxy.js';

/** Starting Azurite takes a second or two; a slow machine gets ample room. */
const SETUP_TIMEOUT_MS = 60_000;
/** A turn against a store that does not answer fails within the store's 3 s budget, plus the turn itself. */
const TURN_BOUND_MS = 5_000;
/** /readyz answers within its probe's 2 s budget, well inside a load balancer's probe timeout. */
const PROBE_BOUND_MS = 3_000;

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

const readiness = async (base: string) => {
  const res = await fetch(`${base}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; storage?: string } };
};

/**
 * Finding 12: with the blob store unreachable each turn waited 32 s on the SDK's retries while /readyz stayed
 * ready; and a store that was down when the bot first used it stayed broken after it came back.
 */
describe('a blob storage outage (finding 12)', function () {
  this.timeout(SETUP_TIMEOUT_MS);
  let azurite: Azurite | undefined;
  let proxy: SwitchableProxy | undefined;
  let bot: RunningBot | undefined;

  before(async () => {
    azurite = await startAzurite();
    const azuritePort = Number(/127\.0\.0\.1:(\d+)/.exec(azurite.connectionString)![1]);
    // The bot starts while the store is cut off, as after a restart during an outage.
    proxy = await startSwitchableProxy(azuritePort, 'blackhole');
    bot = await startBot({
      STORAGE: 'blob', AZURE_STORAGE_CONTAINER: 'outage',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString.replace(`127.0.0.1:${azuritePort}`, `127.0.0.1:${proxy.port}`),
    });
  });
  after(async () => {
    await bot?.close();
    await proxy?.close();
    await azurite?.stop();
  });

  it('fails a turn promptly with an apology while the store does not answer', async () => {
    const { value: answer, ms } = await timed(() => ask(bot!.base, randomUUID(), 'how do I become a clinical research associate?'));
    expect(ms).to.be.below(TURN_BOUND_MS);
    expect(answer.text).to.equal(APOLOGY);
  });

  it('reports not ready, naming the storage, within a probe\'s time', async () => {
    const { value, ms } = await timed(() => readiness(bot!.base));
    expect(ms).to.be.below(PROBE_BOUND_MS);
    expect(value.status).to.equal(503);
    expect(value.body).to.include({ status: 'unavailable', storage: 'unavailable' });
  });

  it('answers again, and is ready again, once the store is back', async () => {
    proxy!.setMode('forward');
    const conversation = randomUUID();
    expect((await ask(bot!.base, conversation, 'how do I become a clinical research associate?')).text).to.include('How to become a clinical research associate');
    expect((await ask(bot!.base, conversation, 'what comes next?')).text).to.match(/^\*\*Step 1:/);
    const ready = await readiness(bot!.base);
    expect(ready.status).to.equal(200);
    expect(ready.body).to.include({ status: 'ready', storage: 'ok' });
  });

  it('fails promptly when the store is cut off mid-conversation, and keeps the conversation for later', async () => {
    const conversation = randomUUID();
    await ask(bot!.base, conversation, 'how do I become a clinical research associate?');
    proxy!.setMode('blackhole');
    const { value: answer, ms } = await timed(() => ask(bot!.base, conversation, 'what comes next?'));
    expect(ms).to.be.below(TURN_BOUND_MS);
    expect(answer.text).to.equal(APOLOGY);
    proxy!.setMode('forward');
    expect((await ask(bot!.base, conversation, 'what comes next?')).text).to.match(/^\*\*Step 1:/);
  });

  it('fails promptly against an endpoint where nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await startBot({
      STORAGE: 'blob', AZURE_STORAGE_CONTAINER: 'unreachable',
      AZURE_STORAGE_CONNECTION_STRING: azurite!.connectionString.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`),
    });
    try {
      const { value: answer, ms } = await timed(() => ask(unreachable.base, randomUUID(), 'hi'));
      expect(ms).to.be.below(TURN_BOUND_MS);
      expect(answer.text).to.equal(APOLOGY);
      expect((await readiness(unreachable.base)).status).to.equal(503);
    } finally {
      await unreachable.close();
    }
  });
});
