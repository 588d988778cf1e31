import { expect } from 'chai';
import { createServer } from 'node:net';
import { messageActivity } from '../support/activities.js';
import { postActivity } from './ask.js';
import { startBot, type RunningBot } from './running-bot.js';
import { startTrap, type Trap } from './trap-server.js';

/** The connector timeout these tests set, so a silent target costs them half a second rather than ten. */
const TIMEOUT_SECONDS = 0.5;
/** A turn whose reply goes nowhere still ends promptly: the timeout plus the turn's own milliseconds. */
const PROMPT_MS = 2_500;

/** A message that asks for its reply at serviceUrl (not in the response). */
const replyTo = (serviceUrl: string, conversation = `ssrf-${Math.random()}`) =>
  ({ ...messageActivity(conversation, { text: 'hi' }), serviceUrl, deliveryMode: 'normal' });

/**
 * Finding 6: without an app id the bot posted its replies wherever an activity's serviceUrl said (any loopback
 * spelling, any host), followed redirects 20 hops, retried, and waited minutes on a silent target.
 */
describe('where a bot without an app id sends its replies (finding 6)', () => {
  let bot: RunningBot;
  let trap: Trap;
  let trap6: Trap;

  before(async () => {
    bot = await startBot({ CONNECTOR_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS) });
    trap = await startTrap();
    trap6 = await startTrap({ kind: 'connector' }, '::1');
  });
  after(async () => {
    await bot.close();
    await trap.close();
    await trap6.close();
  });

  const loopbackSpellings = ['127.0.0.1', '127.1', '0x7f000001', '2130706433', '0177.0.0.1', '[::ffff:127.0.0.1]', 'localhost'];
  for (const host of loopbackSpellings) {
    it(`replies to ${host}, which is this machine (the Emulator's case)`, async () => {
      const before = trap.hits.length;
      const answer = await postActivity(bot.base, replyTo(`http://${host}:${trap.port}/`));
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(trap.hits.slice(before).some((h) => h.startsWith('POST /v3/conversations/'))).to.equal(true);
    });
  }

  it('replies to [::1], the IPv6 loopback', async () => {
    const answer = await postActivity(bot.base, replyTo(`http://[::1]:${trap6.port}/`));
    expect(answer.status).to.equal(200);
    expect(trap6.hits.some((h) => h.startsWith('POST /v3/conversations/'))).to.equal(true);
  });

  const elsewhere = [
    'http://10.0.0.1/', 'http://0x0a000001/', 'http://167772161/', 'http://[::ffff:10.0.0.1]/', 'http://[::ffff:a00:1]/',
    'http://169.254.169.254/latest/meta-data/', 'http://0.0.0.0:9/', 'http://[::]:9/', 'http://[fe80::1]/', 'http://192.168.1.1:8080/',
  ];
  for (const serviceUrl of elsewhere) {
    it(`refuses ${serviceUrl} with 403 before the turn runs`, async () => {
      const answer = await postActivity(bot.base, replyTo(serviceUrl));
      expect(answer.status).to.equal(403);
      expect(JSON.stringify(answer.body)).to.include('serviceUrl');
    });
  }

  it('answers any serviceUrl when the replies come back in the response (expectReplies)', async () => {
    const answer = await postActivity(bot.base, { ...replyTo('http://169.254.169.254/'), deliveryMode: 'expectReplies' });
    expect(answer.status).to.equal(200);
  });

  it('follows no redirect, not even to another path on the same loopback target', async () => {
    // The SDK's own client skips cross-origin redirects but followed same-origin ones, 20 hops deep.
    const redirecting = await startTrap({ kind: 'redirect', location: '/redirected' });
    try {
      const started = performance.now();
      await postActivity(bot.base, replyTo(`http://127.0.0.1:${redirecting.port}/`));
      expect(performance.now() - started).to.be.below(PROMPT_MS);
      expect(redirecting.hits.length).to.be.at.least(1);
      expect(redirecting.hits.filter((h) => h.includes('/redirected'))).to.deep.equal([]);
    } finally {
      await redirecting.close();
    }
  });

  it('gives up on a silent target after the connector timeout, trying once', async () => {
    const silent = await startTrap({ kind: 'silent' });
    try {
      const started = performance.now();
      await postActivity(bot.base, replyTo(`http://127.0.0.1:${silent.port}/`));
      expect(performance.now() - started).to.be.below(PROMPT_MS);
      // The reply, then the apology for the failed turn: one attempt each, no retries.
      expect(silent.hits.length).to.be.at.most(2);
    } finally {
      await silent.close();
    }
  });

  it('takes as long for a closed port as for an open one: no retries that time could tell apart', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const started = performance.now();
    await postActivity(bot.base, replyTo(`http://127.0.0.1:${port}/`));
    expect(performance.now() - started).to.be.below(1_000);
  });
});
