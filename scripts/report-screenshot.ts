// Takes the docs' picture of the unanswered-questions report: builds the report of the sample log in the tests,
// opens it in headless Chromium and saves docs/report.png.  Run with `npm run report:screenshot`.
import { mkdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { COMMON_KNOWLEDGE_DIR, DEFAULT_PACK_DIR, PROJECT_ROOT } from '../src/paths.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { aggregateTurns } from '../src/report/aggregate-turns.js';
import { readLogLines } from '../src/report/read-log-lines.js';
import { catalogueFromKnowledge } from '../src/report/report-catalogue.js';
import { renderReport } from '../src/report/render-report.js';
import { launchChromium } from './launch-chromium.js';

const SAMPLE_LOG = join(PROJECT_ROOT, 'tests', 'fixtures', 'logs', 'sample.log');
const OUTPUT = join(PROJECT_ROOT, 'docs', 'report.png');
/** A laptop-width window: the page's column is 60rem, so this shows it with a margin. */
const VIEWPORT = { width: 1100, height: 900 } as const;
/** The sample log's last day, so the picture does not change from run to run. */
const GENERATED_AT = new Date('2026-03-09T08:00:00Z');

async function main(): Promise<void> {
  const file = await open(SAMPLE_LOG);
  const parsed = [];
  for await (const record of readLogLines(file.readLines(), 'sample.log')) parsed.push(record);
  await file.close();
  const catalogue = catalogueFromKnowledge(loadKnowledge([DEFAULT_PACK_DIR], COMMON_KNOWLEDGE_DIR));
  const page = renderReport(aggregateTurns(parsed, catalogue), { generatedAt: GENERATED_AT, sources: ['sample.log'] });
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage({ viewport: VIEWPORT });
    await tab.setContent(page, { waitUntil: 'load' });
    mkdirSync(join(PROJECT_ROOT, 'docs'), { recursive: true });
    await tab.screenshot({ path: OUTPUT, fullPage: true });
    console.log(`Saved ${OUTPUT}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
