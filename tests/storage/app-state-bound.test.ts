import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { listeningPort, startServer } from '../../src/server.js';
import { FIXTURE_ENV, fixtureKnowledge } from '../support/knowledge.js';

/** A reply headed by the walk-through's first step: "what comes next?" gets it only if the conversation was remembered. */
const STEP_1 = /^\*\*Step 1:/;

describe('the app with its default storage', () => {
  const servers: Server[] = [];
  after(() => servers.forEach((s) => s.close()));

  /** Starts the app with the given environment and returns a function that asks it one question. */
  async function botWith(env: NodeJS.ProcessEnv): Promise<(conversationId: string, text: string) => Promise<string>> {
    const server = await startServer(createApp(loadConfig({ ...FIXTURE_ENV, ...env }), fixtureKnowledge()), 0, '127.0.0.1');
    servers.push(server);
    return async (conversationId, text) => {
      const activity: Partial<Activity> = {
        type: 'message', channelId: 'webchat', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies',
        from: { id: 'user', name: 'User' }, recipient: { id: 'bot', name: 'Bot' }, conversation: { id: conversationId } as Activity['conversation'], text,
      };
      const res = await fetch(`http://127.0.0.1:${listeningPort(server)}/api/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity),
      });
      expect(res.status).to.equal(200);
      return ((await res.json()) as { activities: Partial<Activity>[] }).activities.map((a) => a.text ?? '').join('\n');
    };
  }

  for (const [max, remembered] of [[2, true], [1, false]] as const) {
    it(`${remembered ? 'remembers' : 'forgets'} the first of two conversations when STATE_MAX_CONVERSATIONS is ${max}`, async () => {
      const ask = await botWith({ STATE_MAX_CONVERSATIONS: String(max) });
      const first = randomUUID();
      await ask(first, 'how do I become a clinical research associate?');
      await ask(randomUUID(), 'how do I become a clinical research associate?');
      const followUp = await ask(first, 'what comes next?');
      if (remembered) expect(followUp).to.match(STEP_1);
      else expect(followUp).to.not.match(STEP_1);
    });
  }
});
