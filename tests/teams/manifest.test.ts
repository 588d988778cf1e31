import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { colorIcon, COLOR_ICON_SIZE, outlineIcon, OUTLINE_ICON_SIZE } from '../../scripts/make-icons.js';
import { APP_PACKAGE_DIR, MANIFEST_FILE, MANIFEST_SCHEMA_FILE, manifestProblems, PLACEHOLDER_BOT_ID } from '../../scripts/teams-package.js';

interface Manifest {
  $schema: string;
  manifestVersion: string;
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists?: { commands: { title: string }[] }[] }[];
  [key: string]: unknown;
}

const manifest = (): Manifest => JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Manifest;
const schema = (): { properties: { manifestVersion: { const: string } } } => JSON.parse(readFileSync(MANIFEST_SCHEMA_FILE, 'utf8'));
/** An icon's size and pixels; pngjs decodes any PNG to 8-bit RGBA in `data`. */
const icon = (name: string) => PNG.sync.read(readFileSync(join(APP_PACKAGE_DIR, name)));

describe('the Teams app manifest', () => {
  it('is valid against the official Teams schema for its version', async () => {
    expect(await manifestProblems(manifest())).to.deep.equal([]);
  });

  it('names the schema version that is vendored beside it', () => {
    const { $schema, manifestVersion } = manifest();
    expect(schema().properties.manifestVersion.const).to.equal(manifestVersion);
    expect($schema).to.equal(`https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
    expect(MANIFEST_SCHEMA_FILE).to.contain(`v${manifestVersion}.schema.json`);
  });

  it('fails the schema check when a required field is missing', async () => {
    const { developer: _developer, ...withoutDeveloper } = manifest();
    const problems = await manifestProblems(withoutDeveloper);
    expect(problems.join('\n')).to.contain("must have required property 'developer'");
  });

  it('fails the schema check when the bot id is not a GUID', async () => {
    const broken = manifest();
    broken.bots[0]!.botId = '${{BOT_ID}}';
    expect((await manifestProblems(broken)).join('\n')).to.contain('/bots/0/botId');
  });

  it('fails the schema check on a field the schema does not know', async () => {
    expect((await manifestProblems({ ...manifest(), colour: 'blue' })).join('\n')).to.contain('additional properties');
  });

  it('keeps the placeholder bot id, which `npm run teams:package` replaces with MicrosoftAppId', () => {
    expect(manifest().bots.map((b) => b.botId)).to.deep.equal([PLACEHOLDER_BOT_ID]);
  });

  it('offers the bot in personal chats, group chats and team channels', () => {
    expect(manifest().bots[0]?.scopes).to.have.members(['personal', 'groupChat', 'team']);
  });

  it('names icons that are in the app package folder', () => {
    const { color, outline } = manifest().icons;
    expect(existsSync(join(APP_PACKAGE_DIR, color)), color).to.equal(true);
    expect(existsSync(join(APP_PACKAGE_DIR, outline)), outline).to.equal(true);
  });
});

describe('the Teams app icons', () => {
  it(`has a colour icon that is a ${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE} PNG`, () => {
    const png = icon(manifest().icons.color);
    expect([png.width, png.height]).to.deep.equal([COLOR_ICON_SIZE, COLOR_ICON_SIZE]).and.to.deep.equal([192, 192]);
  });

  it(`has an outline icon that is a ${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE} PNG`, () => {
    const png = icon(manifest().icons.outline);
    expect([png.width, png.height]).to.deep.equal([OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE]).and.to.deep.equal([32, 32]);
  });

  it('draws the outline icon in white only, on a transparent background', () => {
    const { data: rgba, alpha: hasAlpha } = icon(manifest().icons.outline);
    expect(hasAlpha, 'a PNG with an alpha channel').to.equal(true);
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const alpha = rgba[i + 3]!;
      if (alpha === 0) transparent++;
      else expect([rgba[i], rgba[i + 1], rgba[i + 2]], `pixel ${i / 4}`).to.deep.equal([255, 255, 255]);
      if (alpha === 255) opaque++;
    }
    // Mostly background, with a visible drawing on it.
    expect(transparent).to.be.greaterThan(rgba.length / 4 / 2);
    expect(opaque).to.be.greaterThan(0);
  });

  it('has a colour icon with no transparency, as Teams shows it on its own tile', () => {
    const { data: rgba } = icon(manifest().icons.color);
    const seeThrough: number[] = [];
    for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) seeThrough.push((i - 3) / 4);
    expect(seeThrough, 'pixels that are not fully opaque').to.deep.equal([]);
  });

  // Pixels, not bytes: another zlib may compress the same pixels differently.
  it('are the icons scripts/make-icons.ts draws', () => {
    const same = (committed: string, drawn: Buffer) => icon(committed).data.equals(PNG.sync.read(drawn).data);
    expect(same(manifest().icons.color, colorIcon()), 'color').to.equal(true);
    expect(same(manifest().icons.outline, outlineIcon()), 'outline').to.equal(true);
  });
});
