import { expect } from 'chai';
import { loadConfig } from '../../src/config.js';
import { MAX_CONVERSATIONS_PER_ADDRESS } from '../../src/directline/conversation-store.js';
import { call } from '../directline/direct-line-client.js';
import { configProblems } from '../support/config-problems.js';
import { startBot, type RunningBot } from './running-bot.js';

/** Two requests at once, one a second: small enough to exhaust in a test. */
const LIMIT = { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '2' };
const BURST = 2;

/**
 * Finding 8: the limiter keyed on the TCP peer, so behind a reverse proxy every visitor shared one bucket; and
 * IPv6 clients, who each have a /64 to pick addresses from, could take a fresh bucket per request.
 */
describe('who the rate limiter counts against (finding 8)', () => {
  describe('TRUST_PROXY', () => {
    it('trusts no proxy by default', () => {
      expect(loadConfig({}).rateLimit.trustProxy).to.deep.equal({ kind: 'none' });
    });

    it('reads a hop count or a list of addresses and CIDRs', () => {
      expect(loadConfig({ TRUST_PROXY: '2' }).rateLimit.trustProxy).to.deep.equal({ kind: 'hops', hops: 2 });
      expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 2001:db8::/32,192.0.2.1' }).rateLimit.trustProxy)
        .to.deep.equal({ kind: 'cidrs', cidrs: ['10.0.0.0/8', '2001:db8::/32', '192.0.2.1'] });
      expect(loadConfig({ TRUST_PROXY: 'false' }).rateLimit.trustProxy).to.deep.equal({ kind: 'none' });
    });

    for (const bad of ['true', '10.0.0.0/33', 'proxy.example', '10.0.0.0/8/1', '-1', '11']) {
      it(`rejects "${bad}", naming TRUST_PROXY`, () => {
        expect(configProblems({ TRUST_PROXY: bad })).to.include('TRUST_PROXY');
      });
    }
  });

  describe('behind a trusted proxy, end to end', () => {
    let bot: RunningBot;

    beforeEach(async () => {
      // This test's loopback connection plays the proxy.
      bot = await startBot({ ...LIMIT, TRUST_PROXY: '1' });
    });
    afterEach(() => bot.close());

    const from = async (forwardedFor: string, times: number): Promise<number[]> => {
      const statuses: number[] = [];
      for (let i = 0; i < times; i++) statuses.push((await fetch(`${bot.base}/api/chat-config`, { headers: { 'x-forwarded-for': forwardedFor } })).status);
      return statuses;
    };

    it('gives each visitor a bucket of their own', async () => {
      expect((await from('203.0.113.7', BURST + 2)).slice(BURST)).to.include(429);
      expect(await from('198.51.100.9', BURST)).to.deep.equal([200, 200]);
    });

    it('is not fooled by an address the visitor puts in front', async () => {
      expect((await from('203.0.113.7', BURST + 2)).slice(BURST)).to.include(429);
      expect(await from('198.51.100.9, 203.0.113.7', 1)).to.deep.equal([429]);
    });

    it('counts an IPv6 visitor\'s whole /64 as one', async () => {
      expect((await from('2001:db8:1:2::a', BURST + 2)).slice(BURST)).to.include(429);
      expect(await from('2001:db8:1:2::b', 1)).to.deep.equal([429]);
      expect(await from('2001:db8:1:3::a', 1)).to.deep.equal([200]);
    });
  });

  describe("behind a trusted proxy, the local Direct Line's per-address quotas", () => {
    let bot: RunningBot;

    before(async () => {
      bot = await startBot({ TRUST_PROXY: '1', RATE_LIMIT_BURST: '200' });
    });
    after(() => bot.close());

    /** A visitor behind the proxy starts a conversation; the proxy names them in X-Forwarded-For. */
    const start = async (visitor: string): Promise<{ token: string; conversationId: string }> => {
      const headers = { 'x-forwarded-for': visitor };
      const grant = await call(bot.base, 'POST', '/api/directline/token', { headers });
      expect(grant.status).to.equal(200);
      expect((await call(bot.base, 'POST', '/v3/directline/conversations', { token: grant.body.token, headers })).status).to.equal(201);
      return grant.body;
    };

    it("count each visitor apart: one visitor's flood of conversations leaves another's chat open", async () => {
      const other = await start('198.51.100.9');
      for (let i = 0; i <= MAX_CONVERSATIONS_PER_ADDRESS; i++) await start('203.0.113.7');
      const poll = await call(bot.base, 'GET', `/v3/directline/conversations/${other.conversationId}/activities`, { token: other.token });
      expect(poll.status, 'the other visitor\'s conversation is still there').to.equal(200);
    });
  });
});
