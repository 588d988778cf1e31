import { CareerAdvisor } from '../../src/career-advisor.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';

let knowledge: Knowledge | undefined;
let advisor: CareerAdvisor | undefined;

/** The real knowledge, loaded once per test run. */
export function realKnowledge(): Knowledge {
  return (knowledge ??= loadKnowledge(KNOWLEDGE_DIR));
}

/** The real advisor over the real knowledge, built once per test run (training takes a moment). */
export function realAdvisor(): CareerAdvisor {
  return (advisor ??= new CareerAdvisor(realKnowledge()));
}
