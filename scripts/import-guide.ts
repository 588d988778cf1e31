// npm run knowledge:import -- <guide.txt> <pack-dir> [--units]: makes a guide pack from a guide of the usual shape.
// Writes guide.txt and pack.json (and, with --units, the units read off the headings as an editable units.json),
// then loads the pack as the bot would and prints what it found.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { loadCommonKnowledge } from '../src/knowledge/common-knowledge.js';
import { importGuide } from '../src/knowledge/import-guide.js';
import { KnowledgeError } from '../src/knowledge/knowledge-error.js';
import { loadPack, PACK_FILES } from '../src/knowledge/load-pack.js';
import { COMMON_KNOWLEDGE_DIR } from '../src/paths.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const withUnits = process.argv.includes('--units');
if (args.length !== 2) {
  console.error('Usage: npm run knowledge:import -- <guide.txt> <pack-dir> [--units]');
  process.exit(2);
}
const [guideFile, packArg] = args.map((a) => (isAbsolute(a) ? a : resolve(process.cwd(), a))) as [string, string];
if (existsSync(join(packArg, PACK_FILES.pack))) {
  console.error(`${packArg} already holds a pack; import into a new folder.`);
  process.exit(2);
}
try {
  const { pack, units } = importGuide(readFileSync(guideFile, 'utf8'));
  mkdirSync(packArg, { recursive: true });
  copyFileSync(guideFile, join(packArg, PACK_FILES.guide));
  writeFileSync(join(packArg, PACK_FILES.pack), `${JSON.stringify(pack, null, 2)}\n`);
  if (withUnits) writeFileSync(join(packArg, PACK_FILES.units), `${JSON.stringify({ _about: 'Units read off the guide by npm run knowledge:import; edit freely, or delete this file to read them off the guide again.', units }, null, 2)}\n`);
  const loaded = loadPack(packArg, loadCommonKnowledge(COMMON_KNOWLEDGE_DIR));
  const { industries, states } = loaded.salary ?? {};
  console.log(`Imported the ${loaded.career.name} guide (${loaded.career.short}) into ${packArg}:`);
  console.log(`  ${loaded.units.size} units, ${loaded.walkthrough?.steps.length ?? 0} walk-through steps, ${(industries?.records.length ?? 0) + (states?.records.length ?? 0)} salary figures`);
  console.log('Next: check the career\'s names in pack.json, then run npm run knowledge:check -- ' + packArg);
} catch (error) {
  console.error(error instanceof KnowledgeError || error instanceof Error ? error.message : error);
  process.exit(1);
}
