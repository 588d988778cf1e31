import { expect } from 'chai';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { listeningPort, startServer } from '../../src/server.js';
import { botText, call, DirectLineClient } from '../directline/direct-line-client.js';
import { say } from '../../src/answer/words.js';
import { FIXTURE_ENV, fixtureFigure, fixtureKnowledge, fixturePack } from '../support/knowledge.js';

// Finding 6 of the security review (last point): the local Direct Line worked only with authentication off, so a
// public deployment without Azure's Direct Line had to leave /api/messages open to anyone.
describe('the local Direct Line on a bot with an app id (security)', function () {
  this.timeout(60_000);
  let server: Server;
  let base: string;

  before(async () => {
    // No Azure is reachable from the tests: the local Direct Line must not need it.
    const config = loadConfig({ ...FIXTURE_ENV, MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', BotOpenIdMetadata: 'http://127.0.0.1:9/openid' });
    server = await startServer(createApp(config, fixtureKnowledge(), { error: () => undefined }), 0, '127.0.0.1');
    base = `http://127.0.0.1:${listeningPort(server)}`;
  });

  after(() => {
    server.close();
  });

  it('welcomes and answers through the local Direct Line', async () => {
    const visitor = await DirectLineClient.open(base);
    expect(botText(await visitor.pollForBotMessage())).to.equal(say(fixturePack(), 'welcome'));
    await visitor.say('how much do CRAs make in Washington?');
    expect(botText(await visitor.pollForBotMessage())).to.include(fixtureFigure('WA'));
  });

  it('still refuses /api/messages without a Bot Framework token', async () => {
    const answer = await call(base, 'POST', '/api/messages', {
      body: { type: 'message', channelId: 'webchat', deliveryMode: 'expectReplies', text: 'hi', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c' } },
    });
    expect(answer.status).to.equal(401);
  });
});
