// Part of npm run build: what start-up would otherwise compute every time, prepared once from the current code.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCommonKnowledge } from '../src/knowledge/common-knowledge.js';
import { KnowledgeError } from '../src/knowledge/knowledge-error.js';
import { loadPack } from '../src/knowledge/load-pack.js';
import { loadEnglishLexicon, writeEnglishLexicon } from '../src/understanding/english-lexicon.js';
import { writeSnapshot } from '../src/understanding/understanding-snapshot.js';
import { COMMON_KNOWLEDGE_DIR, FIXTURE_PACK_DIR, KNOWLEDGE_ROOT } from '../src/paths.js';

console.log(`English word list: ${writeEnglishLexicon()} words`);
const english = loadEnglishLexicon();
// Every pack in knowledge/, and the fixture pack the tests run on.
const packDirs = [
  ...readdirSync(KNOWLEDGE_ROOT).map((d) => join(KNOWLEDGE_ROOT, d)).filter((d) => existsSync(join(d, 'pack.json'))),
  FIXTURE_PACK_DIR,
];
try {
  const common = loadCommonKnowledge(COMMON_KNOWLEDGE_DIR);
  for (const dir of packDirs) {
    try {
      const pack = loadPack(dir, common);
      const training = writeSnapshot(pack, english);
      console.log(`Understanding snapshot for ${pack.id}: ${training.examples.length} examples, ${training.passages.length} passages`);
    } catch (error) {
      // Broken knowledge is reported when the bot starts or knowledge:check runs, with every problem listed.
      if (!(error instanceof KnowledgeError)) throw error;
      console.warn(`Understanding snapshot skipped for ${dir}: the pack does not load (run npm run knowledge:check).`);
    }
  }
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.warn('Understanding snapshots skipped: knowledge/common does not load (run npm run knowledge:check).');
}
