import { expect } from 'chai';
import type { Server } from 'restify';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Next, Request, Response } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { InFlight } from '../../src/http/in-flight.js';
import { SECURITY_HEADERS } from '../../src/http/security-headers.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { listeningPort, startServer } from '../../src/server.js';
import { FIXTURE_ENV, fixtureKnowledge } from '../support/knowledge.js';

describe('the hardened server', () => {
  let server: Server;
  let base: string;
  const quiet = { error: () => undefined };

  before(async () => {
    // A tight limit, so the test can reach it: one request a second on average, three at once.
    const app = createApp(loadConfig({ ...FIXTURE_ENV, RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '3' }), fixtureKnowledge(), quiet);
    server = await startServer(app, 0, '127.0.0.1');
    base = `http://127.0.0.1:${listeningPort(server)}`;
  });
  after(() => server.close());

  const message = (text: string) => fetch(`${base}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', channelId: 'webchat', deliveryMode: 'expectReplies', text, from: { id: 'u' }, conversation: { id: randomUUID() } }),
  });

  it('reports readiness with what knowledge it loaded', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).to.equal(200);
    const body = (await res.json()) as { status: string; knowledge: Record<string, unknown> };
    const [pack] = fixtureKnowledge().packs;
    expect(body.status).to.equal('ready');
    expect(body.knowledge).to.deep.equal({
      careers: ['cra'],
      units: pack!.units.size,
      salaryRecords: pack!.salary!.states!.records.length + pack!.salary!.industries!.records.length,
    });
  });

  it('puts the security headers on every answer, errors included', async () => {
    for (const res of [await fetch(`${base}/healthz`), await fetch(`${base}/api/messages`, { method: 'POST', body: '{' }), await fetch(`${base}/nowhere`)]) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), `${name} on ${res.url}`).to.equal(value);
    }
  });

  it('limits how fast one address may call the public routes', async () => {
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(`${base}/api/chat-config`)).status);
    expect(statuses.slice(0, 3)).to.deep.equal([200, 200, 200]);
    expect(statuses).to.include(429);
  });

  it('does not limit /api/messages, which only the Bot Framework may call once an app id is set', async () => {
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await message('hi')).status);
    expect(statuses.every((s) => s === 200)).to.equal(true);
  });
});

describe('InFlight', () => {
  const fakeExchange = () => ({ req: {} as Request, res: new EventEmitter() as unknown as Response });

  it('counts requests until their response finishes', () => {
    const inFlight = new InFlight();
    const a = fakeExchange();
    const b = fakeExchange();
    inFlight.track(a.req, a.res, (() => undefined) as Next);
    inFlight.track(b.req, b.res, (() => undefined) as Next);
    expect(inFlight.size).to.equal(2);
    a.res.emit('finish');
    a.res.emit('close');
    expect(inFlight.size).to.equal(1);
  });

  it('resolves a drain once the last request finishes', async () => {
    const inFlight = new InFlight();
    const a = fakeExchange();
    inFlight.track(a.req, a.res, (() => undefined) as Next);
    const drained = inFlight.drained(5000);
    setTimeout(() => a.res.emit('finish'), 20);
    expect(await drained).to.equal(true);
  });

  it('gives up a drain after its timeout', async () => {
    const inFlight = new InFlight();
    const a = fakeExchange();
    inFlight.track(a.req, a.res, (() => undefined) as Next);
    expect(await inFlight.drained(30)).to.equal(false);
  });
});

describe('the bot process', () => {
  it('shuts down cleanly on SIGTERM, saying so in its log', async function () {
    this.timeout(30_000);
    const child = spawn(process.execPath, ['dist/src/index.js'], { cwd: PROJECT_ROOT, env: { ...process.env, ...FIXTURE_ENV, PORT: '0', MicrosoftAppId: '', LOG_LEVEL: 'info', SHUTDOWN_NOTICE_SECONDS: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += String(d); });
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line in:\n${out}`)), 20_000);
      child.stdout.on('data', () => {
        const m = /"port":(\d+)[^\n]*"msg":"listening"/.exec(out);
        if (m) { clearTimeout(timer); resolve(Number(m[1])); }
      });
    });
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).to.equal(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).to.equal(0);
    expect(out).to.include('"msg":"shutting down"').and.to.include('"msg":"stopped"');
  });
});
