import { expect } from 'chai';
import { blobName } from '../../src/storage/blob-state-storage.js';

describe('blobName', () => {
  it('names a short key by its percent-encoding, so distinct keys never meet', () => {
    expect(blobName('webchat/conversations/abc/')).to.equal('webchat%2Fconversations%2Fabc%2F');
    expect(blobName('a/b')).to.not.equal(blobName('a%2Fb'));
    expect(blobName('trailing.')).to.equal('trailing%2E');
  });

  it('names a key too long for Azure by its SHA-256, distinct for keys that differ only past 1,024 characters', () => {
    const prefix = 'webchat/conversations/'.padEnd(1_100, 'x');
    const [first, second] = [blobName(`${prefix}1/`), blobName(`${prefix}2/`)];
    expect(first).to.match(/^sha256\/[0-9a-f]{64}$/);
    expect(first).to.not.equal(second);
  });

  it('hashes keys whose encoding, not the key itself, passes the limit', () => {
    expect(blobName('é'.repeat(200))).to.match(/^sha256\//);
  });
});
