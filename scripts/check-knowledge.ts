// npm run knowledge:check [-- pack-dir …]: loads packs exactly as the bot does, summarises them, and warns where
// understanding is thin: units with few phrasings or evaluation turns, phrasings two units share, questions that
// don't find their own unit, shortened button labels. Problems that stop the bot are listed and exit with status 1.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { CareerAdvisor } from '../src/career-advisor.js';
import { commandConfig } from './command-config.js';
import { EvalCases } from '../src/eval/eval-cases.js';
import type { Pack } from '../src/knowledge/knowledge.js';
import { KnowledgeError } from '../src/knowledge/knowledge-error.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { COMMON_KNOWLEDGE_DIR, DEFAULT_PACK_DIR, EVAL_SETS, PROJECT_ROOT } from '../src/paths.js';
import { featureStems } from '../src/understanding/text-pipeline.js';
import { TextPipeline } from '../src/understanding/text-pipeline.js';
import { normalize } from '../src/understanding/normalize.js';

/** Fewer curated phrasings than this leave a unit to the guide's own words, which real questions often don't use. */
const MIN_PHRASINGS = 5;
/** A unit with fewer evaluation turns than this has no measured answer quality. */
const MIN_EVAL_TURNS = 2;

const args = process.argv.slice(2);
const dirs = args.length ? args.map((d) => (isAbsolute(d) ? d : join(process.cwd(), d))) : commandConfig().knowledge.packDirs;

try {
  const knowledge = loadKnowledge(dirs, COMMON_KNOWLEDGE_DIR);
  const advisor = new CareerAdvisor(knowledge);
  console.log('Knowledge is valid.');
  let warnings = 0;
  for (const pack of knowledge.packs) {
    summarise(pack);
    const found = warningsFor(pack, advisor, pack.dir === DEFAULT_PACK_DIR);
    warnings += found.length;
    for (const w of found) console.log(`  warning: ${w}`);
  }
  console.log(warnings ? `\n${warnings} warning${warnings === 1 ? '' : 's'}: the bot runs, but these make answers weaker.` : '\nNo warnings.');
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  process.exit(1);
}

function summarise(pack: Pack): void {
  const phrasings = Object.values(pack.phrasings).reduce((n, list) => n + list.length, 0);
  const { industries, states } = pack.salary ?? {};
  console.log(`\n${pack.career.name} (${pack.id}) from ${pack.dir.replace(`${PROJECT_ROOT}/`, '')}`);
  console.log(`  units           ${pack.units.size}${pack.walkthrough ? `, a walk-through of ${pack.walkthrough.steps.length} steps` : ''}`);
  console.log(`  phrasings       ${phrasings}${phrasings === 0 ? ' (understanding reads the guide alone)' : ''}`);
  console.log(`  salary records  ${(industries?.records.length ?? 0) + (states?.records.length ?? 0)} (${industries?.records.length ?? 0} industries, ${states?.records.length ?? 0} states)`);
}

function warningsFor(pack: Pack, advisor: CareerAdvisor, usesProjectEval: boolean): string[] {
  const warnings: string[] = [];
  const curated = Object.keys(pack.phrasings).length > 0;
  const turns = usesProjectEval ? evalTurnsByUnit() : new Map<string, number>();
  for (const unit of pack.units.values()) {
    const count = pack.phrasings[unit.id]?.length ?? 0;
    if (curated && count < MIN_PHRASINGS && unit.id !== pack.salary?.overview.id) warnings.push(`${unit.id}: ${count} phrasing${count === 1 ? '' : 's'} (give at least ${MIN_PHRASINGS} ways people ask it)`);
    if (usesProjectEval && (turns.get(unit.id) ?? 0) < MIN_EVAL_TURNS) warnings.push(`${unit.id}: ${turns.get(unit.id) ?? 0} evaluation turns expect it (add at least ${MIN_EVAL_TURNS} to tests/eval/)`);
    if (unit.label.endsWith('…')) warnings.push(`${unit.id}: its button label was shortened to "${unit.label}" (give a "label" of at most 30 characters)`);
    // A unit's own question must find it, or its button and "Did you mean" choice lead elsewhere.
    const { reply } = advisor.respond(unit.ask, {});
    if (!reply.unitIds.includes(unit.id)) warnings.push(`${unit.id}: its own question "${unit.ask}" is answered with ${reply.unitIds.join(', ') || reply.outcome}`);
  }
  // Phrasings of two units that read the same once normalised teach the classifier nothing but confusion.
  const pipeline = new TextPipeline(pack.synonyms);
  const seen = new Map<string, string>();
  for (const [intent, list] of Object.entries(pack.phrasings)) {
    for (const phrasing of list) {
      const key = [...new Set(featureStems(pipeline.tokens(normalize(phrasing), false)))].sort().join(' ');
      const other = seen.get(key);
      if (other && other !== intent) warnings.push(`"${phrasing}" (${intent}) reads the same as a phrasing of ${other}`);
      seen.set(key, intent);
    }
  }
  return warnings;
}

function evalTurnsByUnit(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { file } of EVAL_SETS) {
    for (const c of EvalCases.parse(JSON.parse(readFileSync(file, 'utf8'))).cases) {
      for (const t of c.turns) for (const id of new Set([...(t.expect ?? []), ...(t.all ?? [])])) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}
