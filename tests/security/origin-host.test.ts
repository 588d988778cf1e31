import { expect } from 'chai';
import http from 'node:http';
import { startBot, type RunningBot } from './running-bot.js';

/** POSTs to the token route with the Origin and Host given (fetch may not set Host). */
function tokenRequest(base: string, origin: string, host: string): Promise<{ status: number; allowOrigin: string | undefined }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/api/directline/token', method: 'POST', headers: { origin, host } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, allowOrigin: res.headers['access-control-allow-origin'] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Finding 14: the Origin check took the Host header for the bot's own origin, so a page on evil.example whose name
 * resolves to the bot (DNS rebinding), sending Host: evil.example, got tokens with its origin allowed.
 */
describe('the Origin check and the Host header (finding 14)', () => {
  describe('with PUBLIC_URL set', () => {
    let bot: RunningBot;

    before(async () => {
      bot = await startBot({ PUBLIC_URL: 'https://bot.example.org' });
    });
    after(() => bot.close());

    it('refuses an origin that matches only the Host header', async () => {
      const answer = await tokenRequest(bot.base, 'https://evil.example', 'evil.example');
      expect(answer.status).to.equal(403);
      expect(answer.allowOrigin).to.equal(undefined);
    });

    it('refuses the loopback origin too: the bot\'s origin is PUBLIC_URL\'s', async () => {
      const { host } = new URL(bot.base);
      expect((await tokenRequest(bot.base, bot.base, host)).status).to.equal(403);
    });

    it('allows PUBLIC_URL\'s origin, whatever the Host header says', async () => {
      const answer = await tokenRequest(bot.base, 'https://bot.example.org', 'internal-name:3978');
      expect(answer.status).to.equal(200);
      expect(answer.allowOrigin).to.equal('https://bot.example.org');
    });
  });

  describe('without PUBLIC_URL (running locally)', () => {
    let bot: RunningBot;

    before(async () => {
      bot = await startBot();
    });
    after(() => bot.close());

    it('refuses an origin that matches a Host header naming another machine', async () => {
      expect((await tokenRequest(bot.base, 'http://evil.example', 'evil.example')).status).to.equal(403);
    });

    it('allows its own loopback origin, as the page on http://localhost or http://127.0.0.1 sends it', async () => {
      const { host, port } = new URL(bot.base);
      expect((await tokenRequest(bot.base, bot.base, host)).status).to.equal(200);
      expect((await tokenRequest(bot.base, `http://localhost:${port}`, `localhost:${port}`)).status).to.equal(200);
    });
  });
});
