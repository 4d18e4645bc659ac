import { describe } from "../core/_describe.ts";
import { formatShape, zerosOf } from "../core/_ndarray.ts";
import { Parameter } from "../core/parameter.ts";
import type { Variable } from "../core/variable.ts";
import { linear } from "../functions/linear.ts";
import { initialWeights } from "./_init.ts";
import { Layer } from "./layer.ts";

/**
 * Options of {@linkcode Linear}.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { Linear } from "@dezero/core/layers";
 * import assert from "node:assert/strict";
 *
 * const layer = new Linear(3, { inSize: 2, nobias: true });
 * assert.equal(layer.b, null);
 * assert.deepEqual([...layer.W.shape], [2, 3]);
 * assert.deepEqual([...layer.call(array([[1, 2]])).shape], [1, 3]);
 * ```
 */
export interface LinearOptions {
  /**
   * The input size `I`. Default: taken from the first input, which is when
   * the weight is drawn.
   */
  inSize?: number;
  /** Leave out the bias (default `false`). */
  nobias?: boolean;
  /** The element type; only `"float64"` (the default) is supported. */
  dtype?: "float64";
}

/**
 * A fully connected layer, y = x · W + b, with DeZero's initialisation: W
 * of shape `[I, O]` drawn as standard normal values times √(1 / I), b zeros
 * of shape `[O]`. Without `inSize`, W is drawn on the first call, from the
 * input's second dimension; later calls must have the same input size.
 *
 * @example Lazy input size
 * ```ts
 * import { array } from "@dezero/core";
 * import { Linear } from "@dezero/core/layers";
 * import assert from "node:assert/strict";
 *
 * const layer = new Linear(3);
 * assert.equal(layer.W.hasData, false);
 * const y = layer.call(array([[1, 2], [3, 4]]));
 * assert.deepEqual(y.shape, [2, 3]);
 * assert.deepEqual(layer.W.shape, [2, 3]);
 * assert.equal(layer.inSize, 2);
 * ```
 */
export class Linear extends Layer {
  /** The input size, `null` until known. */
  inSize: number | null;
  /** The output size. */
  readonly outSize: number;
  /** The element type. */
  readonly dtype: "float64";
  /** The weight, `[inSize, outSize]`; empty until the input size is known. */
  W: Parameter;
  /** The bias, `[outSize]`, or `null` with `nobias`. */
  b: Parameter | null;

  /**
   * Make a fully connected layer.
   *
   * @param outSize The output size `O`, a positive integer.
   * @param options `inSize`, `nobias`, `dtype`.
   */
  constructor(outSize: number, options: LinearOptions = {}) {
    super();
    checkSize("outSize", outSize);
    if (typeof options !== "object" || options === null) {
      throw new TypeError(
        `Cannot use ${
          describe(options)
        } as the options of Linear: expected an object`,
      );
    }
    const { inSize, nobias = false, dtype = "float64" } = options;
    if (inSize !== undefined && inSize !== null) checkSize("inSize", inSize);
    if (typeof nobias !== "boolean") {
      throw new TypeError(
        `Cannot use ${
          describe(nobias)
        } as nobias of Linear: expected true or false`,
      );
    }
    if (dtype !== "float64") {
      throw new TypeError(
        `Cannot use dtype ${
          JSON.stringify(dtype)
        } in Linear: only "float64" is supported`,
      );
    }
    this.inSize = inSize ?? null;
    this.outSize = outSize;
    this.dtype = dtype;
    this.W = new Parameter(null, { name: "W" });
    if (this.inSize !== null) {
      this.W.data = initialWeights(this.inSize, outSize);
    }
    this.b = nobias ? null : new Parameter(zerosOf([outSize]), { name: "b" });
  }

  /**
   * y = x · W + b for an `[N, I]` input; draws W first if the input size
   * was not known.
   *
   * @param x The input, `[N, I]`.
   * @returns The output, `[N, O]`.
   */
  forward(x: Variable): Variable {
    const shape = x.shape;
    if (shape.length !== 2) {
      throw new TypeError(
        `Cannot apply Linear to an input of shape ${
          formatShape(shape)
        }: expected a 2-d input [N, I]`,
      );
    }
    if (!this.W.hasData) {
      this.W.data = initialWeights(shape[1], this.outSize);
      this.inSize = shape[1];
    }
    const wShape = this.W.shape;
    if (shape[1] !== wShape[0]) {
      throw new TypeError(
        `Cannot apply Linear to an input of shape ${
          formatShape(shape)
        }: its weight W has shape ${formatShape(wShape)}, so it expects [N,${
          wShape[0]
        }]`,
      );
    }
    return linear(x, this.W, this.b);
  }
}

function checkSize(name: string, value: unknown): void {
  if (typeof value !== "number") {
    throw new TypeError(
      `Cannot use ${
        describe(value)
      } as ${name} of Linear: expected a positive integer`,
    );
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `Cannot use ${value} as ${name} of Linear: expected a positive integer`,
    );
  }
}
