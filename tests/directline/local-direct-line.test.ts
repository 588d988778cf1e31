import { expect } from 'chai';
import type { Server } from 'restify';
import { ConversationStore, CONVERSATION_IDLE_TTL_MS } from '../../src/directline/conversation-store.js';
import { MAX_TEXT_LENGTH } from '../../src/directline/direct-line-schemas.js';
import { TOKEN_TTL_MS } from '../../src/directline/token-issuer.js';
import { say } from '../../src/answer/words.js';
import { fixtureFigure, fixturePack } from '../support/knowledge.js';
import { botText, call, DirectLineClient, sharedApp, startLocalDirectLine } from './direct-line-client.js';

const pack = fixturePack();
const WELCOME = say(pack, 'welcome');

describe('the local Direct Line', () => {
  let server: Server;
  let base: string;

  before(async function () {
    this.timeout(60_000); // the first test to build the bot trains its understanding
    sharedApp();
    ({ server, base } = await startLocalDirectLine());
  });

  after(() => {
    server.close();
  });

  describe('conversations', () => {
    it('welcomes the user when a conversation starts', async () => {
      const client = await DirectLineClient.open(base);
      const activities = await client.pollForBotMessage();
      expect(botText(activities)).to.equal(WELCOME);
      const welcome = activities.find((a) => a.from.role === 'bot');
      expect(welcome?.suggestedActions?.actions.map((a) => a.value)).to.deep.equal(pack.starters.map((s) => s.ask));
    });

    it('welcomes only once when the conversation is opened again', async () => {
      const client = await DirectLineClient.open(base);
      const again = await call(base, 'POST', '/v3/directline/conversations', { token: client.token });
      expect(again.status).to.equal(200);
      expect(again.body.conversationId).to.equal(client.conversationId);
      const activities = await client.pollForBotMessage();
      expect(activities.filter((a) => a.from.role === 'bot')).to.have.length(1);
    });

    it('answers a salary question, and polling with the watermark returns only newer activities', async () => {
      const client = await DirectLineClient.open(base);
      await client.pollForBotMessage();
      const afterWelcome = client.watermark;
      expect(afterWelcome).to.be.a('string');

      const posted = await client.say('how much do CRAs make in Washington?', 'mine-1');
      expect(posted.status).to.equal(200);
      expect(posted.body.id).to.be.a('string').and.include(client.conversationId);

      const activities = await client.pollForBotMessage();
      expect(Number(client.watermark)).to.be.greaterThan(Number(afterWelcome));
      expect(activities.map((a) => a.from.role)).to.deep.equal(['user', 'bot']);
      // The user's message comes back with its client id, so Web Chat can mark it as sent.
      expect(activities[0]?.channelData?.clientActivityID).to.equal('mine-1');
      expect(activities[0]?.id).to.equal(posted.body.id);
      // A reply with figures comes as one Adaptive Card, the figures said once.
      expect(activities[1]?.attachments?.[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
      expect(botText(activities)).to.include(fixtureFigure('WA'));
      expect(activities[1]?.replyToId).to.equal(posted.body.id);
      expect(botText(activities)).to.not.include(WELCOME);

      expect(await client.poll()).to.deep.equal([]);
    });

    it('remembers the topic for a follow-up', async () => {
      const client = await DirectLineClient.open(base);
      await client.pollForBotMessage();
      await client.say('how much do CRAs make in Washington?');
      await client.pollForBotMessage();
      await client.say('and in Texas?');
      expect(botText(await client.pollForBotMessage())).to.include(fixtureFigure('TX'));
    });

    it('sends the user as the token says, whatever the client claims', async () => {
      const client = await DirectLineClient.open(base);
      await client.say('hi');
      const [mine] = await client.pollForBotMessage().then((all) => all.filter((a) => a.from.role === 'user'));
      expect(mine?.from.id).to.match(/^user-/).and.not.equal('whoever');
    });

    it('passes a card submit (a value without text) on to the bot', async () => {
      const client = await DirectLineClient.open(base);
      await client.pollForBotMessage();
      const posted = await call(base, 'POST', client.activitiesPath, { token: client.token, body: { type: 'message', value: { question: 'how much do CRAs make in Washington?' } } });
      expect(posted.status).to.equal(200);
      expect(botText(await client.pollForBotMessage())).to.include(fixtureFigure('WA'));
    });

    it('refreshes a token for the same conversation', async () => {
      const client = await DirectLineClient.open(base);
      const refreshed = await call(base, 'POST', '/v3/directline/tokens/refresh', { token: client.token });
      expect(refreshed.status).to.equal(200);
      expect(refreshed.body.conversationId).to.equal(client.conversationId);
      const poll = await call(base, 'GET', client.activitiesPath, { token: refreshed.body.token });
      expect(poll.status).to.equal(200);
    });
  });

  describe('bad input', () => {
    let client: DirectLineClient;
    before(async () => {
      client = await DirectLineClient.open(base);
    });

    const badActivities: Array<[string, unknown, string]> = [
      ['an activity without a type', { text: 'hi' }, 'type'],
      ['a message without text', { type: 'message' }, 'text'],
      ['a message with blank text', { type: 'message', text: '   ' }, 'text'],
      ['text that is a number', { type: 'message', text: 42 }, 'text'],
      [`text over ${MAX_TEXT_LENGTH} characters`, { type: 'message', text: 'a'.repeat(MAX_TEXT_LENGTH + 1) }, 'text'],
      ['an unknown activity type', { type: 'invoke', text: 'hi' }, 'type'],
      ['an attachment', { type: 'message', text: 'hi', attachments: [{ contentType: 'image/png', contentUrl: 'x' }] }, 'attachments'],
      ['a JSON array', [], 'JSON object'],
    ];
    for (const [what, body, named] of badActivities) {
      it(`refuses ${what} with 400 naming the problem`, async () => {
        const answer = await call(base, 'POST', client.activitiesPath, { token: client.token, body });
        expect(answer.status).to.equal(400);
        expect(answer.body.error).to.be.a('string').and.include(named);
      });
    }

    it('refuses invalid JSON with 400 and a JSON error', async () => {
      const answer = await call(base, 'POST', client.activitiesPath, { token: client.token, rawBody: '{"type": "message",' });
      expect(answer.status).to.equal(400);
      expect(answer.body.error).to.be.a('string');
    });

    it('refuses a watermark that is not a number with 400', async () => {
      const answer = await call(base, 'GET', `${client.activitiesPath}?watermark=abc`, { token: client.token });
      expect(answer.status).to.equal(400);
      expect(answer.body.error).to.include('watermark');
    });

    it('refuses a token request for a user id with odd characters with 400', async () => {
      const answer = await call(base, 'POST', '/v3/directline/tokens/generate', { body: { user: { id: '<script>' } } });
      expect(answer.status).to.equal(400);
    });
  });

  describe('tokens', () => {
    it('asks for a token with 401 when there is none', async () => {
      const client = await DirectLineClient.open(base);
      expect((await call(base, 'GET', client.activitiesPath)).status).to.equal(401);
      expect((await call(base, 'POST', '/v3/directline/conversations')).status).to.equal(401);
    });

    it('refuses a forged token with 403', async () => {
      const client = await DirectLineClient.open(base);
      const forged = `${client.token.split('.')[0]}.AAAA`;
      const answer = await call(base, 'GET', client.activitiesPath, { token: forged });
      expect(answer.status).to.equal(403);
      expect(answer.body.error).to.be.a('string');
    });

    it("refuses one conversation's token for another with 403, reading and writing", async () => {
      const mine = await DirectLineClient.open(base);
      const theirs = await DirectLineClient.open(base);
      await theirs.say('how much do CRAs make in Washington?');
      expect((await call(base, 'GET', theirs.activitiesPath, { token: mine.token })).status).to.equal(403);
      const post = await call(base, 'POST', theirs.activitiesPath, { token: mine.token, body: { type: 'message', text: 'hi' } });
      expect(post.status).to.equal(403);
    });
  });

  describe('expiry and bounds', () => {
    let clock: number;
    let store: ConversationStore;
    let timed: { server: Server; base: string };

    beforeEach(async () => {
      clock = Date.UTC(2026, 0, 1);
      store = new ConversationStore({ now: () => clock, maxConversations: 2 });
      timed = await startLocalDirectLine({ now: () => clock, store });
    });

    afterEach(() => {
      timed.server.close();
    });

    it('forgets an idle conversation, even while its page refreshes the token, and then answers 404', async () => {
      const client = await DirectLineClient.open(timed.base);
      await client.pollForBotMessage();
      clock += CONVERSATION_IDLE_TTL_MS / 2;
      const refreshed = await call(timed.base, 'POST', '/v3/directline/tokens/refresh', { token: client.token });
      expect(refreshed.status).to.equal(200);
      clock += CONVERSATION_IDLE_TTL_MS / 2;
      const answer = await call(timed.base, 'GET', client.activitiesPath, { token: refreshed.body.token });
      expect(answer.status).to.equal(404);
      expect(store.size).to.equal(0);
    });

    it('rejects an expired token with 403 while its conversation lives on', async () => {
      const client = await DirectLineClient.open(timed.base);
      // Keep the conversation busy so only the token ages out.
      for (let elapsed = 0; elapsed < TOKEN_TTL_MS; elapsed += CONVERSATION_IDLE_TTL_MS / 2) {
        clock += CONVERSATION_IDLE_TTL_MS / 2;
        store.touch(store.get(client.conversationId) ?? expect.fail('conversation gone'));
      }
      const answer = await call(timed.base, 'GET', client.activitiesPath, { token: client.token });
      expect(answer.status).to.equal(403);
      expect(answer.body.error).to.include('expired');
    });

    it('holds at most its limit of conversations, dropping the least recently active', async () => {
      const first = await DirectLineClient.open(timed.base);
      clock += 1;
      await DirectLineClient.open(timed.base);
      clock += 1;
      await DirectLineClient.open(timed.base);
      expect(store.size).to.equal(2);
      expect((await call(timed.base, 'GET', first.activitiesPath, { token: first.token })).status).to.equal(404);
    });
  });
});
