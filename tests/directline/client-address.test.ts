import { expect } from 'chai';
import { addressKey } from '../../src/directline/client-address.js';

describe('the address a client is counted under', () => {
  const cases: Array<[string, string | undefined, string]> = [
    ['an IPv4 address as it is', '203.0.113.7', '203.0.113.7'],
    ['an IPv4-mapped IPv6 address as its IPv4 address', '::ffff:203.0.113.7', '203.0.113.7'],
    ['an IPv6 address by its /64', '2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['another address in the same /64 alike', '2001:0db8:0001:0002::1', '2001:db8:1:2::/64'],
    ['a compressed IPv6 address with its zeros restored', '2001:db8::1', '2001:db8:0:0::/64'],
    ['IPv6 loopback', '::1', '0:0:0:0::/64'],
    ['an IPv6 address with a zone', 'fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['a missing address as "unknown"', undefined, 'unknown'],
  ];
  for (const [what, address, key] of cases) {
    it(`takes ${what}`, () => {
      expect(addressKey(address)).to.equal(key);
    });
  }
});
