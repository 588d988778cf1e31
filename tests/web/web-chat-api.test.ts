import { expect } from 'chai';
import type { Server } from 'restify';
import { call } from '../directline/direct-line-client.js';
import { FakeDirectLine } from './fake-direct-line.js';
import { startWebChatServer, TEST_BRAND } from './web-chat-server.js';

const ALLOWED = 'https://careers.example.org';
const FOREIGN = 'https://elsewhere.example.com';

describe("the Web Chat page's API", () => {
  describe('with the local Direct Line', () => {
    let server: Server;
    let base: string;

    before(async () => {
      ({ server, base } = await startWebChatServer({ ALLOWED_ORIGINS: ALLOWED }));
    });

    after(() => {
      server.close();
    });

    it('tells the page to use the Direct Line on its own origin, with its WebSocket stream', async () => {
      const answer = await call(base, 'GET', '/api/chat-config');
      expect(answer.status).to.equal(200);
      expect(answer.body).to.deep.equal({ mode: 'local', title: TEST_BRAND.title, directLine: { domain: '/v3/directline', webSocket: true } });
    });

    it('hands out a token that opens its conversation', async () => {
      const grant = await call(base, 'POST', '/api/directline/token');
      expect(grant.status).to.equal(200);
      expect(grant.body).to.include.keys('token', 'conversationId', 'expiresIn', 'userId');
      expect(grant.headers.get('cache-control')).to.equal('no-store');
      const started = await call(base, 'POST', '/v3/directline/conversations', { token: grant.body.token });
      expect(started.status).to.equal(201);
      expect(started.body.conversationId).to.equal(grant.body.conversationId);
    });

    it('hands a token to the bot\'s own page (same origin) and to an allowed origin, with CORS headers for the latter', async () => {
      const same = await call(base, 'POST', '/api/directline/token', { headers: { origin: base } });
      expect(same.status).to.equal(200);
      const allowed = await call(base, 'POST', '/api/directline/token', { headers: { origin: ALLOWED } });
      expect(allowed.status).to.equal(200);
      expect(allowed.headers.get('access-control-allow-origin')).to.equal(ALLOWED);
    });

    it('refuses a token to a page from another origin with 403 and no CORS headers', async () => {
      const answer = await call(base, 'POST', '/api/directline/token', { headers: { origin: FOREIGN } });
      expect(answer.status).to.equal(403);
      expect(answer.headers.get('access-control-allow-origin')).to.equal(null);
      expect(answer.body.error).to.include('ALLOWED_ORIGINS');
    });

    it('tells a page from another origin, readably, that it may not use the chat, and gives it nothing else', async () => {
      const answer = await call(base, 'GET', '/api/chat-config', { headers: { origin: FOREIGN } });
      expect(answer.status).to.equal(200);
      expect(answer.body).to.deep.equal({ mode: 'refused', reason: `${FOREIGN} is not in the bot's ALLOWED_ORIGINS` });
      // Readable by embed.js on that page, so it can stay hidden and say why.
      expect(answer.headers.get('access-control-allow-origin')).to.equal(FOREIGN);
      expect(answer.headers.get('vary')).to.include('Origin');
    });

    it('gives an allowed origin the chat config', async () => {
      const answer = await call(base, 'GET', '/api/chat-config', { headers: { origin: ALLOWED } });
      expect(answer.body.mode).to.equal('local');
      expect(answer.headers.get('access-control-allow-origin')).to.equal(ALLOWED);
    });

    it('refuses Direct Line calls from another origin with 403', async () => {
      const answer = await call(base, 'POST', '/v3/directline/tokens/generate', { headers: { origin: FOREIGN } });
      expect(answer.status).to.equal(403);
    });

    it('answers a CORS preflight from an allowed origin, naming the headers Web Chat sends', async () => {
      const answer = await call(base, 'OPTIONS', '/v3/directline/conversations/abc/activities', {
        headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-ms-bot-agent' },
      });
      expect(answer.status).to.equal(204);
      expect(answer.headers.get('access-control-allow-origin')).to.equal(ALLOWED);
      expect(answer.headers.get('access-control-allow-headers')).to.include('authorization').and.include('x-ms-bot-agent');
    });

    it('refuses a CORS preflight from another origin', async () => {
      const answer = await call(base, 'OPTIONS', '/api/directline/token', { headers: { origin: FOREIGN, 'access-control-request-method': 'POST' } });
      expect(answer.status).to.equal(403);
    });
  });

  describe('on a bot with an app id and no Direct Line secret', () => {
    let server: Server;
    let base: string;

    before(async () => {
      ({ server, base } = await startWebChatServer({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'password' }));
    });

    after(() => {
      server.close();
    });

    it('runs the local Direct Line, whose turns need no Azure token', async () => {
      expect((await call(base, 'GET', '/api/chat-config')).body.mode).to.equal('local');
      const grant = await call(base, 'POST', '/api/directline/token');
      expect(grant.status).to.equal(200);
      expect((await call(base, 'POST', '/v3/directline/conversations', { token: grant.body.token })).status).to.equal(201);
    });
  });

  describe('on a server with no bot in its process', () => {
    let server: Server;
    let base: string;

    before(async () => {
      ({ server, base } = await startWebChatServer({}, { deliver: undefined }));
    });

    after(() => {
      server.close();
    });

    it('tells the page the chat is off, runs no Direct Line and hands out no token', async () => {
      const config = await call(base, 'GET', '/api/chat-config');
      expect(config.body).to.deep.equal({ mode: 'off', reason: 'Web Chat is not set up on this server.' });
      expect((await call(base, 'POST', '/v3/directline/tokens/generate')).status).to.equal(404);
      expect((await call(base, 'POST', '/api/directline/token')).status).to.equal(503);
    });
  });

  describe("with Azure's Direct Line (a fake one on this machine)", () => {
    const SECRET = 'direct-line-secret-value';
    let fake: FakeDirectLine;
    let server: Server;
    let base: string;

    before(async () => {
      fake = await FakeDirectLine.start();
      ({ server, base } = await startWebChatServer({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: fake.endpoint }));
    });

    beforeEach(() => {
      fake.requests.length = 0;
      fake.answer = { status: 200, body: { conversationId: 'azure-conversation', token: 'azure-token', expires_in: 1800 } };
    });

    after(async () => {
      server.close();
      await fake.close();
    });

    it("tells the page to use the Direct Line service, over WebSockets", async () => {
      const answer = await call(base, 'GET', '/api/chat-config');
      expect(answer.body).to.deep.equal({ mode: 'azure', title: TEST_BRAND.title, directLine: { domain: `${fake.endpoint}/v3/directline`, webSocket: true } });
    });

    it("lets the page connect to the Direct Line service and nowhere else", async () => {
      const res = await fetch(`${base}/`);
      const connect = /connect-src ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1]?.split(' ');
      expect(connect).to.deep.equal(["'self'", fake.endpoint, fake.endpoint.replace('http', 'ws')]);
    });

    it('exchanges the secret for a token on the server, and gives the page only the token', async () => {
      const answer = await call(base, 'POST', '/api/directline/token');
      expect(answer.status).to.equal(200);
      expect(answer.body).to.deep.include({ token: 'azure-token', conversationId: 'azure-conversation', expiresIn: 1800 });
      expect(answer.body.userId).to.match(/^dl_/);
      expect(JSON.stringify(answer.body)).to.not.include(SECRET);

      expect(fake.requests).to.have.length(1);
      const [request] = fake.requests;
      expect(request?.method).to.equal('POST');
      expect(request?.url).to.equal('/v3/directline/tokens/generate');
      expect(request?.authorization).to.equal(`Bearer ${SECRET}`);
      expect(JSON.parse(request?.body ?? '{}')).to.deep.equal({ user: { id: answer.body.userId } });
    });

    it('does not run the local Direct Line', async () => {
      expect((await call(base, 'POST', '/v3/directline/tokens/generate')).status).to.equal(404);
    });

    it('answers 502 without detail when the Direct Line service refuses the secret', async () => {
      fake.answer = { status: 403, body: { error: { code: 'BadArgument', message: `bad secret ${SECRET}` } } };
      const answer = await call(base, 'POST', '/api/directline/token');
      expect(answer.status).to.equal(502);
      expect(answer.body.error).to.be.a('string');
      expect(JSON.stringify(answer.body)).to.not.include(SECRET);
    });

    it('answers 502 when the Direct Line service answers something that is not a token', async () => {
      fake.answer = { status: 200, body: '<html>maintenance</html>' };
      expect((await call(base, 'POST', '/api/directline/token')).status).to.equal(502);
    });

    it('answers 502 when the Direct Line service cannot be reached', async () => {
      const gone = await FakeDirectLine.start();
      const endpoint = gone.endpoint;
      await gone.close();
      const unreachable = await startWebChatServer({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: endpoint });
      try {
        expect((await call(unreachable.base, 'POST', '/api/directline/token')).status).to.equal(502);
      } finally {
        unreachable.server.close();
      }
    });
  });
});
