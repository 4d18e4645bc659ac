import type { Variable } from "../core/variable.ts";
import { add } from "../functions/add.ts";
import { mul } from "../functions/mul.ts";
import { sigmoid } from "../functions/sigmoid.ts";
import { tanh } from "../functions/tanh.ts";
import { checkSize, checkStepInput, readInSize } from "./_check.ts";
import { Layer } from "./layer.ts";
import { Linear } from "./linear.ts";
import type { RecurrentOptions } from "./rnn.ts";

/**
 * A long short-term memory layer (DeZero's `LSTM`). Per step, with
 * σ the sigmoid: forget f = σ(x·Wxf + bf + h·Whf), input i = σ(x·Wxi + bi +
 * h·Whi), output o = σ(x·Wxo + bo + h·Who), candidate u = tanh(x·Wxu + bu +
 * h·Whu); then c = f ⊙ c_prev + i ⊙ u and h = o ⊙ tanh(c). The first step
 * has no previous h and c (the h terms and f ⊙ c_prev are left out). The
 * states `h` and `c` are kept between calls; `resetState()` starts a new
 * sequence. Eight `Linear` layers as DeZero's (`x2f`, `x2i`, `x2o`, `x2u`
 * with bias, `h2f`, `h2i`, `h2o`, `h2u` without), drawn in its order.
 *
 * PyTorch's `LSTMCell` stacks its gates in the order i, f, u (its g), o and
 * has two biases; with its hidden bias zero it computes the same.
 *
 * @example
 * ```ts
 * import { array } from "@dezero/core";
 * import { LSTM } from "@dezero/core/layers";
 * import assert from "node:assert/strict";
 *
 * const lstm = new LSTM(3, { inSize: 2 });
 * const x = array([[0.5, -1], [1, 2]]);
 * lstm.call(x);
 * const h = lstm.call(x);
 * assert.deepEqual(h.shape, [2, 3]);
 * assert.deepEqual(lstm.c?.shape, [2, 3]);
 * assert.equal([...lstm.params()].length, 12);
 * ```
 */
export class LSTM extends Layer {
  /** The hidden size `H`. */
  readonly hiddenSize: number;
  /** Input to forget gate. */
  x2f: Linear;
  /** Input to input gate. */
  x2i: Linear;
  /** Input to output gate. */
  x2o: Linear;
  /** Input to candidate. */
  x2u: Linear;
  /** Hidden to forget gate. */
  h2f: Linear;
  /** Hidden to input gate. */
  h2i: Linear;
  /** Hidden to output gate. */
  h2o: Linear;
  /** Hidden to candidate. */
  h2u: Linear;
  /** The hidden state `[N, H]` after the last call, `null` after a reset. */
  h: Variable | null = null;
  /** The cell state `[N, H]` after the last call, `null` after a reset. */
  c: Variable | null = null;

  /**
   * Make an LSTM layer.
   *
   * @param hiddenSize The hidden size `H`, a positive integer.
   * @param options `inSize`.
   */
  constructor(hiddenSize: number, options: RecurrentOptions = {}) {
    super();
    checkSize("LSTM", "hiddenSize", hiddenSize);
    const inSize = readInSize("LSTM", options) ?? undefined;
    const H = hiddenSize;
    this.hiddenSize = H;
    this.x2f = new Linear(H, { inSize });
    this.x2i = new Linear(H, { inSize });
    this.x2o = new Linear(H, { inSize });
    this.x2u = new Linear(H, { inSize });
    this.h2f = new Linear(H, { inSize: H, nobias: true });
    this.h2i = new Linear(H, { inSize: H, nobias: true });
    this.h2o = new Linear(H, { inSize: H, nobias: true });
    this.h2u = new Linear(H, { inSize: H, nobias: true });
  }

  /** Forget the hidden and cell states. */
  resetState(): void {
    this.h = null;
    this.c = null;
  }

  /**
   * One time step: the new hidden state; both states are kept.
   *
   * @param x The input at this step, `[N, I]`.
   * @returns The new hidden state, `[N, H]`.
   */
  forward(x: Variable): Variable {
    checkStepInput("LSTM", x.shape, this.x2f.inSize, this.h?.shape ?? null);
    const h = this.h;
    let f: Variable, i: Variable, o: Variable, u: Variable;
    if (h === null) {
      f = sigmoid(this.x2f.call(x));
      i = sigmoid(this.x2i.call(x));
      o = sigmoid(this.x2o.call(x));
      u = tanh(this.x2u.call(x));
    } else {
      f = sigmoid(add(this.x2f.call(x), this.h2f.call(h)));
      i = sigmoid(add(this.x2i.call(x), this.h2i.call(h)));
      o = sigmoid(add(this.x2o.call(x), this.h2o.call(h)));
      u = tanh(add(this.x2u.call(x), this.h2u.call(h)));
    }
    const cNew = this.c === null ? mul(i, u) : add(mul(f, this.c), mul(i, u));
    const hNew = mul(o, tanh(cNew));
    this.h = hNew;
    this.c = cNew;
    return hNew;
  }
}
