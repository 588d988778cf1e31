import { expect } from 'chai';
import type { Request, Response } from 'restify';
import { startBot, type RunningBot } from './running-bot.js';

/** A tight limit the tests can reach: one request a second on average, three at once. */
const LIMIT = { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '3' };
const BURST = 3;

/**
 * Finding 4: the limiter matched the raw path with a regex while the router decoded it, so "/%61pi/..." reached the
 * same route unthrottled.
 */
describe('the rate limit on public routes (finding 4)', () => {
  let bot: RunningBot;

  // A fresh server per test: each starts with a full bucket.
  beforeEach(async () => {
    bot = await startBot(LIMIT);
  });
  afterEach(() => bot.close());

  const statuses = async (method: string, paths: readonly string[]): Promise<number[]> => {
    const out: number[] = [];
    for (const path of paths) out.push((await fetch(`${bot.base}${path}`, { method })).status);
    return out;
  };

  const encodedSpellings: Array<[string, string, string]> = [
    ['POST', '/api/directline/token', '/%61pi/directline/token'],
    ['POST', '/v3/directline/tokens/generate', '/%76%33/directline/tokens/generate'],
    ['GET', '/chat.js', '/%63hat.js'],
    ['GET', '/embed', '/%65mbed'],
    ['GET', '/api/chat-config', '/api/%63hat-config'],
  ];
  for (const [method, plain, encoded] of encodedSpellings) {
    it(`throttles ${method} ${encoded} as the ${plain} it routes to`, async () => {
      const answered = await statuses(method, Array<string>(BURST + 3).fill(encoded));
      expect(answered.slice(0, BURST).every((s) => s !== 429), String(answered)).to.equal(true);
      expect(answered.slice(BURST)).to.include(429);
      // The plain spelling shares the bucket the encoded one emptied.
      expect((await statuses(method, [plain]))[0]).to.equal(429);
    });
  }

  it('throttles a route registered after the server was built, with no list to update', async () => {
    bot.server.get('/added-later', async (_req: Request, res: Response) => void res.send(200, { ok: true }));
    const answered = await statuses('GET', Array<string>(BURST + 3).fill('/added-later'));
    expect(answered.slice(0, BURST)).to.deep.equal([200, 200, 200]);
    expect(answered.slice(BURST)).to.include(429);
  });

  it('leaves the probes alone, however often a load balancer asks', async () => {
    const answered = await statuses('GET', [...Array<string>(BURST + 3).fill('/healthz'), ...Array<string>(BURST + 3).fill('/readyz')]);
    expect(answered.every((s) => s === 200), String(answered)).to.equal(true);
  });
});
