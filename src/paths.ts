import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The project root, found from this file whether it runs from src/ (tsx) or dist/src/ (compiled). */
const here = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = here.includes(`${join('dist', 'src')}`) ? join(here, '..', '..') : join(here, '..');
export const KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');
export const EVAL_DIR = join(PROJECT_ROOT, 'tests', 'eval');
/** The project's held-out questions: the main set, and a second set written blind, later. */
export const EVAL_CASES_FILES = [join(EVAL_DIR, 'cases.json'), join(EVAL_DIR, 'blind-cases.json')] as const;
