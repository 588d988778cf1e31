import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';

const MODULE = pathToFileURL(join(PROJECT_ROOT, 'dist', 'src', 'http', 'buffer-deprecation-check.js')).href;

/** The warnings a fresh Node process prints when it calls `new Buffer(0)`, settling the check first or not. */
function warningsOf(settleFirst: boolean): string {
  // The check's state is per process, so each case runs in its own.
  const script = `
    const { settleBufferDeprecationCheck } = await import(${JSON.stringify(MODULE)});
    const warnings = [];
    process.on('warning', (w) => warnings.push(w.code));
    ${settleFirst ? 'settleBufferDeprecationCheck();' : ''}
    const muted = process.noDeprecation === true;
    new Buffer(0);
    await new Promise((r) => setImmediate(r));
    console.log(JSON.stringify({ warnings, muted }));
  `;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

describe('settleBufferDeprecationCheck', () => {
  it('leaves Node nothing to check on later Buffer() calls, without printing the warning', () => {
    expect(JSON.parse(warningsOf(true))).to.deep.equal({ warnings: [], muted: false });
  });

  it('is what stops the check: without it, the same call is still checked and warned about', () => {
    expect(JSON.parse(warningsOf(false))).to.deep.equal({ warnings: ['DEP0005'], muted: false });
  });
});
