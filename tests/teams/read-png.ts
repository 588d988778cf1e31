import { inflateSync } from 'node:zlib';

export interface Png {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  /** 8-bit RGBA, row by row; only decoded for 8-bit RGBA images, the only kind the icons should be. */
  readonly rgba?: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const RGBA = 6;
const BYTES_PER_PIXEL = 4;

/** Reads a PNG's header and, for 8-bit RGBA, its pixels; throws on anything that is not a PNG. */
export function readPng(file: Buffer): Png {
  if (!file.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a PNG: bad signature');
  let offset = SIGNATURE.length;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += length + 12;
  }
  if (!header) throw new Error('not a PNG: no IHDR chunk');
  const png = { width: header.readUInt32BE(0), height: header.readUInt32BE(4), bitDepth: header[8]!, colourType: header[9]! };
  if (png.bitDepth !== 8 || png.colourType !== RGBA) return png;
  return { ...png, rgba: unfilter(inflateSync(Buffer.concat(data)), png.width, png.height) };
}

/** Undoes the per-row filters of 8-bit RGBA scanlines (PNG spec, section 9). */
function unfilter(raw: Buffer, width: number, height: number): Uint8Array {
  const stride = width * BYTES_PER_PIXEL;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= BYTES_PER_PIXEL ? out[y * stride + x - BYTES_PER_PIXEL]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const upLeft = x >= BYTES_PER_PIXEL && y > 0 ? out[(y - 1) * stride + x - BYTES_PER_PIXEL]! : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0];
      if (predicted === undefined) throw new Error(`bad PNG filter type ${filter} on row ${y}`);
      out[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
