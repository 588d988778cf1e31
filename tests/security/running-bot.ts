import type { Storage } from 'botbuilder';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/create-app.js';
import { listeningPort, startServer } from '../../src/server.js';
import { FIXTURE_ENV, fixtureKnowledge } from '../support/knowledge.js';

export interface RunningBot {
  readonly app: App;
  readonly server: Server;
  readonly base: string;
  /** What the app logged as errors (failed turns, refused calls). */
  readonly errors: unknown[];
  close(): Promise<void>;
}

/** The real app on the fixture pack for this environment, served on a free loopback port, with its error log collected. */
export async function startBot(env: NodeJS.ProcessEnv = {}, storage?: Storage): Promise<RunningBot> {
  const errors: unknown[] = [];
  // Left undefined, the storage is the one the configuration asks for.
  const app = createApp(loadConfig({ ...FIXTURE_ENV, ...env }), fixtureKnowledge(), { error: (...args: unknown[]) => errors.push(args) }, storage);
  const server = await startServer(app, 0, '127.0.0.1');
  return {
    app, server, errors,
    base: `http://127.0.0.1:${listeningPort(server)}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.server.closeAllConnections();
    }),
  };
}
