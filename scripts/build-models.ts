// Part of npm run build: what start-up would otherwise compute every time, prepared once from the current code.
import { KnowledgeError } from '../src/knowledge/knowledge-error.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { loadEnglishLexicon, writeEnglishLexicon } from '../src/nlu/english-lexicon.js';
import { writeSnapshot } from '../src/nlu/understanding-snapshot.js';
import { KNOWLEDGE_DIR } from '../src/paths.js';

console.log(`English word list: ${writeEnglishLexicon()} words`);
try {
  const training = writeSnapshot(loadKnowledge(KNOWLEDGE_DIR), loadEnglishLexicon());
  console.log(`Understanding snapshot: ${training.examples.length} examples`);
} catch (error) {
  // Broken knowledge is reported when the bot starts or knowledge:check runs, with every problem listed.
  if (!(error instanceof KnowledgeError)) throw error;
  console.warn('Understanding snapshot skipped: the knowledge does not load (run npm run knowledge:check).');
}
