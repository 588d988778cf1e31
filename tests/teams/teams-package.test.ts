import AdmZip from 'adm-zip';
import { expect } from 'chai';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { APP_PACKAGE_DIR, botIdFrom, buildTeamsPackage, MANIFEST_FILE, PLACEHOLDER_BOT_ID, TeamsPackageError } from '../../scripts/teams-package.js';

const APP_ID = '6f1c0f2e-1b2a-4c3d-9e8f-0a1b2c3d4e5f';

/** Runs `fn` and returns what it threw, failing the test if it did not throw. */
async function thrown(fn: () => unknown): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('npm run teams:package', () => {
  let scratch: string;

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'teams-package-'));
  });

  afterEach(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A copy of appPackage/ to break, with `manifest` changed by `edit`. */
  const appPackageCopy = (edit: (manifest: Record<string, unknown>) => void = () => {}): string => {
    const dir = join(scratch, 'appPackage');
    mkdirSync(dir);
    for (const file of ['color.png', 'outline.png']) copyFileSync(join(APP_PACKAGE_DIR, file), join(dir, file));
    const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Record<string, unknown>;
    edit(manifest);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    return dir;
  };

  it('zips the manifest and both icons at the root of the package', async () => {
    const zip = new AdmZip(await buildTeamsPackage({ botId: APP_ID, outFile: join(scratch, 'build', 'appPackage.zip') }));
    expect(zip.getEntries().map((e) => e.entryName)).to.have.members(['manifest.json', 'color.png', 'outline.png']).and.to.have.length(3);
    expect(PNG.sync.read(zip.readFile('color.png')!).width).to.equal(192);
    expect(PNG.sync.read(zip.readFile('outline.png')!).width).to.equal(32);
  });

  it("puts the bot's app id in the packaged manifest and changes nothing else", async () => {
    const zip = new AdmZip(await buildTeamsPackage({ botId: APP_ID, outFile: join(scratch, 'appPackage.zip') }));
    const packaged = JSON.parse(zip.readAsText('manifest.json')) as { bots: { botId: string }[] };
    expect(packaged.bots.map((b) => b.botId)).to.deep.equal([APP_ID]);
    const committed = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as { bots: { botId: string }[] };
    committed.bots[0]!.botId = APP_ID;
    expect(packaged).to.deep.equal(committed);
  });

  it('takes the bot id from MicrosoftAppId', () => {
    expect(botIdFrom({ MicrosoftAppId: ` ${APP_ID} ` }, false)).to.equal(APP_ID);
  });

  it('refuses to package without MicrosoftAppId, saying how to set it', async () => {
    for (const env of [{}, { MicrosoftAppId: '' }, { MicrosoftAppId: '  ' }]) {
      const error = await thrown(() => botIdFrom(env, false));
      expect(error).to.be.instanceOf(TeamsPackageError);
      expect(error.message).to.contain('MicrosoftAppId: is required').and.to.contain('--dev');
    }
  });

  it('refuses a MicrosoftAppId that is not a GUID, or is the placeholder', async () => {
    expect((await thrown(() => botIdFrom({ MicrosoftAppId: 'my-bot' }, false))).message).to.contain('must be a GUID');
    expect((await thrown(() => botIdFrom({ MicrosoftAppId: PLACEHOLDER_BOT_ID }, false))).message).to.contain('placeholder');
  });

  it('uses the placeholder bot id with --dev, whatever the environment says', () => {
    expect(botIdFrom({}, true)).to.equal(PLACEHOLDER_BOT_ID);
    expect(botIdFrom({ MicrosoftAppId: APP_ID }, true)).to.equal(PLACEHOLDER_BOT_ID);
  });

  it('refuses a manifest that does not match the Teams schema, and writes nothing', async () => {
    const appPackageDir = appPackageCopy((m) => delete m.description);
    const outFile = join(scratch, 'appPackage.zip');
    const error = await thrown(() => buildTeamsPackage({ botId: APP_ID, appPackageDir, outFile }));
    expect(error).to.be.instanceOf(TeamsPackageError);
    expect(error.message).to.contain("must have required property 'description'");
    expect(() => readFileSync(outFile)).to.throw();
  });

  it('refuses a manifest whose icon file is missing', async () => {
    const appPackageDir = appPackageCopy();
    rmSync(join(appPackageDir, 'outline.png'));
    const error = await thrown(() => buildTeamsPackage({ botId: APP_ID, appPackageDir, outFile: join(scratch, 'appPackage.zip') }));
    expect(error.message).to.contain('outline.png is missing');
  });
});
