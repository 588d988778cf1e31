import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { createApp } from './create-app.js';
import { KnowledgeError } from './knowledge/knowledge-error.js';
import { loadKnowledge } from './knowledge/load-knowledge.js';
import { KNOWLEDGE_DIR, PROJECT_ROOT } from './paths.js';
import { listeningPort, startServer } from './server.js';

/** Local settings; variables already set in the environment win over the file. */
const ENV_FILE = join(PROJECT_ROOT, '.env');
/** How long a shutdown waits for requests in flight before exiting anyway. */
const SHUTDOWN_GRACE_MS = 5000;

async function main(): Promise<void> {
  if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  const config = loadConfig();
  const app = createApp(config, loadKnowledge(KNOWLEDGE_DIR));
  const server = await startServer(app, config.port);
  console.log(`MSL career bot listening on http://localhost:${listeningPort(server)}`);
  if (config.webChat.localDirectLine || config.webChat.directLineSecret) console.log(`Web Chat: http://localhost:${listeningPort(server)}/`);
  const stop = (): void => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // Configuration and knowledge errors are the operator's to fix, and their messages say how; anything else needs the stack.
  console.error(error instanceof ConfigError || error instanceof KnowledgeError ? error.message : error);
  process.exit(1);
});
