#!/usr/bin/env node
/*
 * Draws the add-in's icon -- a green rising bar chart on a rounded dark-teal square -- and writes
 * it as PNG files at the sizes Office asks for:
 *
 *   16, 32, 80  ribbon button / group icons (bt:Image size="16|32|80" in manifest.xml)
 *   32, 64      IconUrl / HighResolutionIconUrl of a task pane add-in
 *   128         store-listing size, kept alongside
 *
 * Plain Node: the PNG encoder below uses only zlib (deflate) and a hand-written CRC-32, so no
 * image package is needed. The output is deterministic; re-running rewrites identical files.
 *
 *   node scripts/make-icons.js            writes assets/icon-<size>.png
 *   node scripts/make-icons.js <out-dir>  writes them somewhere else
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80, 128];

const BACKGROUND = [0x0e, 0x4d, 0x57]; // dark teal
const BAR = [0x4c, 0xd3, 0x7f]; // green
const BAR_LIGHT = [0x9b, 0xeb, 0xb8]; // lighter green for the top edge of each bar

// ---------------------------------------------------------------------------------------------
// PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO-HDLC, the one PNG chunks use) of a byte sequence. */
function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(4 + typeAndData.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 4 + typeAndData.length);
  return out;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes 8-bit RGBA pixels (row-major, width*height*4 bytes) as a PNG file. */
function encodePng(width, height, rgba) {
  if (rgba.length !== width * height * 4) throw new Error("pixel buffer has the wrong length");
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type: None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Drawing

/** Fraction (0..1) of pixel (px, py) covered by a rounded square of side `size`, radius `r`. */
function roundedSquareCoverage(px, py, size, r) {
  const SS = 4; // 4x4 supersampling for smooth corners
  let inside = 0;
  for (let sy = 0; sy < SS; sy++) {
    for (let sx = 0; sx < SS; sx++) {
      const x = px + (sx + 0.5) / SS;
      const y = py + (sy + 0.5) / SS;
      const cx = Math.min(Math.max(x, r), size - r);
      const cy = Math.min(Math.max(y, r), size - r);
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) inside++;
    }
  }
  return inside / (SS * SS);
}

/**
 * Pixel-aligned layout of the three bars, so small sizes stay crisp: returns
 * [{ x0, x1, y0, y1 }] in whole pixels (x1/y1 exclusive).
 */
function barLayout(size) {
  const margin = Math.round(size * 0.22);
  const inner = size - 2 * margin;
  const gap = Math.max(1, Math.round(size * 0.06));
  const width = Math.floor((inner - 2 * gap) / 3);
  const start = margin + Math.floor((inner - (3 * width + 2 * gap)) / 2);
  const bottom = size - margin;
  return [0.45, 0.7, 1].map((fraction, i) => {
    const x0 = start + i * (width + gap);
    return { x0, x1: x0 + width, y0: bottom - Math.max(1, Math.round(inner * fraction)), y1: bottom };
  });
}

/** Renders the icon at `size` x `size` as RGBA bytes. */
function drawIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  const radius = size * 0.2;
  const bars = barLayout(size);
  const highlight = Math.max(1, Math.round(size / 32)); // rows of lighter green on each bar top
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const coverage = roundedSquareCoverage(x, y, size, radius);
      let colour = BACKGROUND;
      for (const bar of bars) {
        if (x >= bar.x0 && x < bar.x1 && y >= bar.y0 && y < bar.y1) {
          colour = size >= 32 && y < bar.y0 + highlight ? BAR_LIGHT : BAR;
        }
      }
      const o = (y * size + x) * 4;
      rgba[o] = colour[0];
      rgba[o + 1] = colour[1];
      rgba[o + 2] = colour[2];
      rgba[o + 3] = Math.round(coverage * 255);
    }
  }
  return rgba;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file) || file}`);
  }
}

if (require.main === module) main();

module.exports = { SIZES, crc32, encodePng, drawIcon };
