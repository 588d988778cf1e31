import { ConnectorFactory, type ClaimsIdentity, type ConnectorClient, type UserTokenClient } from 'botframework-connector';

/**
 * Connector and user-token clients kept for reuse. The SDK builds a ConnectorClient and a UserTokenClient, each with
 * an HTTP pipeline of its own, for every turn (about a tenth of a turn's cost under load), although both depend only
 * on the bot's own credentials and the channel's address and hold no per-turn state. A bounded number are kept:
 * without an app id the serviceUrl is the caller's to choose, and a flood of addresses must not grow memory.
 */
export const MAX_REUSED_CLIENTS = 64;

/** A connector factory that hands out one client per app, service URL and audience. */
export class ReusingConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory, private readonly appId: string, private readonly clients: BoundedCache<Promise<ConnectorClient>>) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(`${this.appId}\u0000${serviceUrl}\u0000${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/** The app id a claims identity speaks for: clients are kept per app, since credentials are. */
export function appIdOf(identity: ClaimsIdentity): string {
  return identity.claims.find((c) => c.type === 'aud' || c.type === 'appid' || c.type === 'azp')?.value ?? '';
}

/** A small map that forgets the oldest entry once full; a failed creation is forgotten too, so it is tried again. */
export class BoundedCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = MAX_REUSED_CLIENTS) {}

  get(key: string, create: () => T): T {
    const known = this.entries.get(key);
    if (known !== undefined) return known;
    const made = create();
    if (made instanceof Promise) made.catch(() => this.entries.delete(key));
    this.entries.set(key, made);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return made;
  }
}

export type { UserTokenClient };
