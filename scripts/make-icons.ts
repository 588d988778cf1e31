// npm run teams:icons: draws the Teams app icons (appPackage/color.png and appPackage/outline.png) with plain Node,
// so they can be redrawn anywhere without image tools. The icons are committed; run this only to change them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { APP_PACKAGE_DIR } from './teams-package.js';

/** Teams wants a 192×192 full-colour icon for the app and store listings. */
export const COLOR_ICON_SIZE = 192;
/** Teams wants a 32×32 white-on-transparent icon for the app bar. */
export const OUTLINE_ICON_SIZE = 32;
/** Samples per pixel side; 4×4 samples give smooth edges without a real rasteriser. */
const SUPERSAMPLING = 4;
/** The manifest's accentColor, so the icon and the tile around it match. */
const ACCENT: Rgb = [0x1b, 0x6f, 0x8a];
const WHITE: Rgb = [0xff, 0xff, 0xff];
/** Outline stroke width as a share of the icon's side: 2 px at 32×32, the width Teams' own outline icons use. */
const OUTLINE_STROKE = 2 / OUTLINE_ICON_SIZE;

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const RGBA_BYTES = 4;
/** IHDR colour type 6: truecolour with alpha. */
const COLOUR_TYPE_RGBA = 6;
const BIT_DEPTH = 8;

/** Encodes 8-bit RGBA pixels (row by row, no padding) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * RGBA_BYTES) throw new Error(`expected ${width * height * RGBA_BYTES} bytes of RGBA, got ${rgba.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([BIT_DEPTH, COLOUR_TYPE_RGBA, 0, 0, 0], 8);
  // Each row starts with its filter type; 0 (none) keeps the encoder trivial, and deflate still shrinks flat colour well.
  const stride = width * RGBA_BYTES;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

// The picture, in a unit square (0,0 top left to 1,1 bottom right): a speech bubble holding a medical cross,
// for "questions answered about a medical career". Shapes are signed distance functions: negative inside.

function roundedBox(p: Point, centre: Point, half: Point, radius: number): number {
  const qx = Math.abs(p[0] - centre[0]) - half[0] + radius;
  const qy = Math.abs(p[1] - centre[1]) - half[1] + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Distance to a convex or concave polygon (Inigo Quilez's formulation). */
function polygon(p: Point, vertices: readonly Point[]): number {
  let distance = Infinity;
  let sign = 1;
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i, i++) {
    const [ax, ay] = vertices[i]!;
    const [bx, by] = vertices[j]!;
    const ex = bx - ax, ey = by - ay, wx = p[0] - ax, wy = p[1] - ay;
    const t = Math.min(Math.max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
    distance = Math.min(distance, Math.hypot(wx - ex * t, wy - ey * t));
    const c1 = p[1] >= ay, c2 = p[1] < by, c3 = ex * wy > ey * wx;
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) sign = -sign;
  }
  return sign * distance;
}

const bubble = (p: Point): number =>
  Math.min(
    roundedBox(p, [0.5, 0.44], [0.3, 0.22], 0.08),
    polygon(p, [[0.3, 0.6], [0.46, 0.6], [0.27, 0.8]]),
  );

const cross = (p: Point): number =>
  Math.min(roundedBox(p, [0.5, 0.44], [0.045, 0.13], 0.015), roundedBox(p, [0.5, 0.44], [0.13, 0.045], 0.015));

/** Renders a picture: `paint` gives the colour and opacity at a point of the unit square, averaged over the samples. */
function render(size: number, paint: (p: Point) => readonly [number, number, number, number]): Uint8Array {
  const pixels = new Uint8Array(size * size * RGBA_BYTES);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const [cr, cg, cb, ca] = paint([(x + (sx + 0.5) / SUPERSAMPLING) / size, (y + (sy + 0.5) / SUPERSAMPLING) / size]);
          // Premultiplied, so transparent samples do not darken the edges.
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const offset = (y * size + x) * RGBA_BYTES;
      pixels[offset] = a ? Math.round(r / a) : 0;
      pixels[offset + 1] = a ? Math.round(g / a) : 0;
      pixels[offset + 2] = a ? Math.round(b / a) : 0;
      pixels[offset + 3] = Math.round((a / samples) * 255);
    }
  }
  return pixels;
}

/** The colour icon: a white bubble with an accent-coloured cross, on the accent colour. */
export function colorIcon(): Buffer {
  const pixels = render(COLOR_ICON_SIZE, (p) => {
    const colour = cross(p) < 0 ? ACCENT : bubble(p) < 0 ? WHITE : ACCENT;
    return [...colour, 1];
  });
  return encodePng(COLOR_ICON_SIZE, COLOR_ICON_SIZE, pixels);
}

/** The outline icon: the bubble's outline and the cross in white, everything else transparent, as Teams requires. */
export function outlineIcon(): Buffer {
  const pixels = render(OUTLINE_ICON_SIZE, (p) => {
    const edge = bubble(p);
    const inked = (edge < 0 && edge > -OUTLINE_STROKE) || cross(p) < 0;
    return [...WHITE, inked ? 1 : 0];
  });
  return encodePng(OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE, pixels);
}

export const ICON_FILES = { color: join(APP_PACKAGE_DIR, 'color.png'), outline: join(APP_PACKAGE_DIR, 'outline.png') } as const;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(ICON_FILES.color, colorIcon());
  writeFileSync(ICON_FILES.outline, outlineIcon());
  console.log(`Wrote ${ICON_FILES.color} (${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE}) and ${ICON_FILES.outline} (${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE}).`);
}
