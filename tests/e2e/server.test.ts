import { expect } from 'chai';
import type { Server } from 'restify';
import type { Activity } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { APOLOGY, createAdapter } from '../../src/adapter.js';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { listeningPort, MAX_BODY_BYTES, startServer } from '../../src/server.js';
import { messageActivity } from '../support/activities.js';
import { say } from '../../src/answer/words.js';
import { FIXTURE_ENV, fixtureFigure, fixtureKnowledge, fixturePack } from '../support/knowledge.js';

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const pack = fixturePack();

describe('the HTTP server', () => {
  let server: Server;
  let base: string;

  before(async () => {
    const app = createApp(loadConfig(FIXTURE_ENV), fixtureKnowledge());
    server = await startServer(app, 0, '127.0.0.1');
    base = `http://127.0.0.1:${listeningPort(server)}`;
  });

  after(() => {
    server.close();
  });

  const post = async (body: string, contentType = 'application/json'): Promise<Answer> => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  const activity = messageActivity;

  /** Posts a message with deliveryMode expectReplies and returns the activities the bot answered with. */
  const ask = async (conversationId: string, text: string): Promise<Partial<Activity>[]> => {
    const { status, body } = await post(JSON.stringify(activity(conversationId, { text })));
    expect(status, JSON.stringify(body)).to.equal(200);
    return (body as { activities: Partial<Activity>[] }).activities;
  };

  /** Everything the replies say: their text and every string inside their cards. */
  const textOf = (activities: Partial<Activity>[]): string => activities.map((a) => `${a.text ?? ''}\n${JSON.stringify(a.attachments ?? [])}`).join('\n');

  it('answers a message in the HTTP response when deliveryMode is expectReplies', async () => {
    const replies = await ask(randomUUID(), 'how much do CRAs make in Washington?');
    expect(replies.map((a) => a.type)).to.deep.equal(['message']);
    expect(replies[0]?.attachments?.[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(textOf(replies)).to.include(fixtureFigure('WA'));
  });

  it('follows up within a conversation and keeps conversations apart', async () => {
    const first = randomUUID();
    await ask(first, 'how much do CRAs make in Washington?');
    expect(textOf(await ask(first, 'what about Texas?'))).to.include(fixtureFigure('TX'));
    // In another conversation "compare them" has nothing earlier to compare.
    expect(textOf(await ask(randomUUID(), 'compare them'))).to.not.include(fixtureFigure('WA'));
  });

  it('welcomes a member who joins with three suggested actions', async () => {
    const { status, body } = await post(JSON.stringify(activity(randomUUID(), {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot', name: 'Bot' }, { id: 'user', name: 'User' }],
    })));
    expect(status).to.equal(200);
    const [welcome, ...rest] = (body as { activities: Partial<Activity>[] }).activities;
    expect(rest).to.have.length(0);
    expect(welcome?.text).to.equal(say(pack, 'welcome'));
    expect(welcome?.suggestedActions?.actions).to.have.length(3);
  });

  it('reports healthy on GET /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ status: 'ok' });
  });

  const badBodies: Array<[string, string, string?]> = [
    ['invalid JSON', '{"type": "message",'],
    ['an empty object', '{}'],
    ['an activity without a type', JSON.stringify({ ...activity('c', { text: 'hi' }), type: undefined })],
    ['text that is a number', JSON.stringify({ ...activity('c', {}), text: 42 })],
    ['a conversation without an id', JSON.stringify({ ...activity('c', { text: 'hi' }), conversation: {} })],
    ['an activity without a sender', JSON.stringify({ ...activity('c', { text: 'hi' }), from: undefined })],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['plain text', 'how much do CRAs make?', 'text/plain'],
  ];
  for (const [what, body, contentType] of badBodies) {
    it(`rejects ${what} with 400 and a JSON error, then still answers`, async () => {
      const bad = await post(body, contentType);
      expect(bad.status).to.equal(400);
      expect(bad.body).to.have.property('error').that.is.a('string').and.is.not.empty;
      expect(textOf(await ask(randomUUID(), 'help'))).to.include(say(pack, 'help'));
    });
  }

  it('names the missing fields in the error', async () => {
    const { body } = await post('{}');
    expect((body as { error: string }).error).to.include('type').and.to.include('conversation').and.to.include('from');
  });

  it(`refuses a body over ${MAX_BODY_BYTES / 1024} KB with 413 and a JSON error`, async () => {
    const huge = JSON.stringify(activity(randomUUID(), { text: 'a'.repeat(MAX_BODY_BYTES) }));
    const { status, body } = await post(huge);
    expect(status).to.equal(413);
    expect(body).to.have.property('error').that.is.a('string');
  });

  it('answers an unknown route with 404 and a JSON error', async () => {
    const res = await fetch(`${base}/nowhere`);
    expect(res.status).to.equal(404);
    expect(await res.json()).to.have.property('error');
  });

  it('apologises without detail when a turn fails, and logs the error', async () => {
    const errors: unknown[][] = [];
    const adapter = createAdapter(loadConfig({}), undefined, { error: (...args: unknown[]) => errors.push(args) });
    const broken = await startServer({ adapter, bot: { run: async () => { throw new Error('secret internals'); } } }, 0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${listeningPort(broken)}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity(randomUUID(), { text: 'help' })),
      });
      expect(res.status).to.equal(200);
      const { activities } = (await res.json()) as { activities: Partial<Activity>[] };
      expect(activities.map((a) => a.text)).to.deep.equal([APOLOGY]);
      expect(JSON.stringify(activities)).to.not.include('secret internals');
      const logged = errors.map((args) => (args[0] as { err?: Error }).err?.message);
      expect(logged).to.include('secret internals');
    } finally {
      broken.close();
    }
  });
});
