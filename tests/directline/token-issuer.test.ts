import { expect } from 'chai';
import { STREAM_TOKEN_TTL_MS, TOKEN_TTL_MS, TokenIssuer } from '../../src/directline/token-issuer.js';

describe('the local Direct Line token issuer', () => {
  let clock = 0;
  const issuer = new TokenIssuer({ now: () => clock });
  beforeEach(() => {
    clock = Date.UTC(2026, 0, 1);
  });

  it('issues a token that names its conversation and user', () => {
    const checked = issuer.check(issuer.issue('conversation-1', 'user-1'));
    expect(checked).to.deep.equal({ ok: true, claims: { conversationId: 'conversation-1', userId: 'user-1', expiresAt: clock + TOKEN_TTL_MS } });
  });

  it(`rejects a token after ${TOKEN_TTL_MS / 60000} minutes`, () => {
    const token = issuer.issue('conversation-1', 'user-1');
    clock += TOKEN_TTL_MS;
    expect(issuer.check(token)).to.deep.equal({ ok: false, reason: 'expired' });
  });

  it('rejects a token whose conversation was changed', () => {
    const [, signature] = issuer.issue('conversation-1', 'user-1').split('.');
    const forged = Buffer.from(JSON.stringify({ c: 'conversation-2', u: 'user-1', e: clock + TOKEN_TTL_MS })).toString('base64url');
    expect(issuer.check(`${forged}.${signature}`)).to.deep.equal({ ok: false, reason: 'bad signature' });
  });

  it('rejects a token signed by another process', () => {
    expect(issuer.check(new TokenIssuer().issue('conversation-1', 'user-1'))).to.deep.equal({ ok: false, reason: 'bad signature' });
  });

  for (const garbage of ['', 'abc', 'a.b.c', '.', 'x.']) {
    it(`rejects the malformed token "${garbage}"`, () => {
      expect(issuer.check(garbage).ok).to.equal(false);
    });
  }

  it('says how many seconds a token has left', () => {
    const checked = issuer.check(issuer.issue('c', 'u'));
    clock += 60_000;
    expect(checked.ok && issuer.secondsLeft(checked.claims)).to.equal(TOKEN_TTL_MS / 1000 - 60);
  });
});

describe("the local Direct Line's stream tokens", () => {
  let clock = 0;
  const issuer = new TokenIssuer({ now: () => clock });
  beforeEach(() => {
    clock = Date.UTC(2026, 0, 1);
  });

  it('opens a stream and names its conversation and user', () => {
    const checked = issuer.check(issuer.issue('conversation-1', 'user-1', 'stream'), 'stream');
    expect(checked).to.deep.equal({ ok: true, claims: { conversationId: 'conversation-1', userId: 'user-1', expiresAt: clock + STREAM_TOKEN_TTL_MS } });
  });

  it('is no good as an API token, nor an API token as a stream token', () => {
    expect(issuer.check(issuer.issue('c', 'u', 'stream'))).to.deep.equal({ ok: false, reason: 'wrong use' });
    expect(issuer.check(issuer.issue('c', 'u'), 'stream')).to.deep.equal({ ok: false, reason: 'wrong use' });
  });

  it(`expires after ${STREAM_TOKEN_TTL_MS / 1000} seconds`, () => {
    const token = issuer.issue('c', 'u', 'stream');
    clock += STREAM_TOKEN_TTL_MS;
    expect(issuer.check(token, 'stream')).to.deep.equal({ ok: false, reason: 'expired' });
  });
});
