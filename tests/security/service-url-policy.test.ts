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

  it('allows localhost only when every address it resolves to is loopback', async () => {
    expect(await new ServiceUrlPolicy([], resolver({ localhost: ['127.0.0.1', '::1'] })).allows('http://localhost:3978/')).to.equal(true);
    expect(await new ServiceUrlPolicy([], resolver({ localhost: ['127.0.0.1', '10.0.0.1'] })).allows('http://localhost:3978/')).to.equal(false);
    expect(await new ServiceUrlPolicy([], resolver({})).allows('http://localhost:3978/')).to.equal(false);
  });

  it('refuses any other name without looking it up, whatever it would resolve to', async () => {
    const asked: string[] = [];
    const policy = new ServiceUrlPolicy([], async (host) => (asked.push(host), [{ address: '127.0.0.1', family: 4 }]));
    for (const url of ['http://local.test/', 'http://127.0.0.1.nip.io/', 'http://foo.localhost/', 'http://attacker.example/']) expect(await policy.allows(url), url).to.equal(false);
    expect(asked).to.deep.equal([]);
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

  it('connects to the address it checked, not wherever the name resolves when connecting (DNS rebinding)', async () => {
    // The check sees localhost at 127.0.0.2, where the trap listens; the system would say 127.0.0.1 or ::1, and a
    // rebinding resolver says 10.0.0.1 on every later lookup. Only a connection to the checked address reaches the trap.
    const trap = await startTrap({ kind: 'connector' }, '127.0.0.2');
    let lookups = 0;
    const rebinding = async (): Promise<ResolvedAddress[]> => [{ address: lookups++ === 0 ? '127.0.0.2' : '10.0.0.1', family: 4 }];
    const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), {
      baseUri: `http://localhost:${trap.port}`,
      httpClient: connectorHttpClient({ timeoutMs: 2_000, policy: new ServiceUrlPolicy([], rebinding) }),
    });
    try {
      await client.conversations.sendToConversation('c1', { type: 'message', text: 'hi' } as never);
      expect(trap.hits).to.deep.equal(['POST /v3/conversations/c1/activities']);
    } finally {
      await trap.close();
    }
  });

  it('gives up after its timeout, with one attempt, with an app id as without', async () => {
    const silent = await startTrap({ kind: 'silent' });
    const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), {
      baseUri: `http://127.0.0.1:${silent.port}`,
      httpClient: connectorHttpClient({ timeoutMs: 300 }),
    });
    try {
      const started = performance.now();
      const error = await client.conversations.sendToConversation('c1', { type: 'message', text: 'hi' } as never).then(() => undefined, (e: Error) => e);
      expect(error?.message).to.match(/did not answer within 300 ms/);
      expect(performance.now() - started).to.be.below(1_500);
      expect(silent.hits).to.have.length(1);
    } finally {
      await silent.close();
    }
  });
});
