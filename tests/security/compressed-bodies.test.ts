import { expect } from 'chai';
import { gzipSync, deflateSync, brotliCompressSync } from 'node:zlib';
import { messageActivity } from '../support/activities.js';
import { startBot, type RunningBot } from './running-bot.js';

/**
 * Finding 2: restify inflated gzip bodies and counted the compressed bytes against the 256 KB limit, so 249 KB of
 * gzip became 250 MB in memory. This bomb inflates to 64 MB from about 64 KB.
 */
const BOMB_INFLATED_BYTES = 64 * 1024 * 1024;
/** Refusing takes a few milliseconds; inflating 64 MB and parsing it takes seconds. */
const PROMPT_MS = 1_500;

describe('compressed request bodies (finding 2)', () => {
  let bot: RunningBot;
  let bomb: Buffer;

  before(async () => {
    bot = await startBot();
    const inflated = Buffer.alloc(BOMB_INFLATED_BYTES, 'a');
    const prefix = Buffer.from(JSON.stringify(messageActivity('gzip-bomb')).replace(/}$/, ',"text":"'));
    bomb = gzipSync(Buffer.concat([prefix, inflated, Buffer.from('"}')]));
  });
  after(() => bot.close());

  const post = (path: string, body: Buffer, encoding: string) =>
    fetch(`${bot.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': encoding }, body: new Uint8Array(body) });

  it('refuses a gzip bomb on /api/messages with 415 before inflating it', async () => {
    const started = performance.now();
    const res = await post('/api/messages', bomb, 'gzip');
    const elapsed = performance.now() - started;
    expect(bomb.length).to.be.below(256 * 1024);
    expect(res.status).to.equal(415);
    expect(res.headers.get('accept-encoding')).to.equal('identity');
    expect(((await res.json()) as { error: string }).error).to.match(/compressed/);
    expect(elapsed).to.be.below(PROMPT_MS);
  });

  it('refuses the same bomb on the public routes and on routes that do not exist', async () => {
    for (const path of ['/api/directline/token', '/v3/directline/tokens/generate', '/no-such-route']) {
      expect((await post(path, bomb, 'gzip')).status, path).to.equal(415);
    }
  });

  it('refuses every other coding, and codings stacked with identity', async () => {
    const body = Buffer.from(JSON.stringify(messageActivity('codings', { text: 'hi' })));
    const cases: Array<[string, Buffer]> = [['deflate', deflateSync(body)], ['br', brotliCompressSync(body)], ['identity, gzip', gzipSync(body)], ['GZIP', gzipSync(body)], ['x-unknown', body]];
    for (const [encoding, encoded] of cases) {
      expect((await post('/api/messages', encoded, encoding)).status, encoding).to.equal(415);
    }
  });

  it('takes bodies sent as identity', async () => {
    const body = Buffer.from(JSON.stringify(messageActivity('identity', { text: 'hi' })));
    expect((await post('/api/messages', body, 'identity')).status).to.equal(200);
  });
});
