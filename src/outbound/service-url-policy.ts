import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** One address a host name resolves to, as node:dns gives it. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Every address a host name resolves to; injected so tests can say what "localhost" is. */
export type Resolve = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** Where a reply may be sent: the checked addresses to connect to when the URL named loopback, or the allow-listed host as is. */
export type Destination =
  | { readonly kind: 'loopback'; readonly addresses: readonly ResolvedAddress[] }
  | { readonly kind: 'allowed' };

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4'); // IPv4-mapped IPv6 (::ffff:127.x.x.x) matches too
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether an IP address is this machine's loopback, however it is spelled. */
export function isLoopback(address: string): boolean {
  const version = isIP(address);
  return version !== 0 && LOOPBACK.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

const resolveAll: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true });

/**
 * Where a bot without an app id may send its replies. Without an app id nothing vouches for an activity's
 * serviceUrl, so anyone could point the bot at any address (SSRF); it replies only to this machine (the Emulator and
 * Agents Playground run beside the bot) and to the origins in ALLOWED_SERVICE_URLS.
 *
 * Loopback is decided on what the URL really targets, not on how it is spelled: the WHATWG parser turns 127.1,
 * 0x7f000001, 2130706433 and 0177.0.0.1 into 127.0.0.1, and IPv6 and IPv4-mapped forms ([::1], [::ffff:7f00:1])
 * are checked as addresses against the loopback ranges. The one name accepted is "localhost", resolved (from the
 * hosts file) and accepted only if every address it has is loopback; the caller then connects to those very
 * addresses, so a name that resolves elsewhere a moment later (DNS rebinding) changes nothing. Other names are
 * refused unresolved: resolving them would let anyone make the bot query DNS, and tie up its resolver threads, for
 * names of their choosing, and the Emulator and Agents Playground reply to localhost or an address.
 */
export class ServiceUrlPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(allowedOrigins: readonly string[], private readonly resolve: Resolve = resolveAll) {
    this.allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()));
  }

  /** Where to connect for this URL, or undefined when the bot must not send there. */
  async destination(serviceUrl: string | URL): Promise<Destination | undefined> {
    let url: URL;
    try {
      url = new URL(serviceUrl);
    } catch {
      return undefined;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (this.allowed.has(url.origin)) return { kind: 'allowed' };
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const version = isIP(host);
    if (version !== 0) return isLoopback(host) ? { kind: 'loopback', addresses: [{ address: host, family: version }] } : undefined;
    if (host !== 'localhost') return undefined;
    let addresses: readonly ResolvedAddress[];
    try {
      addresses = await this.resolve(host);
    } catch {
      return undefined;
    }
    if (addresses.length === 0 || !addresses.every((a) => isLoopback(a.address))) return undefined;
    return { kind: 'loopback', addresses };
  }

  async allows(serviceUrl: string | URL): Promise<boolean> {
    return (await this.destination(serviceUrl)) !== undefined;
  }
}
