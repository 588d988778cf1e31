import { ConfigError, loadConfig, projectEnvironment } from './config.js';
import { createApp } from './create-app.js';
import { KnowledgeError } from './knowledge/knowledge-error.js';
import { loadConfiguredKnowledge } from './knowledge/load-knowledge.js';
import { createLogger } from './logger.js';
import { shutDown } from './http/graceful-shutdown.js';
import { listeningPort, startServer } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig(projectEnvironment());
  const logger = createLogger({ level: config.logging.level });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error, origin) => {
    // The process may be in an unknown state: log what happened and leave, for the supervisor to restart it.
    logger.fatal({ err: error, origin }, 'uncaught exception');
    process.exit(1);
  });

  const app = createApp(config, loadConfiguredKnowledge(config), logger);
  const server = await startServer(app, config.port);
  const port = listeningPort(server);
  logger.info({ port, auth: config.authEnabled, storage: config.storage.kind, localDirectLine: config.webChat.localDirectLine }, 'listening');
  console.log(`Career bot listening on http://localhost:${port}`);
  // One Direct Line or the other always serves the page: this process's own, or Azure's with DIRECT_LINE_SECRET.
  console.log(`Web Chat: http://localhost:${port}/`);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: app.inFlight.size, noticeMs: config.shutdown.noticeMs, drainMs: config.shutdown.drainMs }, 'shutting down');
    const drained = await shutDown({ server, readiness: app.readiness, inFlight: app.inFlight, ...config.shutdown });
    logger.info({ drained, inFlight: app.inFlight.size }, 'stopped');
    logger.flush();
    // Not drained means requests were cut off: a supervisor should hear that this was not a clean stop.
    process.exit(drained ? 0 : 1);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Configuration and knowledge errors are the operator's to fix, and their messages say how; anything else needs the stack.
  console.error(error instanceof ConfigError || error instanceof KnowledgeError ? error.message : error);
  process.exit(1);
});
