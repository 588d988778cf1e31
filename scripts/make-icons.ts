// npm run teams:icons: draws the Teams app icons (appPackage/color.png and appPackage/outline.png) from the chat
// page's logo (web/logo.svg), rasterised by resvg, so the bot looks the same in Teams and on the page.
// The icons are committed; run this only to change them.
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { WEB_DIR } from '../src/web/static-assets.js';
import { APP_PACKAGE_DIR, MANIFEST_FILE } from './teams-package.js';

/** Teams wants a 192×192 full-colour icon for the app and store listings. */
export const COLOR_ICON_SIZE = 192;
/** Teams wants a 32×32 white-on-transparent icon for the app bar. */
export const OUTLINE_ICON_SIZE = 32;
/** The logo's own coordinate space (its viewBox is 0 0 40 40). */
const LOGO_SIDE = 40;

/**
 * The logo: a white speech bubble with a cross cut out, drawn on the accent colour by the page and the colour icon.
 * It is nested in each icon's document, so an XML declaration, which may only open a document, is dropped.
 */
const logo = (): string => readFileSync(join(WEB_DIR, 'logo.svg'), 'utf8').replace(/^<\?xml[^>]*>\s*/, '');

/** The manifest's accentColor, so the icon and the tile Teams draws around it match. */
function accentColor(): string {
  const manifest = z.object({ accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/) }).parse(JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')));
  return manifest.accentColor;
}

/** Rasterises an SVG document to a PNG of `size`×`size` pixels. */
function rasterise(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** The colour icon: the logo on the accent colour, edge to edge, with no transparency. */
export function colorIcon(): Buffer {
  return rasterise(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${LOGO_SIDE} ${LOGO_SIDE}">` +
      `<rect width="${LOGO_SIDE}" height="${LOGO_SIDE}" fill="${accentColor()}"/>${logo()}</svg>`,
    COLOR_ICON_SIZE,
  );
}

/** The outline icon: the logo alone, white on transparent as Teams requires, framed as on the colour icon. */
export function outlineIcon(): Buffer {
  return rasterise(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${LOGO_SIDE} ${LOGO_SIDE}">${logo()}</svg>`, OUTLINE_ICON_SIZE);
}

export const ICON_FILES = { color: join(APP_PACKAGE_DIR, 'color.png'), outline: join(APP_PACKAGE_DIR, 'outline.png') } as const;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(ICON_FILES.color, colorIcon());
  writeFileSync(ICON_FILES.outline, outlineIcon());
  console.log(`Wrote ${ICON_FILES.color} (${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE}) and ${ICON_FILES.outline} (${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE}).`);
}
