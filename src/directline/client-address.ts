import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/** Groups of an IPv6 address that name one subscriber's network: a /64 is what a home or office is given. */
const IPV6_NETWORK_GROUPS = 4;
const IPV6_GROUPS = 8;

/**
 * The address a client's conversations and streams are counted under: an IPv4 address as it is (IPv4-mapped IPv6
 * included), an IPv6 address by its /64, since one subscriber may use any of the 2^64 addresses in it.
 */
export function addressKey(remote: string | undefined): string {
  if (!remote) return 'unknown';
  const address = remote.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const before = head ? head.split(':') : [];
  const after = tail ? tail.split(':') : [];
  const groups = tail === undefined ? before : [...before, ...Array<string>(IPV6_GROUPS - before.length - after.length).fill('0'), ...after];
  return `${groups.slice(0, IPV6_NETWORK_GROUPS).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** The TCP peer's address key. Behind a reverse proxy every client shares the proxy's. */
export function peerAddress(req: IncomingMessage): string {
  return addressKey(req.socket.remoteAddress);
}
