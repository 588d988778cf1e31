// npm run report -- [--out report.html] [bot.log …]: the unanswered-questions report, one self-contained HTML page,
// from the bot's JSON log lines: the files given, or standard input (`npm start | npm run report`, `cat bot.log | …`).
import { open, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig, projectEnvironment } from '../src/config.js';
import { loadConfiguredKnowledge } from '../src/knowledge/load-knowledge.js';
import { ReportTally, type ReportData } from '../src/report/aggregate-turns.js';
import { readLogLines } from '../src/report/read-log-lines.js';
import { catalogueFromKnowledge, EMPTY_CATALOGUE, type ReportCatalogue } from '../src/report/report-catalogue.js';
import { renderReport } from '../src/report/render-report.js';

const USAGE = `Usage: npm run report -- [--out report.html] [bot.log …]
Reads the bot's JSON log lines from the files given, or from standard input when none is:
  npm run report -- logs/bot-*.log --out march.html
  npm start | npm run report          (press Ctrl+C to stop the bot and write the report)`;

// npm runs scripts from the project root; the folder the command was typed in is INIT_CWD, and paths are relative to it.
const cwd = process.env.INIT_CWD ?? process.cwd();

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string', short: 'o', default: 'report.html' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length === 0 && process.stdin.isTTY) {
    console.error(`No log file given and nothing piped in.\n${USAGE}`);
    process.exit(2);
  }

  const tally = new ReportTally(loadCatalogue());
  const sources = positionals.length ? positionals : ['-'];
  // Ctrl+C on `npm start | npm run report` reaches both: stop reading and write what was read; a second one quits.
  let reading: Interface | undefined;
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    reading?.close();
    process.once('SIGINT', () => process.exit(130));
  });
  for (const source of sources) {
    if (interrupted) break;
    const name = source === '-' ? 'standard input' : source;
    const file = source === '-' ? undefined : await open(resolve(cwd, source));
    reading = file ? file.readLines() : createInterface({ input: process.stdin, crlfDelay: Infinity });
    try {
      for await (const { line, where } of readLogLines(reading, name)) tally.add(line, where);
    } finally {
      await file?.close();
    }
  }
  if (interrupted) process.stdin.destroy();

  const data = tally.summary();
  const out = resolve(cwd, values.out);
  await writeFile(out, renderReport(data, { generatedAt: new Date(), sources: sources.map((s) => (s === '-' ? 'standard input' : s)) }));
  console.error(describe(data));
  console.error(`Wrote ${out}`);
}

/** Unit titles and topic labels from the packs the bot is configured with (.env and KNOWLEDGE_DIR); ids without. */
function loadCatalogue(): ReportCatalogue {
  try {
    return catalogueFromKnowledge(loadConfiguredKnowledge(loadConfig(projectEnvironment())));
  } catch (error) {
    console.error(`Could not load the guide packs, so the report shows ids instead of titles:\n${error instanceof Error ? error.message : String(error)}`);
    return EMPTY_CATALOGUE;
  }
}

function describe(data: ReportData): string {
  const l = data.lines;
  const skipped = l.skipped.map((s) => `${s.count} ${s.reason}`).join(', ');
  return `Read ${l.read} lines: ${l.turns} turns, ${l.feedback} votes, ${l.other} other log lines set aside, ${skipped ? `skipped ${skipped}` : 'none skipped'}.`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
