import { expect } from 'chai';
import { clientAddress, proxyTrust, rateLimitKey, type TrustProxy } from '../../src/http/client-address.js';

describe('clientAddress', () => {
  const hops = (n: number): TrustProxy => ({ kind: 'hops', hops: n });
  const cidrs = (...list: string[]): TrustProxy => ({ kind: 'cidrs', cidrs: list });
  const table: Array<[string, string, string | undefined, TrustProxy, string]> = [
    ['ignores X-Forwarded-For when no proxy is trusted', '10.0.0.5', '203.0.113.7', { kind: 'none' }, '10.0.0.5'],
    ['takes the address the one trusted proxy saw', '10.0.0.5', '203.0.113.7', hops(1), '203.0.113.7'],
    ['takes the rightmost entry, not what the client wrote before it', '10.0.0.5', '198.51.100.1, 203.0.113.7', hops(1), '203.0.113.7'],
    ['walks past two trusted hops', '10.0.0.5', '198.51.100.1, 203.0.113.7, 10.0.0.9', hops(2), '203.0.113.7'],
    ['stops at the first address outside the trusted CIDRs', '10.0.0.5', '198.51.100.1, 203.0.113.7, 10.1.2.3', cidrs('10.0.0.0/8'), '203.0.113.7'],
    ['does not believe a peer outside the trusted CIDRs', '192.0.2.1', '203.0.113.7', cidrs('10.0.0.0/8'), '192.0.2.1'],
    ['reads addresses written with a port, as Azure App Service writes them', '10.0.0.5', '203.0.113.7:51234', hops(1), '203.0.113.7'],
    ['reads bracketed IPv6 with a port', '10.0.0.5', '[2001:db8::7]:443', hops(1), '2001:db8::7'],
    ['reads an IPv4-mapped peer as IPv4', '::ffff:10.0.0.5', undefined, { kind: 'none' }, '10.0.0.5'],
    ['keeps the last real address when the chain ends in garbage', '10.0.0.5', 'not-an-ip', hops(1), '10.0.0.5'],
    ['uses the peer when a trusted proxy sent no header', '10.0.0.5', undefined, hops(1), '10.0.0.5'],
    ['matches a trusted IPv6 proxy by CIDR', '2001:db8:ffff::1', '203.0.113.7', cidrs('2001:db8:ffff::/48'), '203.0.113.7'],
  ];
  for (const [what, peer, forwardedFor, trust, expected] of table) {
    it(what, () => {
      expect(clientAddress(peer, forwardedFor, proxyTrust(trust))).to.equal(expected);
    });
  }
});

describe('rateLimitKey', () => {
  it('counts an IPv4 address on its own', () => {
    expect(rateLimitKey('203.0.113.7')).to.equal('203.0.113.7');
  });

  it('counts every address of an IPv6 /64 together, however it is written', () => {
    const key = rateLimitKey('2001:db8:1:2::a');
    expect(key).to.equal('2001:0db8:0001:0002::/64');
    for (const same of ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0DB8:0001:0002:0:0:0:1', '2001:db8:1:2::1.2.3.4']) expect(rateLimitKey(same), same).to.equal(key);
    expect(rateLimitKey('2001:db8:1:3::a')).to.not.equal(key);
    expect(rateLimitKey('::1')).to.equal('0000:0000:0000:0000::/64');
  });
});
