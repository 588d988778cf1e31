import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Bot Framework's OpenID metadata endpoint on 127.0.0.1, serving one signing key, so tests can
 * sign channel tokens the bot accepts, and forge ones it must refuse, without reaching login.botframework.com.
 */
export class FakeOpenId {
  readonly kid = randomUUID();
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: Server;
  metadataUrl = '';

  async start(endorsedChannels: readonly string[]): Promise<void> {
    const jwk = { ...(this.keys.publicKey.export({ format: 'jwk' }) as object), kid: this.kid, use: 'sig', kty: 'RSA', endorsements: endorsedChannels };
    this.server = createServer((req, res) => {
      const base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openidconfiguration') res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      else if (req.url === '/keys') res.end(JSON.stringify({ keys: [jwk] }));
      else { res.statusCode = 404; res.end('{}'); }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.metadataUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/openidconfiguration`;
  }

  stop(): void {
    this.server?.close();
  }

  /** A channel token like the Bot Framework's: signed with the served key unless `key` says otherwise. */
  token(claims: { audience: string; serviceUrl: string; expiresInSeconds?: number }, key: KeyObject = this.keys.privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const payload = { iss: 'https://api.botframework.com', aud: claims.audience, serviceurl: claims.serviceUrl, nbf: now - 60, iat: now - 60, exp: now + (claims.expiresInSeconds ?? 3600) };
    const body = `${b64(header)}.${b64(payload)}`;
    return `${body}.${sign('RSA-SHA256', Buffer.from(body), key).toString('base64url')}`;
  }

  /** A key the metadata does not serve: what a forger would sign with. */
  static otherKey(): KeyObject {
    return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }
}

const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
