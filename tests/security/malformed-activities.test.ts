import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { APOLOGY } from '../../src/adapter.js';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { messageActivity } from '../support/activities.js';
import { FIXTURE_ENV, fixtureKnowledge } from '../support/knowledge.js';
import { ask, postActivity } from './ask.js';
import { startBot, type RunningBot } from './running-bot.js';

const BOT = { id: 'bot', name: 'Bot' };

/**
 * Finding 9: botbuilder reads a mention's `mentioned.id` and `text`, and an Adaptive Card action's or search's
 * `value`, without checking them. A mention without them, or an invoke whose value is a number, failed the turn:
 * an apology, a stack trace in the log, and the conversation's state deleted.
 */
describe('malformed mentions and invoke values (finding 9)', () => {
  // The text carries no mention markup: a malformed mention cannot be cut out, only ignored.
  const mention = (entity: object) => ({ text: 'how do I become a clinical research associate?', entities: [entity] }) as Partial<Activity>;
  const invoke = (name: string, value: unknown): Partial<Activity> => ({ type: 'invoke', name, value });

  const malformed: Array<[string, Partial<Activity>, string]> = [
    ['a mention naming no one', mention({ type: 'mention' }), 'entities.0.mentioned'],
    ['a mention whose mentioned is null', mention({ type: 'mention', mentioned: null, text: '<at>Bot</at>' }), 'entities.0.mentioned'],
    ['a mention whose id is a number', mention({ type: 'Mention', mentioned: { id: 5 }, text: '<at>Bot</at>' }), 'entities.0.mentioned.id'],
    ['a mention without text', mention({ type: 'mention', mentioned: BOT }), 'entities.0.text'],
    ['an Adaptive Card action whose value is 1e308', invoke('adaptiveCard/action', 1e308), 'value'],
    ['an Adaptive Card action whose action is null', invoke('adaptiveCard/action', { action: null }), 'value.action'],
    ['a search whose value is 1e308', invoke('application/search', 1e308), 'value'],
    ['a search whose value is null', invoke('application/search', null), 'value'],
  ];

  describe('on /api/messages', () => {
    let bot: RunningBot;

    before(async () => {
      bot = await startBot();
    });
    after(() => bot.close());

    for (const [what, fields, path] of malformed) {
      it(`refuses ${what} with 400 naming ${path}, and runs no turn`, async () => {
        const answer = await postActivity(bot.base, messageActivity(randomUUID(), { recipient: BOT, ...fields }));
        expect(answer.status, JSON.stringify(answer.body)).to.equal(400);
        expect((answer.body as { error: string }).error).to.include(`${path}:`);
      });
    }

    it('keeps the conversation\'s memory through a malformed message', async () => {
      const conversation = randomUUID();
      await ask(bot.base, conversation, 'how do I become a clinical research associate?');
      expect((await ask(bot.base, conversation, 'what comes next?')).text).to.match(/^\*\*Step 1:/);
      expect((await postActivity(bot.base, messageActivity(conversation, { recipient: BOT, ...mention({ type: 'mention', mentioned: null }) }))).status).to.equal(400);
      expect((await ask(bot.base, conversation, 'what comes next?')).text).to.match(/^\*\*Step 2:/);
      expect(bot.errors).to.deep.equal([]);
    });

    it('still takes a well-formed mention of the bot, and answers the rest of the message', async () => {
      const answer = await postActivity(bot.base, messageActivity(randomUUID(), {
        recipient: BOT, text: '<at>Bot</at> how do I become a clinical research associate?', entities: [{ type: 'mention', mentioned: BOT, text: '<at>Bot</at>' }],
      }));
      expect(answer.status).to.equal(200);
      expect(answer.text).to.include('How to become a clinical research associate');
    });
  });

  // The local Direct Line hands activities to the bot in process, past /api/messages: the bot must cope on its own.
  describe('handed to the bot past /api/messages', () => {
    const app = createApp(loadConfig(FIXTURE_ENV), fixtureKnowledge(), { error: () => undefined });

    for (const [what, fields] of malformed.filter(([, f]) => f.type === undefined)) {
      it(`reads past ${what} and answers the message`, async () => {
        const reference = TestAdapter.createConversation(randomUUID(), 'user', BOT.id);
        reference.bot = BOT;
        const adapter = new TestAdapter(reference);
        await adapter.processActivity({ type: 'message', ...fields }, (context) => app.bot.run(context));
        const replies = adapter.activeQueue.splice(0).filter((a) => a.type === ActivityTypes.Message);
        expect(replies.map((r) => r.text).join('\n')).to.include('How to become a clinical research associate').and.not.include(APOLOGY);
      });
    }

    for (const [what, fields] of malformed.filter(([, f]) => f.type === 'invoke')) {
      it(`answers ${what} with an invoke response of 400`, async () => {
        const reference = TestAdapter.createConversation(randomUUID(), 'user', BOT.id);
        const adapter = new TestAdapter(reference);
        await adapter.processActivity(fields, (context) => app.bot.run(context));
        const [response] = adapter.activeQueue.splice(0).filter((a) => a.type === ActivityTypes.InvokeResponse);
        expect(response?.value).to.deep.equal({ status: 400 });
      });
    }
  });
});
