import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { listeningPort, startServer } from '../../src/server.js';
import { messageActivity } from '../support/activities.js';
import { FIXTURE_ENV, fixtureKnowledge } from '../support/knowledge.js';
import { startAzurite, type Azurite } from './azurite.js';

/** Starting Azurite and training two bots takes a few seconds; a slow machine gets ample room. */
const SETUP_TIMEOUT_MS = 90_000;
const CONTAINER = 'msl-bot-state-test';

/**
 * Replies headed by a step of the how-to-become walk-through. "what comes next?" opens step 1 only when the
 * conversation's memory says the walk-through has started; without it the bot gives the overview, which lists the steps.
 */
const STEP_1 = /^\*\*Step 1:/;
const STEP_2 = /^\*\*Step 2:/;
const BECOME = 'how do I become a clinical research associate?';

interface Instance {
  readonly server: Server;
  readonly base: string;
}

async function startInstance(env: NodeJS.ProcessEnv): Promise<Instance> {
  const server = await startServer(createApp(loadConfig({ ...FIXTURE_ENV, ...env }), fixtureKnowledge()), 0, '127.0.0.1');
  return { server, base: `http://127.0.0.1:${listeningPort(server)}` };
}

/** Sends one message with deliveryMode expectReplies and returns the text of the replies. */
async function ask({ base }: Instance, conversationId: string, text: string): Promise<string> {
  const activity = messageActivity(conversationId, { text });
  const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const body = (await res.json()) as { activities?: Partial<Activity>[] };
  expect(res.status, JSON.stringify(body)).to.equal(200);
  return (body.activities ?? []).map((a) => a.text ?? '').join('\n');
}

describe('two bot instances', function () {
  this.timeout(SETUP_TIMEOUT_MS);

  describe('sharing an Azure Blob container (Azurite)', () => {
    let azurite: Azurite | undefined;
    const instances: Instance[] = [];

    before(async () => {
      azurite = await startAzurite();
      const env = { STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: CONTAINER };
      instances.push(await startInstance(env), await startInstance(env));
    });

    after(async () => {
      for (const { server } of instances) server.close();
      await azurite?.stop();
    });

    it('continue on instance B a conversation started on instance A, and back', async () => {
      const [a, b] = instances as [Instance, Instance];
      const conversation = randomUUID();
      expect(await ask(a, conversation, BECOME)).to.include('How to become a clinical research associate');
      expect(await ask(b, conversation, 'what comes next?')).to.match(STEP_1);
      expect(await ask(a, conversation, 'what comes next?')).to.match(STEP_2);
    });

    it('keep separate conversations apart', async () => {
      const [a, b] = instances as [Instance, Instance];
      await ask(a, randomUUID(), BECOME);
      expect(await ask(b, randomUUID(), 'what comes next?')).to.not.match(STEP_1);
    });
  });

  describe('each with its own memory storage', () => {
    const instances: Instance[] = [];

    before(async () => {
      instances.push(await startInstance({}), await startInstance({}));
    });

    after(() => {
      for (const { server } of instances) server.close();
    });

    it('do not carry a conversation from one to the other', async () => {
      const [a, b] = instances as [Instance, Instance];
      const conversation = randomUUID();
      await ask(a, conversation, BECOME);
      expect(await ask(b, conversation, 'what comes next?')).to.not.match(STEP_1);
      expect(await ask(a, conversation, 'what comes next?')).to.match(STEP_1);
    });
  });
});
