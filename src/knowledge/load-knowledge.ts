import { loadCommonKnowledge, type CommonKnowledge } from './common-knowledge.js';
import type { Pack } from './knowledge.js';
import { KnowledgeError, type KnowledgeIssue } from './knowledge-error.js';
import { loadPack, type PackOptions } from './load-pack.js';
import { COMMON_KNOWLEDGE_DIR } from '../paths.js';

/** Every guide pack the bot serves, and what they share. */
export interface Knowledge {
  readonly common: CommonKnowledge;
  /** In the order configured; the first is the default career of a new conversation. */
  readonly packs: readonly Pack[];
}

/**
 * Loads knowledge/common/ and each pack folder. Problems in every pack are gathered and thrown together, so a
 * content owner sees them all at once; two packs may not claim the same id or career name.
 */
export function loadKnowledge(packDirs: readonly string[], commonDir: string, options: PackOptions = {}): Knowledge {
  const common = loadCommonKnowledge(commonDir);
  const packs: Pack[] = [];
  const issues: KnowledgeIssue[] = [];
  packDirs.forEach((dir, i) => {
    try {
      // GUIDE_URL names where the first pack's guide is published; other packs say so in their pack.json.
      packs.push(loadPack(dir, common, i === 0 ? options : {}));
    } catch (error) {
      if (!(error instanceof KnowledgeError)) throw error;
      issues.push(...error.issues);
    }
  });
  for (const [i, pack] of packs.entries()) {
    const other = packs.slice(0, i).find((p) => p.id === pack.id || p.career.aliases.some((a) => pack.career.aliases.includes(a)));
    if (other) issues.push({ file: `${pack.id}/pack.json`, path: 'career', message: `names the same career or id as the pack in ${other.dir}` });
  }
  if (issues.length > 0) throw new KnowledgeError(issues);
  return { common, packs };
}

/** The one pack of a single-career bot, or the first: for tools and tests that work with one guide. */
export function primaryPack(knowledge: Knowledge): Pack {
  return knowledge.packs[0]!;
}

/** The knowledge the configuration names (KNOWLEDGE_DIR, GUIDE_URL), as the bot and the tools load it. */
export function loadConfiguredKnowledge(config: { readonly knowledge: { readonly packDirs: readonly string[]; readonly guideUrl: string | undefined } }): Knowledge {
  return loadKnowledge(config.knowledge.packDirs, COMMON_KNOWLEDGE_DIR, { guideUrl: config.knowledge.guideUrl });
}
