import { describe } from "../core/_describe.ts";
import {
  type Float64NdArray,
  formatShape,
  isFloat64NdArray,
  sameShape,
  sizeOf,
  toFlat,
  zerosOf,
} from "../core/_ndarray.ts";

/**
 * What a loader needs of a dataset: a length and `get(index)` → `[x, t]`.
 *
 * @example
 * ```ts
 * import { DataLoader, type LoaderDataset } from "@dezero/core/dataloaders";
 * import assert from "node:assert/strict";
 *
 * const squares: LoaderDataset = { length: 4, get: (i) => [i, i * i] };
 * const loader = new DataLoader(squares, 2, { shuffle: false });
 * loader.next();
 * const [x, t] = loader.next().value;
 * assert.equal(x.get(1), 3);
 * assert.equal(t.get(1), 9);
 * ```
 */
export interface LoaderDataset {
  /** The number of examples. */
  readonly length: number;
  /** The example at `index` as `[input, label]`. */
  get(
    index: number,
  ): readonly [Float64NdArray | number, Float64NdArray | number | null];
}

/**
 * The examples at `indices` stacked into `[x, t]` of shapes `[batch, ...]`,
 * as DeZero's `np.array([example[0] for example in batch])`.
 */
export function stackBatch(
  caller: string,
  dataset: LoaderDataset,
  indices: readonly number[],
): [Float64NdArray, Float64NdArray] {
  const inputs: Float64NdArray[] = [];
  const labels: Float64NdArray[] = [];
  for (const index of indices) {
    const example = dataset.get(index);
    if (!Array.isArray(example) || example.length < 2) {
      throw new TypeError(
        `Cannot batch ${
          describe(example)
        } from example ${index} in ${caller}: expected [x, t] from dataset.get()`,
      );
    }
    inputs.push(asArray(caller, "input", index, example[0]));
    labels.push(asArray(caller, "label", index, example[1]));
  }
  return [
    stack(caller, "input", inputs, indices),
    stack(caller, "label", labels, indices),
  ];
}

function asArray(
  caller: string,
  what: string,
  index: number,
  value: unknown,
): Float64NdArray {
  if (typeof value === "number") {
    const out = zerosOf([]);
    out.data[out.offset] = value;
    return out;
  }
  if (isFloat64NdArray(value)) return value;
  throw new TypeError(
    `Cannot batch ${
      describe(value)
    } as the ${what} of example ${index} in ${caller}: expected a float64 ndarray or a number${
      value === null ? " (a loader needs labels)" : ""
    }`,
  );
}

function stack(
  caller: string,
  what: string,
  parts: Float64NdArray[],
  indices: readonly number[],
): Float64NdArray {
  const shape = parts.length === 0 ? [] : [...parts[0].shape];
  const size = sizeOf(shape);
  const out = zerosOf([parts.length, ...shape]);
  parts.forEach((part, k) => {
    if (!sameShape(part.shape, shape)) {
      throw new TypeError(
        `Cannot stack the ${what} of example ${
          indices[k]
        } in ${caller}: its shape is ${formatShape(part.shape)}, expected ${
          formatShape(shape)
        } as example ${indices[0]}`,
      );
    }
    out.data.set(toFlat(part), out.offset + k * size);
  });
  return out;
}
