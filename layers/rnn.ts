import type { Variable } from "../core/variable.ts";
import { add } from "../functions/add.ts";
import { tanh } from "../functions/tanh.ts";
import { checkSize, checkStepInput, readInSize } from "./_check.ts";
import { Layer } from "./layer.ts";
import { Linear } from "./linear.ts";

/**
 * Options of {@linkcode RNN} and {@linkcode LSTM}.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { RNN } from "@dezero/core/layers";
 * import assert from "node:assert/strict";
 *
 * const rnn = new RNN(4, { inSize: 3 });
 * const h = rnn.call(array([[1, 2, 3]]));
 * assert.deepEqual([...h.shape], [1, 4]);
 * ```
 */
export interface RecurrentOptions {
  /**
   * The input size `I`. Default: taken from the first input, which is when
   * the input weights are drawn.
   */
  inSize?: number;
}

/**
 * An Elman recurrent layer with tanh (DeZero's `RNN`): h = tanh(x · Wx + bx
 * + h_prev · Wh). The hidden state `h` is kept between calls, so calling
 * the layer once per time step runs the sequence; `resetState()` starts a
 * new one. The first step has no previous state and computes tanh(x · Wx +
 * bx). Weights are DeZero's `Linear` ones (`x2h` with bias, `h2h` without),
 * drawn in DeZero's order, so `seed()` before building gives the book's
 * weights.
 *
 * A batch size different from the kept state's is a `TypeError`: call
 * `resetState()` first.
 *
 * @example Three time steps of a batch of two
 * ```ts
 * import { array } from "@dezero/core";
 * import { RNN } from "@dezero/core/layers";
 * import assert from "node:assert/strict";
 *
 * const rnn = new RNN(4);
 * const x = array([[0.5], [-1]]);
 * for (let t = 0; t < 3; t++) rnn.call(x);
 * assert.deepEqual(rnn.h?.shape, [2, 4]);
 * assert.throws(() => rnn.call(array([[1]])), TypeError);
 * rnn.resetState();
 * assert.deepEqual(rnn.call(array([[1]])).shape, [1, 4]);
 * ```
 */
export class RNN extends Layer {
  /** The hidden size `H`. */
  readonly hiddenSize: number;
  /** Input to hidden: `[I, H]` weight and `[H]` bias. */
  x2h: Linear;
  /** Hidden to hidden: `[H, H]` weight, no bias. */
  h2h: Linear;
  /** The hidden state `[N, H]` after the last call, `null` after a reset. */
  h: Variable | null = null;

  /**
   * Make an RNN layer.
   *
   * @param hiddenSize The hidden size `H`, a positive integer.
   * @param options `inSize`.
   */
  constructor(hiddenSize: number, options: RecurrentOptions = {}) {
    super();
    checkSize("RNN", "hiddenSize", hiddenSize);
    const inSize = readInSize("RNN", options);
    this.hiddenSize = hiddenSize;
    this.x2h = new Linear(hiddenSize, { inSize: inSize ?? undefined });
    // DeZero passes in_size to h2h too, which only works when it equals
    // the hidden size; h2h's input is the hidden state, so its size is H.
    // Without inSize it is drawn lazily at the second step, as DeZero does,
    // so the random stream matches the book.
    this.h2h = new Linear(hiddenSize, {
      inSize: inSize === null ? undefined : hiddenSize,
      nobias: true,
    });
  }

  /** Forget the hidden state, to start a new sequence or batch size. */
  resetState(): void {
    this.h = null;
  }

  /**
   * One time step: the new hidden state, which is also kept.
   *
   * @param x The input at this step, `[N, I]`.
   * @returns The new hidden state, `[N, H]`.
   */
  forward(x: Variable): Variable {
    checkStepInput("RNN", x.shape, this.x2h.inSize, this.h?.shape ?? null);
    const hNew = this.h === null
      ? tanh(this.x2h.call(x))
      : tanh(add(this.x2h.call(x), this.h2h.call(this.h)));
    this.h = hNew;
    return hNew;
  }
}
