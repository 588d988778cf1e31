import { expect } from 'chai';
import type { Server } from 'restify';
import { MAX_STREAMS_PER_ADDRESS, MAX_STREAMS_PER_CONVERSATION } from '../../src/directline/activity-streams.js';
import { ConversationStore } from '../../src/directline/conversation-store.js';
import { STREAM_TOKEN_TTL_MS } from '../../src/directline/token-issuer.js';
import { listeningPort } from '../../src/server.js';
import { call, DirectLineClient, startLocalDirectLine } from '../directline/direct-line-client.js';
import { StreamClient } from '../directline/stream-client.js';
import { sendUpgrade } from './raw-upgrade.js';

/** How long a closed stream may take to free its place; on loopback it takes a few milliseconds. */
const FREED_DEADLINE_MS = 5_000;

const FOREIGN = 'https://elsewhere.example.com';

/** The path and query of a URL, as a raw request line carries them. */
const pathOf = (url: string): string => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};

/** The stream URL with its token swapped for another. */
const withToken = (streamUrl: string, token: string): string => {
  const url = new URL(streamUrl);
  url.searchParams.set('t', token);
  return pathOf(url.href);
};

// The stream opens a WebSocket only for a valid stream token, from an allowed origin, within the limits; every
// other upgrade request is answered and its socket closed (finding 1 of the security review, on the stream path).
describe("upgrade requests on the local Direct Line's stream paths (security)", function () {
  this.timeout(60_000);
  let clock: number;
  let server: Server;
  let base: string;
  let port: number;
  let store: ConversationStore;

  before(async () => {
    clock = Date.now();
    store = new ConversationStore({ now: () => clock, maxConversations: 100 });
    ({ server, base } = await startLocalDirectLine({ now: () => clock, store }));
    port = listeningPort(server);
  });

  after(() => {
    server.close();
  });

  it('opens with the stream token from the conversation', async () => {
    const client = await DirectLineClient.open(base);
    const socket = await StreamClient.open(client.streamUrl);
    expect((await socket.next()).activities).to.have.length(1);
    socket.close();
  });

  const refusals: Array<[string, number, (client: DirectLineClient, other: DirectLineClient) => string, Record<string, string>?]> = [
    ['no token', 401, (c) => `/v3/directline/conversations/${c.conversationId}/stream`],
    ['a forged token', 403, (c) => withToken(c.streamUrl, `${new URL(c.streamUrl).searchParams.get('t')?.split('.')[0]}.AAAA`)],
    ['the API token instead of a stream token', 403, (c) => withToken(c.streamUrl, c.token)],
    ["another conversation's stream token", 403, (c, other) => withToken(c.streamUrl, new URL(other.streamUrl).searchParams.get('t') ?? '')],
    ['a watermark that is not a number', 400, (c) => `${pathOf(c.streamUrl)}&watermark=abc`],
    ['a page from an origin that may not use the chat', 403, (c) => pathOf(c.streamUrl), { origin: FOREIGN }],
  ];
  for (const [what, status, path, headers] of refusals) {
    it(`refuses ${what} with ${status} and closes the socket`, async () => {
      const [client, other] = await Promise.all([DirectLineClient.open(base), DirectLineClient.open(base)]);
      expect(await sendUpgrade(port, path(client, other), { headers })).to.deep.equal({ status, closedByServer: true });
    });
  }

  it(`refuses a stream token older than ${STREAM_TOKEN_TTL_MS / 1000} seconds with 403`, async () => {
    const client = await DirectLineClient.open(base);
    clock += STREAM_TOKEN_TTL_MS;
    try {
      expect(await sendUpgrade(port, pathOf(client.streamUrl))).to.deep.equal({ status: 403, closedByServer: true });
    } finally {
      clock -= STREAM_TOKEN_TTL_MS;
    }
  });

  it('refuses the stream of a conversation the store no longer holds with 404', async () => {
    const small = await startLocalDirectLine({ store: new ConversationStore({ maxConversations: 1 }) });
    try {
      const gone = await DirectLineClient.open(small.base);
      await DirectLineClient.open(small.base);
      expect(await sendUpgrade(listeningPort(small.server), pathOf(gone.streamUrl))).to.deep.equal({ status: 404, closedByServer: true });
    } finally {
      small.server.close();
    }
  });

  it(`refuses more than ${MAX_STREAMS_PER_ADDRESS} streams from one address with 429`, async () => {
    const streams: StreamClient[] = [];
    const clients: DirectLineClient[] = [];
    // Several streams per conversation: the address's conversations alone could not reach the limit.
    const nextStreamUrl = async (i: number): Promise<string> => {
      const client = clients[Math.floor(i / MAX_STREAMS_PER_CONVERSATION)] ?? (clients[clients.length] = await DirectLineClient.open(base));
      return (await call(base, 'GET', `/v3/directline/conversations/${client.conversationId}`, { token: client.token })).body.streamUrl;
    };
    try {
      for (let i = 0; i < MAX_STREAMS_PER_ADDRESS; i++) streams.push(await StreamClient.open(await nextStreamUrl(i)));
      const one = await DirectLineClient.open(base);
      expect(await sendUpgrade(port, pathOf(one.streamUrl))).to.deep.equal({ status: 429, closedByServer: true });
      streams.pop()?.close();
      // Once the server has seen the close, the address has room again: retry until it has, within a deadline.
      const deadline = Date.now() + FREED_DEADLINE_MS;
      for (;;) {
        const again = await call(base, 'GET', `/v3/directline/conversations/${one.conversationId}`, { token: one.token });
        try {
          streams.push(await StreamClient.open(again.body.streamUrl));
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
    } finally {
      for (const socket of streams) socket.close();
    }
  });

  it('holds no socket of the stream requests it refused', async () => {
    const client = await DirectLineClient.open(base);
    const openConnections = (): Promise<number> =>
      new Promise((resolve, reject) => server.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
    const before = await openConnections();
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => sendUpgrade(port, withToken(client.streamUrl, client.token))));
    expect(outcomes.filter((o) => o.status === 403 && o.closedByServer)).to.have.length(200);
    expect(await openConnections()).to.be.at.most(before);
  });
});
