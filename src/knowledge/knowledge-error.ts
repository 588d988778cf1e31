import type { z } from 'zod';

/** One problem in a knowledge file: which file, where inside it, and what is wrong. */
export interface KnowledgeIssue {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Thrown at load time when a knowledge file is broken; lists every problem found, one per line. */
export class KnowledgeError extends Error {
  constructor(readonly issues: readonly KnowledgeIssue[]) {
    super(`Knowledge is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
      issues.map((i) => `  ${i.file}${i.path ? ` at ${i.path}` : ''}: ${i.message}`).join('\n'));
    this.name = 'KnowledgeError';
  }
}

export function zodIssues(file: string, error: z.ZodError): KnowledgeIssue[] {
  return error.issues.map((i) => ({ file, path: i.path.map(String).join('.'), message: i.message }));
}
