import { describe } from "../core/_describe.ts";

/**
 * The output length of a convolution or pooling along one axis:
 * `floor((inputSize + 2 * pad - kernelSize) / stride) + 1` (DeZero's
 * `get_conv_outsize`).
 *
 * @param inputSize The input's length along the axis.
 * @param kernelSize The kernel's length along the axis.
 * @param stride The step between windows (default 1).
 * @param pad The zeros added on each side (default 0).
 * @returns The number of windows along the axis.
 *
 * @example The book's step 55
 * ```ts
 * import { getConvOutsize } from "@dezero/core";
 * import assert from "node:assert/strict";
 *
 * const [H, W] = [4, 4];
 * const [KH, KW] = [3, 3];
 * const [SH, SW] = [1, 1];
 * const [PH, PW] = [1, 1];
 * assert.equal(getConvOutsize(H, KH, SH, PH), 4);
 * assert.equal(getConvOutsize(W, KW, SW, PW), 4);
 * ```
 */
export function getConvOutsize(
  inputSize: number,
  kernelSize: number,
  stride = 1,
  pad = 0,
): number {
  const values = { inputSize, kernelSize, stride, pad };
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isInteger(value)) {
      throw new TypeError(
        `Cannot use ${
          describe(value)
        } as ${name}: getConvOutsize expects integers`,
      );
    }
  }
  if (inputSize < 0 || kernelSize < 1 || stride < 1 || pad < 0) {
    throw new RangeError(
      `Cannot compute the output size of input ${inputSize}, kernel ${kernelSize}, stride ${stride}, pad ${pad}: getConvOutsize expects input >= 0, kernel >= 1, stride >= 1, pad >= 0`,
    );
  }
  if (inputSize + 2 * pad < kernelSize) {
    throw new RangeError(
      `Cannot fit kernel ${kernelSize} into input ${inputSize} with pad ${pad}: getConvOutsize needs inputSize + 2 * pad >= kernelSize, got ${
        inputSize + 2 * pad
      }`,
    );
  }
  return Math.floor((inputSize + 2 * pad - kernelSize) / stride) + 1;
}
