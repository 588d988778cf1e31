import { expect } from 'chai';
import type { Server } from 'restify';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { listeningPort, MAX_BODY_BYTES, startServer } from '../../src/server.js';
import { FIXTURE_ENV, fixtureKnowledge, fixturePack } from '../support/knowledge.js';

// Deep enough that a recursive parser or validator would blow the stack, as an attacker would try.
const NESTING_DEPTH = 100_000;

/** Washington's figure, which the question every test sends is answered with. */
const FIGURE = fixturePack().salary!.states!.records.find((r) => r.entityId === 'WA')!.display;

describe('bad input on /api/messages', () => {
  let server: Server;
  let url: string;

  before(async () => {
    server = await startServer(createApp(loadConfig(FIXTURE_ENV), fixtureKnowledge(), { error: () => undefined }), 0, '127.0.0.1');
    url = `http://127.0.0.1:${listeningPort(server)}/api/messages`;
  });
  after(() => server.close());

  const valid = (extra: object = {}) => ({
    type: 'message', channelId: 'webchat', deliveryMode: 'expectReplies', text: 'how much do CRAs make in Washington?',
    from: { id: 'user' }, recipient: { id: 'bot' }, conversation: { id: randomUUID() }, ...extra,
  });
  const post = async (body: string, contentType = 'application/json') => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
    const text = await res.text();
    return { status: res.status, text };
  };
  const without = (key: string) => { const a: Record<string, unknown> = valid(); delete a[key]; return JSON.stringify(a); };

  const table: Array<[string, () => Promise<{ status: number; text: string }>, number]> = [
    ['invalid JSON', () => post('{"type": "message",'), 400],
    ['null', () => post('null'), 400],
    ['an array', () => post('[{"type":"message"}]'), 400],
    ['an empty object', () => post('{}'), 400],
    ['a missing type', () => post(without('type')), 400],
    ['a numeric type', () => post(JSON.stringify(valid({ type: 7 }))), 400],
    ['a missing conversation', () => post(without('conversation')), 400],
    ['a missing from', () => post(without('from')), 400],
    ['text that is not a string', () => post(JSON.stringify(valid({ text: { $gt: '' } }))), 400],
    ['a form body', () => post('type=message&text=hi', 'application/x-www-form-urlencoded'), 400],
    ['a plain-text body', () => post('how much do CRAs make', 'text/plain'), 400],
    ['deeply nested JSON', () => post(`${'['.repeat(NESTING_DEPTH)}${']'.repeat(NESTING_DEPTH)}`), 400],
    ['deeply nested JSON inside an activity', () => post(JSON.stringify(valid()).replace('"text"', `"extra":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)},"text"`)), 200],
    ['no serviceUrl to reply to', () => post(JSON.stringify(valid({ deliveryMode: undefined }))), 400],
    ['a body over the size limit', () => post(JSON.stringify(valid({ text: 'a'.repeat(MAX_BODY_BYTES) }))), 413],
    ['a 10 MB body', () => post('x'.repeat(10 * 1024 * 1024)), 413],
  ];
  for (const [what, send, status] of table) {
    it(status === 200 ? `accepts ${what} and answers normally` : `answers ${what} with ${status} and a short JSON error`, async () => {
      const res = await send();
      expect(res.status, res.text.slice(0, 200)).to.equal(status);
      if (status !== 200) expect(JSON.parse(res.text)).to.have.property('error').that.is.a('string');
    });
  }

  it('acknowledges an activity type it does not know and ignores it', async () => {
    const res = await post(JSON.stringify(valid({ type: 'somethingNew' })));
    expect(res.status).to.equal(200);
    expect(res.text === '' || !JSON.stringify(JSON.parse(res.text)).includes('"message"')).to.equal(true);
  });

  it('caps a very long message before matching and still answers it', async () => {
    const long = `how much do CRAs make in Washington? ${'please '.repeat(5000)}`;
    const res = await post(JSON.stringify(valid({ text: long })));
    expect(res.status).to.equal(200);
    expect(res.text).to.include(FIGURE);
  });

  it('keeps answering after all of that', async () => {
    for (const [, send] of table) await send();
    const res = await post(JSON.stringify(valid()));
    expect(res.status).to.equal(200);
    expect(res.text).to.include(FIGURE);
  });
});
