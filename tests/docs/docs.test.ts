import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';
import { ENVIRONMENT_VARIABLES } from '../../src/config.js';

const DOCS_DIR = join(PROJECT_ROOT, 'docs');
const README = join(PROJECT_ROOT, 'README.md');
const PAGES = [README, ...readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md')).map((f) => join(DOCS_DIR, f))];

/** The page without its fenced code blocks, where "#" starts a comment and "[x](y)" is code, not a link. */
function prose(file: string): string {
  return readFileSync(file, 'utf8').replace(/^ *```[\s\S]*?^ *```/gm, '');
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of prose(file).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = heading!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Relative links and image sources in a page's prose: Markdown links and HTML src attributes. */
function relativeLinks(file: string): string[] {
  const text = prose(file);
  const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g), ...text.matchAll(/\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

describe('the README and docs/', () => {
  for (const page of PAGES) {
    const name = relative(PROJECT_ROOT, page);
    it(`${name} links only to files and headings that exist`, () => {
      const broken = relativeLinks(page).filter((link) => {
        const [path, anchor] = link.split('#') as [string, string | undefined];
        const target = path === '' ? page : join(dirname(page), decodeURIComponent(path));
        if (!existsSync(target)) return true;
        if (anchor === undefined) return false;
        return !(statSync(target).isFile() && target.endsWith('.md') && anchors(target).has(anchor));
      });
      expect(broken).to.deep.equal([]);
    });
  }

  it('the README links every page in docs/', () => {
    const linked = new Set(relativeLinks(README).map((l) => l.split('#')[0]));
    const pages = readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
    expect(pages.filter((p) => !linked.has(p))).to.deep.equal([]);
  });

  it('the README gives the two commands CI relies on: one installs and runs the bot, one runs the tests', () => {
    const blocks = [...readFileSync(README, 'utf8').matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((m) => m[1]!.trim());
    expect(blocks).to.include('npm install && npm start');
    expect(blocks).to.include('npm test');
  });
});

describe('.env.example', () => {
  const example = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
  const documented = [...example.matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]!).sort();
  const read = [...ENVIRONMENT_VARIABLES].sort();

  it('documents exactly the variables the configuration reads', () => {
    expect(read).to.not.be.empty;
    expect(documented).to.deep.equal(read);
  });
});
