import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { aggregateTurns, type ReportData } from '../../src/report/aggregate-turns.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { readLogLines, type LineSource, type LogLine } from '../../src/report/read-log-lines.js';
import type { ReportCatalogue } from '../../src/report/report-catalogue.js';

/**
 * A week of a bot's standard output, written by hand: start-up messages, request and error lines, turns of every
 * outcome on webchat and msteams, "Did you mean…?" choices, votes, masked unanswered texts, one hostile text, and
 * a few broken lines.
 */
export const SAMPLE_LOG = join(PROJECT_ROOT, 'tests', 'fixtures', 'logs', 'sample.log');

/**
 * Names for what the sample log mentions, written here rather than loaded from the MSL pack, so that editing the
 * guide's titles cannot break the report's tests.
 */
export const SAMPLE_CATALOGUE: ReportCatalogue = {
  careers: {
    msl: {
      name: 'Medical Science Liaison',
      units: {
        career_path: 'Career paths',
        tips: 'Career tips',
        trend_remote: 'Remote roles',
        work_env: 'Work environment',
        employers: 'Top employers',
        faq_qualifications: 'Qualifications employers look for',
        salary_states: 'Highest paying states',
        duties: 'Duties',
      },
    },
  },
  topics: {
    visa: 'visas and sponsorship',
    entry_pay: 'entry-level or first-year pay',
    bonus: 'bonuses and incentives',
    equity: 'stock and equity',
    territory: 'territory size',
  },
  careerWords: ['msl', 'msls'],
};

/** Every line of the sample log, parsed. */
export async function sampleLines(): Promise<Array<{ line: LogLine; where: LineSource }>> {
  const file = await open(SAMPLE_LOG);
  try {
    const lines = [];
    for await (const record of readLogLines(file.readLines(), 'sample.log')) lines.push(record);
    return lines;
  } finally {
    await file.close();
  }
}

/** The sample log counted with the sample catalogue. */
export async function sampleReport(): Promise<ReportData> {
  return aggregateTurns(await sampleLines(), SAMPLE_CATALOGUE);
}

/** Log lines as the bot writes them, for tests that need a line or two of their own. */
export function turnLine(turn: Record<string, unknown>, time = Date.UTC(2026, 2, 2, 9)): string {
  const base = { conversationId: 'c1', channelId: 'webchat', career: 'msl', rule: 'answer', action: 'answer', units: [], confidence: 1, outcome: 'answer', topics: [], latencyMs: 1 };
  return JSON.stringify({ level: 30, time, service: 'msl-career-bot', turn: { ...base, ...turn }, msg: 'turn' });
}

/** A vote as the bot logs it: without the career, which the report takes from the conversation's turns. */
export function feedbackLine(feedback: Record<string, unknown>, time = Date.UTC(2026, 2, 2, 9)): string {
  const base = { conversationId: 'c1', channelId: 'webchat', units: [], vote: 'down' };
  return JSON.stringify({ level: 30, time, service: 'msl-career-bot', feedback: { ...base, ...feedback }, msg: 'feedback' });
}
