import { expect } from 'chai';
import http from 'node:http';
import { messageActivity } from '../support/activities.js';
import { spawnBot } from './bot-process.js';
import { startTrap } from './trap-server.js';

interface Answer {
  readonly status: number;
  readonly connection: string | undefined;
  readonly reusedSocket: boolean;
  readonly body: string;
}

function get(port: number, path: string, agent: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += String(chunk)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, reusedSocket: req.reusedSocket, body }));
    });
    req.on('error', reject);
  });
}

/**
 * Finding 11: on SIGTERM the listener closed at once, so /readyz never answered 503, a kept-alive request sent just
 * after got ECONNRESET, and a shutdown that cut off a turn still exited 0.
 */
describe('shutting down (finding 11)', function () {
  this.timeout(30_000);

  it('keeps serving kept-alive clients through the notice period, not ready and closing each connection, then exits 0', async () => {
    const bot = await spawnBot({ SHUTDOWN_NOTICE_SECONDS: '1.5', SHUTDOWN_DRAIN_SECONDS: '2' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(bot.port, '/healthz', agent);
      expect(first.status).to.equal(200);
      expect(first.connection).to.equal('keep-alive');

      bot.child.kill('SIGTERM');
      await bot.logged('shutting down');
      const second = await get(bot.port, '/healthz', agent);
      expect(second.reusedSocket, 'the second request went out on the kept-alive socket').to.equal(true);
      expect(second.status).to.equal(200);
      expect(second.connection).to.equal('close');

      const ready = await get(bot.port, '/readyz', agent);
      expect(ready.status).to.equal(503);
      expect(JSON.parse(ready.body)).to.have.property('status', 'draining');

      expect(await bot.exited).to.equal(0);
      expect(bot.output()).to.match(/"drained":true[^\n]*"msg":"stopped"/);
    } finally {
      agent.destroy();
      bot.child.kill('SIGKILL');
    }
  });

  it('exits 1 when a turn is still running at the end of the drain', async () => {
    // The reply goes to a target that never answers, and the connector waits up to 10 s: the turn outlives the drain.
    const silent = await startTrap({ kind: 'silent' });
    const bot = await spawnBot({ SHUTDOWN_NOTICE_SECONDS: '0.2', SHUTDOWN_DRAIN_SECONDS: '0.5', CONNECTOR_TIMEOUT_SECONDS: '10' });
    try {
      const activity = { ...messageActivity('slow-turn', { text: 'hi' }), serviceUrl: `http://127.0.0.1:${silent.port}/`, deliveryMode: 'normal' };
      const turn = fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) })
        .catch(() => undefined);
      while (silent.hits.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));

      const started = performance.now();
      bot.child.kill('SIGTERM');
      expect(await bot.exited).to.equal(1);
      expect(performance.now() - started).to.be.below(5_000);
      expect(bot.output()).to.match(/"drained":false[^\n]*"msg":"stopped"/);
      await turn;
    } finally {
      bot.child.kill('SIGKILL');
      await silent.close();
    }
  });
});
