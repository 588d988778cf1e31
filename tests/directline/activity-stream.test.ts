import { expect } from 'chai';
import type { Server } from 'restify';
import { ConversationStore } from '../../src/directline/conversation-store.js';
import { MAX_STREAMS_PER_CONVERSATION } from '../../src/directline/activity-streams.js';
import { callFrom } from '../support/call-from.js';
import { say } from '../../src/answer/words.js';
import { fixtureFigure, fixturePack } from '../support/knowledge.js';
import { botText, call, DirectLineClient, startLocalDirectLine } from './direct-line-client.js';
import { StreamClient } from './stream-client.js';

describe("the local Direct Line's WebSocket stream", function () {
  this.timeout(60_000);
  let server: Server;
  let base: string;
  const open: StreamClient[] = [];
  const stream = async (url: string): Promise<StreamClient> => {
    const client = await StreamClient.open(url);
    open.push(client);
    return client;
  };

  before(async () => {
    ({ server, base } = await startLocalDirectLine());
  });

  afterEach(() => {
    for (const client of open.splice(0)) client.close();
  });

  after(() => {
    server.close();
  });

  it('is offered when a conversation starts: a ws:// URL on the host the page came to, with a stream token of its own', async () => {
    const client = await DirectLineClient.open(base);
    const url = new URL(client.streamUrl);
    expect(url.protocol).to.equal('ws:');
    expect(url.host).to.equal(new URL(base).host);
    expect(url.pathname).to.equal(`/v3/directline/conversations/${client.conversationId}/stream`);
    expect(url.searchParams.get('t')).to.be.a('string').and.not.equal(client.token);
  });

  it('sends the welcome, then the echo of a question, a typing activity and the answer, as activity sets with watermarks', async () => {
    const client = await DirectLineClient.open(base);
    const socket = await stream(client.streamUrl);
    const welcome = await socket.next();
    expect(welcome.activities.map((a) => a.text)).to.deep.equal([say(fixturePack(), 'welcome')]);
    expect(welcome.watermark).to.equal('0');

    await client.say('how much do CRAs make in Washington?', 'mine-1');
    const sets = await socket.untilBotMessage();
    expect(sets.map((set) => set.activities.map((a) => `${a.from.role} ${a.type}`))).to.deep.equal([['user message'], ['bot typing'], ['bot message']]);
    const [echo, typing, answer] = sets;
    expect(echo?.activities[0]?.channelData?.clientActivityID).to.equal('mine-1');
    expect(echo?.watermark).to.equal('1');
    expect(typing?.watermark, 'a typing activity moves no watermark').to.equal(undefined);
    expect(botText(answer!.activities)).to.include(fixtureFigure('WA'));
    expect(answer?.activities[0]?.replyToId).to.equal(echo?.activities[0]?.id);
    expect(answer?.watermark).to.equal('2');
  });

  it('keeps typing activities out of the history a poll or a resumed stream gets', async () => {
    const client = await DirectLineClient.open(base);
    await client.say('how much do CRAs make in Washington?');
    const history = await client.pollForBotMessage();
    expect(history.map((a) => a.type)).to.not.include('typing');
  });

  it('resumes from a watermark: the conversation answers a new stream URL, which sends only what came after it', async () => {
    const client = await DirectLineClient.open(base);
    await client.say('how much do CRAs make in Washington?');
    await client.pollForBotMessage();
    await client.say('and in Texas?');
    await client.pollForBotMessage();

    const resumed = await call(base, 'GET', `/v3/directline/conversations/${client.conversationId}?watermark=2`, { token: client.token });
    expect(resumed.status).to.equal(200);
    expect(resumed.body).to.include({ conversationId: client.conversationId, token: client.token });
    const socket = await stream(resumed.body.streamUrl);
    const missed = await socket.next();
    expect(missed.activities.map((a) => a.text ?? '')).to.have.length(2);
    expect(botText(missed.activities.slice(1))).to.include(fixtureFigure('TX'));
    expect(missed.watermark).to.equal('4');
  });

  it('resumes with the whole history when the watermark is empty, as Web Chat asks after a reload', async () => {
    const client = await DirectLineClient.open(base);
    await client.say('how much do CRAs make in Washington?');
    await client.pollForBotMessage();
    const resumed = await call(base, 'GET', `/v3/directline/conversations/${client.conversationId}?watermark=`, { token: client.token });
    const socket = await stream(resumed.body.streamUrl);
    const history = await socket.next();
    expect(history.activities.map((a) => a.from.role)).to.deep.equal(['bot', 'user', 'bot']);
    expect(history.watermark).to.equal('2');
  });

  it('refuses a watermark that is not a number when resuming, with 400', async () => {
    const client = await DirectLineClient.open(base);
    expect((await call(base, 'GET', `/v3/directline/conversations/${client.conversationId}?watermark=x`, { token: client.token })).status).to.equal(400);
  });

  it('ignores what the client sends down the stream, such as Web Chat\'s empty keep-alives', async () => {
    const client = await DirectLineClient.open(base);
    const socket = await stream(client.streamUrl);
    await socket.next();
    socket.ws.send('');
    socket.ws.send('{"type":"message","text":"not through here"}');
    await client.say('hi');
    const sets = await socket.untilBotMessage();
    expect(sets.flatMap((set) => set.activities).map((a) => a.text)).to.not.include('not through here');
  });

  it(`keeps at most ${MAX_STREAMS_PER_CONVERSATION} streams per conversation, closing the oldest for a newer one`, async () => {
    const client = await DirectLineClient.open(base);
    const streams: StreamClient[] = [];
    for (let i = 0; i <= MAX_STREAMS_PER_CONVERSATION; i++) {
      const url = (await call(base, 'GET', `/v3/directline/conversations/${client.conversationId}`, { token: client.token })).body.streamUrl;
      streams.push(await stream(url));
    }
    expect(await streams[0]?.closed()).to.equal(1000);
    await client.say('hi');
    for (const live of streams.slice(1)) expect((await live.untilBotMessage()).length).to.be.greaterThan(0);
  });

  it('points stream URLs at PUBLIC_URL, over wss:// when it is https', async () => {
    const behindProxy = await startLocalDirectLine({ env: { PUBLIC_URL: 'https://chat.example.org' } });
    try {
      const client = await DirectLineClient.open(behindProxy.base);
      expect(client.streamUrl).to.match(new RegExp(`^wss://chat\\.example\\.org/v3/directline/conversations/${client.conversationId}/stream\\?t=`));
    } finally {
      behindProxy.server.close();
    }
  });

  it('does not build a stream URL from a Host header that is more than a host', async () => {
    const grant = await call(base, 'POST', '/v3/directline/tokens/generate');
    const started = await callFrom('127.0.0.1', base, 'POST', '/v3/directline/conversations', { token: grant.body.token, headers: { host: 'evil.example/steal?x=' } });
    expect(started.status).to.equal(201);
    expect(new URL(started.body.streamUrl).host).to.equal(new URL(base).host);

    const other = await call(base, 'POST', '/v3/directline/tokens/generate');
    const named = await callFrom('127.0.0.1', base, 'POST', '/v3/directline/conversations', { token: other.body.token, headers: { host: 'chat.example.org:8080' } });
    expect(new URL(named.body.streamUrl).host, 'a plain host').to.equal('chat.example.org:8080');
  });

  it("closes a conversation's streams when the store forgets it, and a reconnect then learns it is gone (404)", async () => {
    const small = await startLocalDirectLine({ store: new ConversationStore({ maxConversations: 1 }) });
    try {
      const first = await DirectLineClient.open(small.base);
      const socket = await stream(first.streamUrl);
      await DirectLineClient.open(small.base);
      expect(await socket.closed()).to.equal(1000);
      expect((await call(small.base, 'GET', `/v3/directline/conversations/${first.conversationId}?watermark=0`, { token: first.token })).status).to.equal(404);
    } finally {
      small.server.close();
    }
  });

  it('closes its streams when the server closes', async () => {
    const closing = await startLocalDirectLine();
    const client = await DirectLineClient.open(closing.base);
    const socket = await stream(client.streamUrl);
    closing.server.close();
    expect(await socket.closed()).to.be.a('number');
  });
});
