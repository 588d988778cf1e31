import { expect } from 'chai';
import type { Server } from 'restify';
import { listeningPort, startServer } from '../../src/server.js';
import { sharedApp, startLocalDirectLine } from '../directline/direct-line-client.js';
import { startWebChatServer } from '../web/web-chat-server.js';
import { sendUpgrade } from './raw-upgrade.js';

/** Upgrade requests sent in all, and at once: enough to show none is held, few enough to stay quick on loopback. */
const FLOOD_REQUESTS = 1000;
const FLOOD_BATCH = 100;
/** How long the server may take to let go of the last closed sockets. */
const RELEASE_DEADLINE_MS = 2000;

/** Open connections the server holds now. */
const openConnections = (server: Server): Promise<number> =>
  new Promise((resolve, reject) => server.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));

async function settles(server: Server): Promise<number> {
  const deadline = Date.now() + RELEASE_DEADLINE_MS;
  let count = await openConnections(server);
  while (count > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    count = await openConnections(server);
  }
  return count;
}

// Finding 1 of the security review: restify re-emitted upgrade requests to no listener, so each one held its socket
// for ever, and enough of them exhausted the file descriptors.
describe('WebSocket upgrade requests the server does not serve (security)', function () {
  this.timeout(60_000);

  const configurations: Array<[string, () => Promise<{ server: Server }>]> = [
    ['the bot with its local Direct Line', () => startLocalDirectLine()],
    ['the bot with Azure\'s Direct Line', () => startWebChatServer({ DIRECT_LINE_SECRET: 'secret', DIRECT_LINE_ENDPOINT: 'http://127.0.0.1:9' })],
    ['the Bot Framework endpoint alone', async () => {
      const app = sharedApp();
      return { server: await startServer({ adapter: app.adapter, bot: app.bot }, 0, '127.0.0.1') };
    }],
  ];

  for (const [name, start] of configurations) {
    describe(`on ${name}`, () => {
      let server: Server;
      let port: number;

      before(async () => {
        ({ server } = await start());
        port = listeningPort(server);
      });

      after(() => {
        server.close();
      });

      const refused: Array<[string, string, Parameters<typeof sendUpgrade>[2]]> = [
        ['a WebSocket on a path that takes none', '/no-such-socket', {}],
        ['a WebSocket on a page route', '/', {}],
        ['a WebSocket on the Bot Framework endpoint', '/api/messages', { method: 'POST' }],
        ['an HTTP/2 cleartext upgrade', '/healthz', { upgrade: 'h2c' }],
      ];
      for (const [what, path, options] of refused) {
        it(`answers ${what} with 400 and closes the socket`, async () => {
          expect(await sendUpgrade(port, path, options)).to.deep.equal({ status: 400, closedByServer: true });
        });
      }

      it(`answers ${FLOOD_REQUESTS} upgrade requests, holds none of their sockets, and keeps serving`, async () => {
        let answered = 0;
        for (let sent = 0; sent < FLOOD_REQUESTS; sent += FLOOD_BATCH) {
          const outcomes = await Promise.all(Array.from({ length: FLOOD_BATCH }, (_, i) => sendUpgrade(port, `/socket-${sent + i}`)));
          answered += outcomes.filter((o) => o.status === 400 && o.closedByServer).length;
        }
        expect(answered, 'requests answered with 400 and closed').to.equal(FLOOD_REQUESTS);
        expect(await settles(server), 'sockets still open').to.equal(0);
        expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).to.equal(200);
      });
    });
  }
});
