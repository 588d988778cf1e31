// npm run knowledge:check: loads the knowledge files exactly as the bot does and summarises them, or lists every problem.
import { KnowledgeError } from '../src/knowledge/knowledge-error.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { KNOWLEDGE_DIR } from '../src/paths.js';

try {
  const k = loadKnowledge(KNOWLEDGE_DIR);
  const intents = Object.keys(k.utterances);
  const utterances = Object.values(k.utterances).reduce((n, list) => n + list.length, 0);
  const { industries, states } = k.salary;
  console.log('Knowledge is valid.');
  console.log(`  units           ${k.units.size}`);
  console.log(`  intents         ${intents.length}`);
  console.log(`  utterances      ${utterances}`);
  console.log(`  salary records  ${industries.records.length + states.records.length} (${industries.records.length} industries, ${states.records.length} states)`);
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  process.exit(1);
}
