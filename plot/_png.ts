// Greyscale PNG files for imageGrid, encoded by hand: a signature and three
// chunks (IHDR, IDAT, IEND) around zlib data from fflate.

import { zlibSync } from "fflate";
import { crc32 } from "../io/_zip_checksums.ts";

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** An 8-bit greyscale PNG of `width` x `height` row-major `pixels`. */
export function encodeGrayPng(
  pixels: Uint8Array,
  width: number,
  height: number,
): Uint8Array {
  // Each row starts with its filter type, 0 (none).
  const raw = new Uint8Array((width + 1) * height);
  for (let row = 0; row < height; row++) {
    raw.set(
      pixels.subarray(row * width, (row + 1) * width),
      row * (width + 1) + 1,
    );
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bits per sample
  header[9] = 0; // greyscale; compression, filter, interlace stay 0
  const chunks = [
    chunk("IHDR", header),
    chunk("IDAT", zlibSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(
    signature.length + chunks.reduce((n, c) => n + c.length, 0),
  );
  out.set(signature);
  let at = signature.length;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** `bytes` as base64, for a data URI. */
export function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}
