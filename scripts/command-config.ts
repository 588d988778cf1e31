import { ConfigError, loadConfig, projectEnvironment, type BotConfig } from '../src/config.js';
import { KnowledgeError } from '../src/knowledge/knowledge-error.js';
import { loadConfiguredKnowledge, type Knowledge } from '../src/knowledge/load-knowledge.js';

/**
 * The settings an npm command runs with: the environment and the project's .env, as `npm start` reads them. A bad
 * setting ends the command with what to fix, not a stack trace.
 */
export function commandConfig(): BotConfig {
  try {
    return loadConfig(projectEnvironment());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The guide packs the settings name; a pack with problems ends the command with the list of them, naming file and place. */
export function commandKnowledge(config: BotConfig): Knowledge {
  try {
    return loadConfiguredKnowledge(config);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
