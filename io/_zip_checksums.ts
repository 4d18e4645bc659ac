// fflate unpacks zip archives but does not check their CRC-32 checksums, and a
// flipped bit in a stored `.npy` member would otherwise load as a wrong
// weight. Python's zipfile (and so `np.load`) checks them; so do we. This
// reads only the checksums from the central directory, whose layout
// (PKWARE's APPNOTE.TXT, sections 4.3.12 to 4.3.16) fflate has already
// validated by the time we get here.

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The CRC-32 of every member of a zip archive, by member name. */
export function zipChecksums(bytes: Uint8Array): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_DIRECTORY) end--;
  if (end < 0) throw new Error("no end of central directory record");
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (
    (count === 0xffff || offset === 0xffffffff) && end >= 20 &&
    view.getUint32(end - 20, true) === ZIP64_LOCATOR
  ) {
    const record = Number(view.getBigUint64(end - 12, true));
    if (view.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) {
      throw new Error("no zip64 end of central directory record");
    }
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  const checksums = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(offset, true) !== DIRECTORY_ENTRY) {
      throw new Error(`no central directory entry at byte ${offset}`);
    }
    const utf8 = (view.getUint16(offset + 8, true) & 0x800) !== 0;
    const checksum = view.getUint32(offset + 16, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = new TextDecoder(utf8 ? "utf-8" : "latin1").decode(
      bytes.subarray(offset + 46, offset + 46 + nameLength),
    );
    checksums.set(name, checksum);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return checksums;
}

let table: Uint32Array | undefined;

/** The CRC-32 (the zip and gzip polynomial) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (table === undefined) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
