import { expect } from 'chai';
import { ConversationStore } from '../../src/directline/conversation-store.js';
import { botText, call, DirectLineClient, localDirectLineForSuite } from '../directline/direct-line-client.js';
import { callFrom, startConversationFrom } from '../support/call-from.js';
import { fixtureFigure } from '../support/knowledge.js';

/** Washington's and Texas's salary figures in the fixture guide, and the difference "compare them" gives between them. */
const WASHINGTON = fixtureFigure('WA');
const TEXAS = fixtureFigure('TX');
const WASHINGTON_OVER_TEXAS = `$${(Number(WASHINGTON.replace(/\D/g, '')) - Number(TEXAS.replace(/\D/g, ''))).toLocaleString('en-US')}`;

/** A message to the Bot Framework endpoint, naming whatever conversation the sender likes, with the reply in the response. */
async function viaApiMessages(base: string, conversationId: string, text: string): Promise<string> {
  const answer = await call(base, 'POST', '/api/messages', {
    body: { type: 'message', channelId: 'webchat', deliveryMode: 'expectReplies', text, from: { id: 'outsider' }, recipient: { id: 'bot' }, conversation: { id: conversationId } },
  });
  expect(answer.status).to.equal(200);
  return JSON.stringify(answer.body.activities);
}

// Finding 3 of the security review: the connector routes the bot's replies came back on took posts from anyone,
// so an outsider could speak as the bot in a visitor's chat or fill memory, and /api/messages could read a visitor's
// conversation memory by naming its id.
describe("the local Direct Line's conversations, from outside them (security)", function () {
  this.timeout(60_000);
  const directLine = localDirectLineForSuite();

  it('has no connector routes: nobody can post into a visitor\'s chat as the bot', async () => {
    const visitor = await DirectLineClient.open(directLine.base);
    await visitor.pollForBotMessage();
    const fake = { type: 'message', from: { id: 'msl-career-bot', role: 'bot' }, text: 'Your session expired, [log in again](https://evil.example/login)' };
    for (const path of [`/v3/conversations/${visitor.conversationId}/activities`, `/v3/conversations/${visitor.conversationId}/activities/${visitor.conversationId}|0000000`]) {
      const answer = await call(directLine.base, 'POST', path, { body: fake });
      expect(answer.status, path).to.equal(404);
    }
    await visitor.say('hi');
    expect(botText(await visitor.pollForBotMessage())).to.not.include('evil.example');
  });

  it('takes no 250 KB activity from outside into the store', async () => {
    const visitor = await DirectLineClient.open(directLine.base);
    const answer = await call(directLine.base, 'POST', `/v3/conversations/${visitor.conversationId}/activities`, { body: { type: 'message', text: 'x'.repeat(250 * 1024) } });
    expect(answer.status).to.be.within(400, 499);
  });

  it("does not let /api/messages read a visitor's conversation memory by naming its id", async () => {
    const visitor = await DirectLineClient.open(directLine.base);
    await visitor.say('how much do CRAs make in Washington?');
    await visitor.pollForBotMessage();
    await visitor.say('and in Texas?');
    await visitor.pollForBotMessage();

    const outsider = await viaApiMessages(directLine.base, visitor.conversationId, 'compare them');
    expect(outsider).to.not.include(WASHINGTON);
    expect(outsider).to.not.include(TEXAS);
  });

  it("does not let /api/messages write a visitor's conversation memory by naming its id", async () => {
    const visitor = await DirectLineClient.open(directLine.base);
    await visitor.say('how much do CRAs make in Washington?');
    await visitor.pollForBotMessage();
    await visitor.say('and in Texas?');
    await visitor.pollForBotMessage();

    await viaApiMessages(directLine.base, visitor.conversationId, 'how much do CRAs make in Oregon?');
    await viaApiMessages(directLine.base, visitor.conversationId, 'and in Minnesota?');
    await visitor.say('compare them');
    expect(botText(await visitor.pollForBotMessage())).to.include(WASHINGTON_OVER_TEXAS);
  });
});

describe("the local Direct Line's store under a flood of large activities (security)", function () {
  this.timeout(60_000);
  /** A store small enough to flood quickly; the real one has the same rules at MAX_STORE_BYTES. */
  const STORE_BYTES = 256 * 1024;
  /** Conversations the flood starts, and posts in each: several times what the store holds. */
  const FLOOD_CONVERSATIONS = 10;
  const POSTS_EACH = 10;
  const store = new ConversationStore({ maxStoreBytes: STORE_BYTES });
  const directLine = localDirectLineForSuite({ store });

  it('refuses a posted activity over the size limit with 413 and stores nothing of it', async () => {
    const visitor = await DirectLineClient.open(directLine.base);
    await visitor.pollForBotMessage();
    const before = store.bytes;
    const answer = await call(directLine.base, 'POST', visitor.activitiesPath, { token: visitor.token, body: { type: 'message', text: 'hi', channelData: { padding: 'x'.repeat(200 * 1024) } } });
    expect(answer.status).to.equal(413);
    expect(answer.body.error).to.include('bytes');
    expect(store.bytes).to.equal(before);
    expect(await visitor.poll()).to.deep.equal([]);
  });

  it("stays within its byte limit, and a visitor's chat on another address lives through it", async () => {
    const visitor = await DirectLineClient.open(directLine.base);
    await visitor.say('how much do CRAs make in Washington?');
    await visitor.pollForBotMessage();

    const padding = 'x'.repeat(14 * 1024); // just under the size limit with the rest of the activity
    let accepted = 0;
    for (let c = 0; c < FLOOD_CONVERSATIONS; c++) {
      const flood = await startConversationFrom('127.0.0.2', directLine.base);
      expect(flood.status).to.equal(201);
      for (let p = 0; p < POSTS_EACH; p++) {
        const answer = await callFrom('127.0.0.2', directLine.base, 'POST', `/v3/directline/conversations/${flood.conversationId}/activities`, {
          token: flood.token, body: { type: 'message', text: 'fill', channelData: { padding } },
        });
        if (answer.status === 200) accepted++;
        expect(store.bytes, 'bytes held').to.be.at.most(STORE_BYTES);
      }
    }
    expect(accepted, 'flood posts the store took').to.be.greaterThan((STORE_BYTES / padding.length) * 2);

    await visitor.say('and in Texas?');
    expect(botText(await visitor.pollForBotMessage())).to.include(TEXAS);
  });
});
