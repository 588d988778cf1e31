import { expect } from 'chai';
import { ConversationStore, MAX_CONVERSATIONS, MAX_CONVERSATIONS_PER_ADDRESS } from '../../src/directline/conversation-store.js';
import { botText, call, DirectLineClient, localDirectLineForSuite, startLocalDirectLine } from '../directline/direct-line-client.js';
import { callFrom, startConversationFrom } from '../support/call-from.js';
import { fixtureFigure } from '../support/knowledge.js';

/** Requests sent at once in the floods below: quick on loopback without queueing thousands of sockets. */
const CONCURRENCY = 25;

async function inBatches(count: number, send: (i: number) => Promise<void>): Promise<void> {
  for (let sent = 0; sent < count; sent += CONCURRENCY) {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count - sent) }, (_, i) => send(sent + i)));
  }
}

// Finding 5 of the security review: every token request took a place in the store, which kept only the newest 500,
// so 500 token requests evicted every visitor's live conversation.
describe("evicting visitors' conversations (security)", function () {
  this.timeout(60_000);

  describe('with the real limits', () => {
    const directLine = localDirectLineForSuite();

    it(`keeps a live conversation through ${MAX_CONVERSATIONS + 100} token requests, which take no room`, async () => {
      const visitor = await DirectLineClient.open(directLine.base);
      await visitor.say('how much do CRAs make in Washington?');
      await visitor.pollForBotMessage();
      await inBatches(MAX_CONVERSATIONS + 100, async () => {
        expect((await call(directLine.base, 'POST', '/api/directline/token')).status).to.equal(200);
      });
      await visitor.say('and in Texas?');
      expect(botText(await visitor.pollForBotMessage())).to.include(fixtureFigure('TX'));
    });
  });

  describe('with a store a few addresses could fill', () => {
    /** More than one address's share, so the share is what holds the flood back. */
    const STORE_SIZE = MAX_CONVERSATIONS_PER_ADDRESS * 2 + 10;
    const directLine = localDirectLineForSuite({ store: new ConversationStore({ maxConversations: STORE_SIZE }) });

    it("keeps another address's conversation while one address starts many times the store's size", async () => {
      const visitor = await DirectLineClient.open(directLine.base);
      await visitor.pollForBotMessage(); // the visitor has not asked anything yet, and still keeps the conversation
      const flood: Array<{ token: string; conversationId: string }> = [];
      for (let i = 0; i < STORE_SIZE * 4; i++) {
        const started = await startConversationFrom('127.0.0.2', directLine.base);
        expect(started.status).to.equal(201);
        flood.push(started);
      }
      const poll = await call(directLine.base, 'GET', visitor.activitiesPath, { token: visitor.token });
      expect(poll.status, "the visitor's poll").to.equal(200);
      // The flooding address pushed out its own conversations to make room for its next ones.
      const held = await Promise.all(flood.map(async ({ token, conversationId }) =>
        (await callFrom('127.0.0.2', directLine.base, 'GET', `/v3/directline/conversations/${conversationId}/activities`, { token })).status));
      expect(held.filter((status) => status === 200)).to.have.length(MAX_CONVERSATIONS_PER_ADDRESS);
    });
  });

  describe('with a full store', () => {
    const CAPACITY = 5;
    const store = new ConversationStore({ maxConversations: CAPACITY });
    const directLine = localDirectLineForSuite({ store });

    it('takes the conversations nobody spoke in first, however recent, before one with a question', async () => {
      const visitor = await DirectLineClient.open(directLine.base);
      await visitor.say('how much do CRAs make in Washington?');
      await visitor.pollForBotMessage();
      for (let i = 0; i < CAPACITY * 3; i++) {
        expect((await startConversationFrom(`127.0.0.${3 + i}`, directLine.base)).status).to.equal(201);
      }
      expect(store.size).to.equal(CAPACITY);
      await visitor.say('and in Texas?');
      expect(botText(await visitor.pollForBotMessage())).to.include(fixtureFigure('TX'));
    });
  });

  it(`lets one address hold ${MAX_CONVERSATIONS_PER_ADDRESS} conversations at once, its next replacing one of its own`, async () => {
    const { server, base } = await startLocalDirectLine();
    try {
      const mine = [];
      for (let i = 0; i < MAX_CONVERSATIONS_PER_ADDRESS; i++) mine.push(await DirectLineClient.open(base));
      for (const client of mine) expect((await call(base, 'GET', client.activitiesPath, { token: client.token })).status).to.equal(200);
      await DirectLineClient.open(base);
      const statuses = await Promise.all(mine.map(async (client) => (await call(base, 'GET', client.activitiesPath, { token: client.token })).status));
      expect(statuses.filter((s) => s === 404)).to.have.length(1);
    } finally {
      server.close();
    }
  });
});
