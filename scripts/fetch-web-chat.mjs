// @ts-check
// npm's postinstall step: puts Web Chat's prebuilt browser bundle in node_modules/.botframework-webchat/.
//
// The chat page serves one file of the botframework-webchat package, dist/webchat.js, which already bundles React,
// Adaptive Cards and everything else Web Chat runs. Installing the package as a dependency would also install its
// whole dependency tree (React, the speech SDK, ...: about 550 MB and 400 packages the bot never runs, with peer
// warnings because it wants React 16-18), so instead this takes the package's tarball from the registry with
// `npm pack`, checks it against the sha512 pinned in package.json (the same check a lockfile entry gets), and
// keeps only the bundle, its licence notices and the package's manifest.
//
// Plain JavaScript (type-checked by tsc through @ts-check) because it runs before the TypeScript build.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { extract } from 'tar';

/** Where the bundle lives, under the project root: inside node_modules, so it goes and comes back with the install. */
export const WEB_CHAT_DIR = join('node_modules', '.botframework-webchat');
/** The files kept from the package; paths inside the tarball, whose entries all start with "package/". */
export const KEPT_FILES = ['package/package.json', 'package/dist/webchat.js', 'package/dist/webchat.js.LICENSE.txt'];
/** Records which tarball the folder came from, so a changed pin fetches again and an unchanged one does not. */
const SOURCE_FILE = 'source.json';

/**
 * @typedef {{ package: string, integrity: string }} Pin
 *   `package` is an exact `name@version`; `integrity` the registry's `dist.integrity` for it (`sha512-<base64>`).
 */

/**
 * Reads the pin from package.json's config.webChatBundle.
 * @param {string} root the project root
 * @returns {Promise<Pin>}
 */
export async function readPin(root) {
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const pin = manifest?.config?.webChatBundle;
  if (typeof pin?.package !== 'string' || !/^botframework-webchat@\d+\.\d+\.\d+$/.test(pin.package)) {
    throw new Error('package.json config.webChatBundle.package must be an exact version, as in "botframework-webchat@4.18.1"');
  }
  if (typeof pin.integrity !== 'string' || !/^sha512-[A-Za-z0-9+/]{86}==$/.test(pin.integrity)) {
    throw new Error('package.json config.webChatBundle.integrity must be the registry\'s sha512 integrity ("sha512-…")');
  }
  return { package: pin.package, integrity: pin.integrity };
}

/**
 * Throws unless the tarball's sha512 is the pinned one.
 * @param {Buffer} tarball
 * @param {string} integrity `sha512-<base64>`
 */
export function checkIntegrity(tarball, integrity) {
  const actual = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  if (actual !== integrity) throw new Error(`Web Chat's tarball does not match its pinned integrity: expected ${integrity}, got ${actual}`);
}

/**
 * Downloads `spec`'s tarball into `dir` with npm itself, so npm's registry settings, proxy and cache apply.
 * @param {string} spec
 * @param {string} dir
 * @returns {Promise<string>} the tarball's path
 */
export async function npmPack(spec, dir) {
  // Under npm, npm_execpath is npm's own CLI script: run it with this Node rather than look for `npm` on the PATH.
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && /npm-cli\.c?js$/.test(npmCli)
    ? [process.execPath, [npmCli]]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  const { stdout } = await promisify(execFile)(command, [...args, 'pack', spec, '--json', '--pack-destination', dir], {
    shell: process.platform === 'win32' && command === 'npm.cmd',
    maxBuffer: 64 * 1024 * 1024, // --json lists every file of the package: about 1 MB for Web Chat
  });
  const [packed] = JSON.parse(stdout);
  if (typeof packed?.filename !== 'string') throw new Error(`npm pack ${spec} did not report a tarball`);
  return join(dir, packed.filename);
}

/**
 * Makes `root`/node_modules/.botframework-webchat hold the pinned bundle, fetching it only when the pin changed.
 * @param {{ root: string, pin: Pin, pack?: (spec: string, dir: string) => Promise<string> }} options
 *   `pack` fetches a tarball into a folder and returns its path; tests pass one that needs no registry.
 * @returns {Promise<'fetched' | 'in place'>}
 */
export async function fetchWebChat({ root, pin, pack = npmPack }) {
  const target = join(root, WEB_CHAT_DIR);
  if (await isInPlace(target, pin)) return 'in place';
  const work = await mkdtemp(join(tmpdir(), 'webchat-'));
  try {
    const tarball = await pack(pin.package, work);
    checkIntegrity(await readFile(tarball), pin.integrity);
    const staging = join(work, 'staging');
    await mkdir(staging);
    await extract({ file: tarball, cwd: staging, strip: 1 }, KEPT_FILES);
    for (const file of KEPT_FILES) {
      if (!existsSync(join(staging, file.replace(/^package\//, '')))) throw new Error(`${pin.package} has no ${file}`);
    }
    const { name, version } = JSON.parse(await readFile(join(staging, 'package.json'), 'utf8'));
    if (`${name}@${version}` !== pin.package) throw new Error(`the tarball fetched for ${pin.package} holds ${name}@${version}`);
    await writeFile(join(staging, SOURCE_FILE), `${JSON.stringify(pin, null, 2)}\n`);
    // Swapped in whole, so a failed or interrupted fetch never leaves half a folder that looks complete.
    await mkdir(dirname(target), { recursive: true });
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    return 'fetched';
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * @param {string} target
 * @param {Pin} pin
 */
async function isInPlace(target, pin) {
  try {
    const source = JSON.parse(await readFile(join(target, SOURCE_FILE), 'utf8'));
    return source.package === pin.package && source.integrity === pin.integrity && existsSync(join(target, 'dist', 'webchat.js'));
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const pin = await readPin(root);
    const outcome = await fetchWebChat({ root, pin });
    console.log(`Web Chat bundle ${outcome}: ${pin.package} in ${WEB_CHAT_DIR}`);
  } catch (error) {
    console.error(`Could not put Web Chat's bundle in place: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
