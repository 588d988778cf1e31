import { expect } from 'chai';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { connectorHttpClient } from '../../src/outbound/connector-http-client.js';
import { ServiceUrlPolicy, type ResolvedAddress } from '../../src/outbound/service-url-policy.js';
import { startTrap } from './trap-server.js';

describe('ServiceUrlPolicy', () => {
  const resolver = (table: Record<string, string[]>) => async (host: string): Promise<ResolvedAddress[]> => {
    const addresses = table[host];
    if (!addresses) throw new Error(`ENOTFOUND ${host}`);
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

  it('allows a name only when every address it resolves to is loopback', async () => {
    const policy = new ServiceUrlPolicy([], resolver({ 'local.test': ['127.0.0.1', '::1'], 'mixed.test': ['127.0.0.1', '10.0.0.1'], 'far.test': ['93.184.215.14'] }));
    expect(await policy.allows('http://local.test:3978/')).to.equal(true);
    expect(await policy.allows('http://mixed.test/')).to.equal(false);
    expect(await policy.allows('http://far.test/')).to.equal(false);
    expect(await policy.allows('http://unknown.test/')).to.equal(false);
  });

  it('allows the origins in ALLOWED_SERVICE_URLS, and nothing else on those hosts', async () => {
    const policy = new ServiceUrlPolicy(['https://smba.trafficmanager.net'], resolver({}));
    expect(await policy.allows('https://smba.trafficmanager.net/amer/')).to.equal(true);
    expect(await policy.allows('http://smba.trafficmanager.net/amer/')).to.equal(false);
    expect(await policy.allows('https://smba.trafficmanager.net:8443/')).to.equal(false);
  });

  it('refuses what is not an http(s) URL', async () => {
    const policy = new ServiceUrlPolicy([], resolver({}));
    for (const url of ['file:///etc/passwd', 'gopher://127.0.0.1/', 'not a url', 'ftp://127.0.0.1/']) expect(await policy.allows(url), url).to.equal(false);
  });

  it('connects to the address it checked, even when the name resolves elsewhere a moment later (DNS rebinding)', async () => {
    const trap = await startTrap();
    let lookups = 0;
    const rebinding = async (): Promise<ResolvedAddress[]> => [{ address: lookups++ === 0 ? '127.0.0.1' : '10.0.0.1', family: 4 }];
    const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), {
      baseUri: `http://rebind.test:${trap.port}`,
      httpClient: connectorHttpClient({ timeoutMs: 2_000, policy: new ServiceUrlPolicy([], rebinding) }),
    });
    try {
      await client.conversations.sendToConversation('c1', { type: 'message', text: 'hi' } as never);
      expect(trap.hits).to.deep.equal(['POST /v3/conversations/c1/activities']);
    } finally {
      await trap.close();
    }
  });
});
