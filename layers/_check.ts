// Argument checks shared by the recurrent and embedding layers, with the
// layer's name in every message.

import { describe } from "../core/_describe.ts";
import { formatShape } from "../core/_ndarray.ts";

/** Throw unless `value` is a positive integer. */
export function checkSize(layer: string, name: string, value: unknown): void {
  if (typeof value !== "number") {
    throw new TypeError(
      `Cannot use ${
        describe(value)
      } as ${name} of ${layer}: expected a positive integer`,
    );
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `Cannot use ${value} as ${name} of ${layer}: expected a positive integer`,
    );
  }
}

/** Read `{ inSize? }`, checking the options object and the size. */
export function readInSize(layer: string, options: unknown): number | null {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `Cannot use ${
        describe(options)
      } as the options of ${layer}: expected an object`,
    );
  }
  const { inSize } = options as { inSize?: unknown };
  if (inSize === undefined || inSize === null) return null;
  checkSize(layer, "inSize", inSize);
  return inSize as number;
}

/**
 * Throw unless `shape` is `[N, inSize]` (any `inSize` while unknown) and
 * `N` is the batch size of the state kept from the previous call.
 */
export function checkStepInput(
  layer: string,
  shape: readonly number[],
  inSize: number | null,
  state: readonly number[] | null,
): void {
  if (shape.length !== 2) {
    throw new TypeError(
      `Cannot apply ${layer} to an input of shape ${
        formatShape(shape)
      }: expected a 2-d input [N, I], one time step of a batch`,
    );
  }
  if (inSize !== null && shape[1] !== inSize) {
    throw new TypeError(
      `Cannot apply ${layer} to an input of shape ${
        formatShape(shape)
      }: its input size is ${inSize}, so it expects [N,${inSize}]`,
    );
  }
  if (state !== null && state[0] !== shape[0]) {
    throw new TypeError(
      `Cannot apply ${layer} to an input of shape ${
        formatShape(shape)
      }: its hidden state has shape ${
        formatShape(state)
      } from the previous call, so it expects a batch of ${
        state[0]
      }; call resetState() before changing the batch size`,
    );
  }
}
