import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'tar';
import { checkIntegrity, fetchWebChat, readPin, WEB_CHAT_DIR } from '../../scripts/fetch-web-chat.mjs';
import { PROJECT_ROOT } from '../../src/paths.js';
import { WEB_CHAT_BUNDLE_FILE } from '../../src/web/static-assets.js';

const SPEC = 'botframework-webchat@4.18.1';
const BUNDLE = 'window.WebChat = {};\n';

const integrityOf = (bytes: Buffer): string => `sha512-${createHash('sha512').update(bytes).digest('base64')}`;

/** Writes a tarball laid out like the registry's (everything under package/), holding `files`. */
async function makeTarball(dir: string, files: Record<string, string>): Promise<string> {
  const source = join(dir, 'source');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(source, 'package', name, '..'), { recursive: true });
    await writeFile(join(source, 'package', name), text);
  }
  const tarball = join(dir, 'package.tgz');
  await create({ gzip: true, file: tarball, cwd: source }, ['package']);
  return tarball;
}

const wholePackage = {
  'package.json': JSON.stringify({ name: 'botframework-webchat', version: '4.18.1' }),
  'dist/webchat.js': BUNDLE,
  'dist/webchat.js.LICENSE.txt': 'MIT and the notices of what the bundle includes',
  'dist/webchat-es5.js': 'the es5 bundle, which the page does not use',
  'lib/index.js': 'the package entry point, which the page does not use',
};

describe("the install step that fetches Web Chat's bundle", () => {
  let dir: string;
  let root: string;
  let packed: string[];
  /** Stands in for `npm pack`: "downloads" the given tarball and records what was asked for. */
  const packFrom = (tarball: string) => async (spec: string, into: string) => {
    packed.push(spec);
    await copyFile(tarball, join(into, 'botframework-webchat-4.18.1.tgz'));
    return join(into, 'botframework-webchat-4.18.1.tgz');
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fetch-web-chat-'));
    root = join(dir, 'project');
    await mkdir(root);
    packed = [];
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps only the bundle, its licence notices and the manifest from a tarball that matches the pin', async () => {
    const tarball = await makeTarball(dir, wholePackage);
    const pin = { package: SPEC, integrity: integrityOf(readFileSync(tarball)) };
    expect(await fetchWebChat({ root, pin, pack: packFrom(tarball) })).to.equal('fetched');
    expect(packed).to.deep.equal([SPEC]);
    const target = join(root, WEB_CHAT_DIR);
    expect(await readFile(join(target, 'dist', 'webchat.js'), 'utf8')).to.equal(BUNDLE);
    expect(existsSync(join(target, 'dist', 'webchat.js.LICENSE.txt'))).to.equal(true);
    expect(existsSync(join(target, 'dist', 'webchat-es5.js'))).to.equal(false);
    expect(existsSync(join(target, 'lib'))).to.equal(false);
  });

  it('refuses a tarball whose sha512 is not the pinned one, and leaves no bundle behind', async () => {
    const tarball = await makeTarball(dir, { ...wholePackage, 'dist/webchat.js': 'alert("tampered")' });
    const pin = { package: SPEC, integrity: integrityOf(Buffer.from('the real tarball')) };
    let failure: unknown;
    await fetchWebChat({ root, pin, pack: packFrom(tarball) }).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.include('does not match its pinned integrity');
    expect(existsSync(join(root, WEB_CHAT_DIR))).to.equal(false);
  });

  it('refuses a tarball that holds another version than the pin names', async () => {
    const tarball = await makeTarball(dir, { ...wholePackage, 'package.json': JSON.stringify({ name: 'botframework-webchat', version: '4.17.0' }) });
    const pin = { package: SPEC, integrity: integrityOf(readFileSync(tarball)) };
    let failure: unknown;
    await fetchWebChat({ root, pin, pack: packFrom(tarball) }).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.include('holds botframework-webchat@4.17.0');
    expect(existsSync(join(root, WEB_CHAT_DIR))).to.equal(false);
  });

  it('does not fetch again while the pin is unchanged, and does when it changes', async () => {
    const tarball = await makeTarball(dir, wholePackage);
    const pin = { package: SPEC, integrity: integrityOf(readFileSync(tarball)) };
    await fetchWebChat({ root, pin, pack: packFrom(tarball) });
    expect(await fetchWebChat({ root, pin, pack: packFrom(tarball) })).to.equal('in place');
    expect(packed).to.have.length(1);

    const otherPin = { package: 'botframework-webchat@4.18.0', integrity: pin.integrity };
    let failure: unknown;
    await fetchWebChat({ root, pin: otherPin, pack: packFrom(tarball) }).catch((error: unknown) => (failure = error));
    expect(packed).to.deep.equal([SPEC, 'botframework-webchat@4.18.0']);
    expect(String(failure)).to.include('holds botframework-webchat@4.18.1');
  });

  it('checks integrity over the exact bytes', () => {
    const bytes = Buffer.from('tarball');
    expect(() => checkIntegrity(bytes, integrityOf(bytes))).to.not.throw();
    expect(() => checkIntegrity(Buffer.from('tarbalL'), integrityOf(bytes))).to.throw(/pinned integrity/);
  });

  it("reads the project's pin: an exact Web Chat version and a sha512 integrity", async () => {
    const pin = await readPin(PROJECT_ROOT);
    expect(pin.package).to.match(/^botframework-webchat@\d+\.\d+\.\d+$/);
    expect(pin.integrity).to.match(/^sha512-/);
    await writeFile(join(root, 'package.json'), JSON.stringify({ config: { webChatBundle: { package: 'botframework-webchat@^4.18.1', integrity: pin.integrity } } }));
    let failure: unknown;
    await readPin(root).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.include('exact version');
  });

  it('put the pinned version where the server serves the bundle from', async () => {
    const pin = await readPin(PROJECT_ROOT);
    expect(WEB_CHAT_BUNDLE_FILE).to.equal(join(PROJECT_ROOT, WEB_CHAT_DIR, 'dist', 'webchat.js'));
    const manifest = JSON.parse(await readFile(join(PROJECT_ROOT, WEB_CHAT_DIR, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(`${manifest.name}@${manifest.version}`).to.equal(pin.package);
    expect(readFileSync(WEB_CHAT_BUNDLE_FILE, 'utf8')).to.include(`"${pin.package.split('@')[1]}"`);
  });
});
