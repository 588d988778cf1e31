// npm run teams:package [-- --dev]: builds build/appPackage.zip, the Teams app package to sideload or upload:
// appPackage/manifest.json with the bot's real Microsoft App ID filled in, and the two icons, all at the zip's root.
import AdmZip from 'adm-zip';
import { ManifestUtil, type TeamsAppManifest, type TeamsAppManifestJSONSchema } from '@microsoft/teams-manifest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/paths.js';
import { projectEnvironment } from '../src/config.js';

export const APP_PACKAGE_DIR = join(PROJECT_ROOT, 'appPackage');
export const MANIFEST_FILE = join(APP_PACKAGE_DIR, 'manifest.json');
/** The official schema for the manifest's version, kept beside it so validation needs no network. */
export const MANIFEST_SCHEMA_FILE = join(APP_PACKAGE_DIR, 'schema', 'MicrosoftTeams.v1.22.schema.json');
export const PACKAGE_FILE = join(PROJECT_ROOT, 'build', 'appPackage.zip');
/** The bot id committed in manifest.json; a package must never be built with it except for a --dev trial. */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

const APP_ID_REQUIRED = "is required: set it in the environment or .env to the Azure Bot's Microsoft App ID (or pass --dev for a trial package)";

/** The one setting packaging needs: the Azure Bot's app id, which Teams uses to route messages to this bot. */
const PackageEnv = z.object({
  MicrosoftAppId: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ error: APP_ID_REQUIRED })
      .min(1, { error: APP_ID_REQUIRED, abort: true })
      .regex(GUID, 'must be a GUID such as 6f1c0f2e-1b2a-4c3d-9e8f-0a1b2c3d4e5f, as the Azure Bot\'s Configuration page shows it')
      .refine((id) => id !== PLACEHOLDER_BOT_ID, 'is the placeholder from appPackage/manifest.json, not a real app id'),
  ),
});

/** The parts of the committed manifest the packager relies on; the full check is the official schema. */
const PackagedManifest = z.looseObject({
  icons: z.object({ color: z.string(), outline: z.string() }),
  bots: z.array(z.looseObject({ botId: z.string() })).length(1, 'must declare exactly the one bot'),
});

export class TeamsPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamsPackageError';
  }
}

/** The bot id to package: MicrosoftAppId from the environment, or the placeholder for a --dev trial. */
export function botIdFrom(env: NodeJS.ProcessEnv, dev: boolean): string {
  if (dev) return PLACEHOLDER_BOT_ID;
  const result = PackageEnv.safeParse(env);
  if (!result.success) throw new TeamsPackageError(result.error.issues.map((i) => `MicrosoftAppId: ${i.message}`).join('\n'));
  return result.data.MicrosoftAppId;
}

/** Schema errors of a manifest, one line each; empty when it is valid. */
export async function manifestProblems(manifest: unknown, schemaFile = MANIFEST_SCHEMA_FILE): Promise<string[]> {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as TeamsAppManifestJSONSchema;
  return ManifestUtil.validateManifestAgainstSchema(manifest as TeamsAppManifest, schema);
}

export interface PackageOptions {
  readonly botId: string;
  readonly outFile?: string;
  readonly appPackageDir?: string;
}

/** Writes the zip: the manifest with `botId` filled in, validated against the official schema, and its icons. */
export async function buildTeamsPackage({ botId, outFile = PACKAGE_FILE, appPackageDir = APP_PACKAGE_DIR }: PackageOptions): Promise<string> {
  const manifestFile = join(appPackageDir, 'manifest.json');
  const raw: unknown = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const parsed = PackagedManifest.safeParse(raw);
  if (!parsed.success) throw new TeamsPackageError(`${manifestFile}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const manifest = { ...parsed.data, bots: parsed.data.bots.map((bot) => ({ ...bot, botId })) };

  const problems = await manifestProblems(manifest);
  if (problems.length > 0) throw new TeamsPackageError(`${manifestFile} does not match the Teams manifest schema:\n${problems.map((p) => `  ${p}`).join('\n')}`);

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const icon of new Set([manifest.icons.color, manifest.icons.outline])) {
    const file = join(appPackageDir, icon);
    if (!existsSync(file)) throw new TeamsPackageError(`${file} is missing: the manifest names it as an icon (npm run teams:icons draws them)`);
    zip.addFile(icon, readFileSync(file));
  }
  mkdirSync(dirname(outFile), { recursive: true });
  await zip.writeZipPromise(outFile);
  return outFile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  projectEnvironment();
  const dev = process.argv.includes('--dev');
  try {
    const botId = botIdFrom(process.env, dev);
    const file = await buildTeamsPackage({ botId });
    console.log(`Wrote ${file} for bot ${botId}.`);
    if (dev) console.log('This --dev package has a placeholder bot id: use it to check the package, not to chat in Teams.');
  } catch (error) {
    // Our own errors say what to fix; anything else needs its stack.
    console.error(error instanceof TeamsPackageError ? error.message : error);
    process.exit(1);
  }
}
