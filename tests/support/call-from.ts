import { request } from 'node:http';
import type { Answer } from '../directline/direct-line-client.js';

/**
 * A JSON call made from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so one test can play visitors on
 * different addresses; Linux routes all of 127.0.0.0/8 to the loopback interface. Unlike fetch, it sends any Host
 * header it is given.
 */
export function callFrom(localAddress: string, base: string, method: string, path: string, init: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const url = new URL(path, base);
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, headers, localAddress }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON; the test sees the text
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, headers: new Headers(res.headers as Record<string, string>) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A visitor on one address: a token from the page's API, then a started conversation. */
export async function startConversationFrom(localAddress: string, base: string): Promise<{ token: string; conversationId: string; status: number }> {
  const grant = await callFrom(localAddress, base, 'POST', '/api/directline/token');
  if (grant.status !== 200) throw new Error(`the token request answered ${grant.status}`);
  const started = await callFrom(localAddress, base, 'POST', '/v3/directline/conversations', { token: grant.body.token });
  return { token: grant.body.token, conversationId: grant.body.conversationId, status: started.status };
}
