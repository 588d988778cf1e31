import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which proxies in front of the bot may be believed about who their client is: none (the TCP peer is the client),
 * the nearest `hops` proxies, or those whose addresses fall in `cidrs`.
 */
export type TrustProxy =
  | { readonly kind: 'none' }
  | { readonly kind: 'hops'; readonly hops: number }
  | { readonly kind: 'cidrs'; readonly cidrs: readonly string[] };

/** More proxies than any sane chain (CDN, load balancer, ingress) has; a larger count is a typo. */
const MAX_HOPS = 10;
/** IPv6 clients are grouped by their /64: one home or server gets a whole /64 and can pick any address in it. */
const IPV6_GROUP_HEXTETS = 4;

/** "10.0.0.0/8" or "2001:db8::/32", or a single address (its full length). */
function parseCidr(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [address = '', prefixText, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return undefined;
  const bits = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** TRUST_PROXY: unset, "false" or "0" for none; a hop count such as "1"; or addresses and CIDRs, comma-separated. */
export const TrustProxySetting = z.string().trim().transform((value, ctx): TrustProxy => {
  if (value === '' || value.toLowerCase() === 'false' || value === '0') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_HOPS} hops` });
    return { kind: 'hops', hops };
  }
  const cidrs = value.split(',').map((c) => c.trim()).filter((c) => c !== '');
  for (const cidr of cidrs) {
    if (!parseCidr(cidr)) {
      ctx.addIssue({ code: 'custom', message: `"${cidr}" is neither a hop count nor an address or CIDR such as 10.0.0.0/8 (use a number of proxies, or their addresses, comma-separated)` });
    }
  }
  return { kind: 'cidrs', cidrs };
});

/** An address as a proxy may write it: with a port (Azure App Service does), in brackets, or IPv4-mapped. */
export function normalizeAddress(raw: string): string | undefined {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%.*$/, ''); // an IPv6 zone index names a local interface, not a client
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return isIP(address) === 0 ? undefined : address.toLowerCase();
}

/** Decides whether the address `hopsFromPeer` steps left of the TCP peer belongs to a trusted proxy. */
export function proxyTrust(setting: TrustProxy): (address: string, hopsFromPeer: number) => boolean {
  switch (setting.kind) {
    case 'none':
      return () => false;
    case 'hops':
      return (_address, hopsFromPeer) => hopsFromPeer < setting.hops;
    case 'cidrs': {
      const list = new BlockList();
      for (const cidr of setting.cidrs) {
        const { address, prefix, family } = parseCidr(cidr)!;
        list.addSubnet(address, prefix, family);
      }
      return (address) => list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
    }
  }
}

/**
 * The client's address: the TCP peer, unless it is a trusted proxy, in which case the rightmost X-Forwarded-For entry
 * that is not a trusted proxy. Entries left of that are whatever the client chose to send, so they are never believed.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: (address: string, hopsFromPeer: number) => boolean): string {
  const chain = (forwardedFor ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  let client = normalizeAddress(peer ?? '') ?? 'unknown';
  for (let hops = 0; trusted(client, hops) && chain.length > 0; hops++) {
    const next = normalizeAddress(chain.pop()!);
    // A trusted proxy names its peer with a real address; anything else is the client's own invention.
    if (next === undefined) break;
    client = next;
  }
  return client;
}

/** The client address of a request, as clientAddress decides it from its peer and X-Forwarded-For. */
export function requestClient(req: IncomingMessage, trusted: (address: string, hopsFromPeer: number) => boolean): string {
  const forwardedFor = req.headers['x-forwarded-for'];
  return clientAddress(req.socket.remoteAddress, Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor, trusted);
}

/**
 * The key a request's client is counted under, by the rate limiter and by the local Direct Line's per-address
 * quotas alike: the client address TRUST_PROXY lets us believe, grouped as rateLimitKey does.
 */
export function clientKeyer(setting: TrustProxy): (req: IncomingMessage) => string {
  const trusted = proxyTrust(setting);
  return (req) => rateLimitKey(requestClient(req, trusted));
}

/** What the rate limiter counts requests against: an IPv4 address, or an IPv6 address's /64. */
export function rateLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIPv6(address).slice(0, IPV6_GROUP_HEXTETS).join(':')}::/64`;
}

/** The eight hextets of an IPv6 address, "::" filled in and any dotted IPv4 tail converted. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  const dotted = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((h) => h.padStart(4, '0'));
}
