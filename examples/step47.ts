// Step 47 of the book: softmax and cross entropy.
//
// A classifier's network outputs one score per class; softmax turns the
// scores into probabilities, and the cross entropy of those probabilities
// with the true classes is the loss. The book first writes both the simple
// way, exp(x) / sum(exp(x)) and -mean(log p[i, t_i]); those versions are
// written out here as the book's, with `getItem(logP, [arange, t])` for
// NumPy's `log_p[np.arange(N), t]`. The library's `softmax` and
// `softmaxCrossEntropy` compute the same values without overflowing for
// large scores (they subtract the maximum first).
//
// Where digits differ from the book: DeZero's Linear holds float32
// weights, this library float64 (the same normal numbers, from the seed
// 0), so the printed scores differ in the 8th digit (-0.61505778 in the
// book, -0.6150578 here). DeZero with float64 weights prints what this
// prints.
//
// Run: deno run examples/step47.ts
// Prints:
//   variable([[-0.6150578  -0.42790162  0.31733288]])
//   variable([[0.21068638 0.25404893 0.53526469]])
//   variable([[-0.6150578  -0.42790162  0.31733288]
//             [-0.76395315 -0.24976449  0.18591381]
//             [-0.52006394 -0.96254613  0.57818937]
//             [-0.94252168 -0.50307479  0.17576322]])
//   variable([[0.21068638 0.25404893 0.53526469]
//             [0.19019916 0.31806647 0.49173437]
//             [0.21545395 0.13841619 0.64612986]
//             [0.17820703 0.27655034 0.54524263]])
//   variable(1.4967442585236772)
// (DeZero with float64 weights: the same, and 1.4967442585236774 for the
// loss, summed in another order; the book: 1.496744252405306.)

import { array, clip, exp, getItem, log, sum, Variable } from "../mod.ts";
import { MLP } from "../models/mod.ts";
import { seed } from "../random/mod.ts";

seed(0);

function softmax1d(x: Variable): Variable {
  const y = exp(x);
  const sumY = sum(y);
  return y.div(sumY);
}

/** The book's `F.softmax_simple`: along axis 1, without the max shift. */
function softmaxSimple(x: Variable): Variable {
  const y = exp(x);
  return y.div(sum(y, { axis: 1, keepdims: true }));
}

/** The book's `F.softmax_cross_entropy_simple`. */
function softmaxCrossEntropySimple(x: Variable, t: number[]): Variable {
  const N = x.shape[0];
  let p = softmaxSimple(x);
  p = clip(p, 1e-15, 1.0); // to avoid log(0)
  const logP = log(p);
  const arange = Array.from({ length: N }, (_, i) => i);
  const tlogP = getItem(logP, [arange, t]);
  return sum(tlogP).mul(-1).div(N);
}

const model = new MLP([10, 3]);

{
  const x = new Variable(array([[0.2, -0.4]]));
  const y = model.call(x);
  const p = softmax1d(y);
  console.log(y);
  console.log(p);
}

const x = array([[0.2, -0.4], [0.3, 0.5], [1.3, -3.2], [2.1, 0.3]]);
const t = [2, 0, 1, 0];

const y = model.call(x);
const p = softmaxSimple(y);
console.log(y);
console.log(p);

const loss = softmaxCrossEntropySimple(y, t);
loss.backward();
console.log(loss);
