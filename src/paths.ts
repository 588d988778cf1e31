import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The project root, found from this file whether it runs from src/ (tsx) or dist/src/ (compiled). */
const here = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = here.includes(`${join('dist', 'src')}`) ? join(here, '..', '..') : join(here, '..');
export const KNOWLEDGE_ROOT = join(PROJECT_ROOT, 'knowledge');
/** What every pack shares: conversation moves, places and jobs, synonyms, the bot's wording. */
export const COMMON_KNOWLEDGE_DIR = join(KNOWLEDGE_ROOT, 'common');
/** The pack served when KNOWLEDGE_DIR names none: the MSL guide. */
export const DEFAULT_PACK_DIR = join(KNOWLEDGE_ROOT, 'msl');
/** The fictional guide the code tests run on, so that editing the MSL guide breaks only content tests. */
export const FIXTURE_PACK_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'packs', 'cra');
export const EVAL_DIR = join(PROJECT_ROOT, 'tests', 'eval');
/**
 * The project's evaluation sets. Thresholds are fitted on the tuning sets; the blind sets, written without sight of
 * the code or the training phrasings, are only reported on.
 */
export const EVAL_SETS = [
  { file: join(EVAL_DIR, 'cases.json'), role: 'tuning' },
  { file: join(EVAL_DIR, 'real-style-tuning.json'), role: 'tuning' },
  { file: join(EVAL_DIR, 'blind-cases.json'), role: 'blind' },
  { file: join(EVAL_DIR, 'real-style-blind.json'), role: 'blind' },
] as const;
/** Which turns of each set passed last time they were accepted: a turn that passed may not start failing. */
export const EVAL_BASELINE_FILE = join(EVAL_DIR, 'baseline.json');
