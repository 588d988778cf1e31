import { expect } from 'chai';
import type { Server } from 'restify';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { listeningPort, startServer } from '../../src/server.js';
import { FakeOpenId } from '../support/fake-openid.js';
import { FIXTURE_ENV, fixtureKnowledge, fixturePack } from '../support/knowledge.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';

describe('authentication with an app id set', () => {
  const openId = new FakeOpenId();
  let server: Server;
  let url: string;
  const serviceUrl = 'http://127.0.0.1:9/';

  before(async () => {
    await openId.start(['webchat']);
    const config = loadConfig({ ...FIXTURE_ENV, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-by-expectReplies', BotOpenIdMetadata: openId.metadataUrl });
    server = await startServer(createApp(config, fixtureKnowledge()), 0, '127.0.0.1');
    url = `http://127.0.0.1:${listeningPort(server)}/api/messages`;
  });

  after(() => {
    server.close();
    openId.stop();
  });

  const send = (authorization?: string) => fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({
      type: 'message', channelId: 'webchat', serviceUrl, deliveryMode: 'expectReplies', text: 'how much do CRAs make in Washington?',
      from: { id: 'user' }, recipient: { id: APP_ID }, conversation: { id: randomUUID() },
    }),
  });

  it('refuses a request without a token with 401', async () => {
    expect((await send()).status).to.equal(401);
  });

  it('refuses a token signed with a key the Bot Framework does not publish with 401', async () => {
    const forged = openId.token({ audience: APP_ID, serviceUrl }, FakeOpenId.otherKey());
    expect((await send(`Bearer ${forged}`)).status).to.equal(401);
  });

  it('refuses a token for another bot with 401', async () => {
    expect((await send(`Bearer ${openId.token({ audience: 'someone-else', serviceUrl })}`)).status).to.equal(401);
  });

  it('refuses an expired token with 401', async () => {
    expect((await send(`Bearer ${openId.token({ audience: APP_ID, serviceUrl, expiresInSeconds: -3600 })}`)).status).to.equal(401);
  });

  it('refuses a token that is not a JWT at all with 401', async () => {
    expect((await send('Bearer not-a-token')).status).to.equal(401);
  });

  it('answers a request with a valid channel token', async () => {
    const res = await send(`Bearer ${openId.token({ audience: APP_ID, serviceUrl })}`);
    expect(res.status).to.equal(200);
    const body = (await res.json()) as { activities: unknown[] };
    expect(JSON.stringify(body.activities)).to.include(fixturePack().salary!.states!.records[0]!.display);
  });
});
