import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';
import { feedbackLine, SAMPLE_LOG } from '../support/sample-log.js';

const SCRIPT = join(PROJECT_ROOT, 'dist', 'scripts', 'report.js');
/** Longest a report of the sample log may take, knowledge loading included; it takes about a second. */
const RUN_TIMEOUT_MS = 15_000;

interface Run {
  readonly code: number | null;
  readonly stderr: string;
}

/** Runs the report script as `npm run report` would from the folder `cwd`, feeding it `stdin` when given. */
function runReport(args: string[], cwd: string, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], {
      cwd: PROJECT_ROOT,
      // npm runs scripts in the project root and names the caller's folder in INIT_CWD; the fixture pack gives names.
      env: { ...process.env, INIT_CWD: cwd, KNOWLEDGE_DIR: 'tests/fixtures/packs/cra' },
      stdio: ['pipe', 'ignore', 'pipe'],
      timeout: RUN_TIMEOUT_MS,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += String(chunk); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
    if (stdin) createReadStream(stdin).pipe(child.stdin);
    else child.stdin.end();
  });
}

describe('npm run report', function () {
  this.timeout(RUN_TIMEOUT_MS * 2);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the report of a log file to --out, relative to the folder it was run from', async () => {
    const run = await runReport([SAMPLE_LOG, '--out', 'week.html'], dir);
    expect(run.code, run.stderr).to.equal(0);
    const page = readFileSync(join(dir, 'week.html'), 'utf8');
    expect(page).to.include('55 turns in 25 conversations');
    expect(run.stderr).to.include('Read 126 lines: 55 turns, 5 votes, 58 other log lines set aside, skipped 5 not JSON, 1 turn line that does not fit, 1 feedback line that does not fit.');
    expect(run.stderr).to.include(`Wrote ${join(dir, 'week.html')}`);
  });

  it('reads standard input when no file is given, and writes report.html by default', async () => {
    const run = await runReport([], dir, SAMPLE_LOG);
    expect(run.code, run.stderr).to.equal(0);
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(page).to.include('Read 126 lines from standard input');
  });

  it('reads several files as one log', async () => {
    const run = await runReport([SAMPLE_LOG, SAMPLE_LOG, '-o', 'both.html'], dir);
    expect(run.code, run.stderr).to.equal(0);
    expect(readFileSync(join(dir, 'both.html'), 'utf8')).to.include('110 turns in 25 conversations');
  });

  it('names answers by their titles in the configured packs', async () => {
    writeFileSync(join(dir, 'votes.log'), `${feedbackLine({ career: 'cra', units: ['duties_and_responsibilities'], vote: 'down' })}\n`);
    const run = await runReport(['votes.log'], dir);
    expect(run.code, run.stderr).to.equal(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).to.include('Duties and responsibilities<span class="id">duties_and_responsibilities</span>');
  });

  it('stops with a message and no page when a log file is missing', async () => {
    const run = await runReport(['missing.log'], dir);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.include('missing.log');
    expect(existsSync(join(dir, 'report.html'))).to.equal(false);
  });
});
