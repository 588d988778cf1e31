import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The project root, found from this file whether it runs from src/ (tsx) or dist/src/ (compiled). */
const here = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = here.includes(`${join('dist', 'src')}`) ? join(here, '..', '..') : join(here, '..');
export const KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');
export const EVAL_CASES_FILE = join(PROJECT_ROOT, 'tests', 'eval', 'cases.json');
