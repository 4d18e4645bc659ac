// The baseline for bench/train_bench.ts: one training step of a two-layer
// network (linear, sigmoid, linear) written by hand with Float64Array loops,
// forward, backward and SGD update, no graph and no framework. It is what a
// programmer would write without a library, and bounds what the library's
// bookkeeping costs on top of the arithmetic.

/** The weights of a two-layer network, row-major. */
export interface NaiveMlp {
  inSize: number;
  hidden: number;
  outSize: number;
  W1: Float64Array; // [inSize, hidden]
  b1: Float64Array;
  W2: Float64Array; // [hidden, outSize]
  b2: Float64Array;
}

/** A network with weights from `random` (scaled as DeZero's). */
export function naiveMlp(
  inSize: number,
  hidden: number,
  outSize: number,
  random: () => number,
): NaiveMlp {
  const fill = (n: number, scale: number): Float64Array =>
    Float64Array.from({ length: n }, () => (random() - 0.5) * scale);
  return {
    inSize,
    hidden,
    outSize,
    W1: fill(inSize * hidden, Math.sqrt(1 / inSize)),
    b1: new Float64Array(hidden),
    W2: fill(hidden * outSize, Math.sqrt(1 / hidden)),
    b2: new Float64Array(outSize),
  };
}

/** c[n, m] = a[n, k] · b[k, m] (+ bias), i-k-j loop order. */
function matmul(
  a: Float64Array,
  b: Float64Array,
  n: number,
  k: number,
  m: number,
  bias?: Float64Array,
): Float64Array {
  const c = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    if (bias) c.set(bias, i * m);
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      if (aip === 0) continue;
      const row = p * m;
      const out = i * m;
      for (let j = 0; j < m; j++) c[out + j] += aip * b[row + j];
    }
  }
  return c;
}

/** aᵀ · b for a [n, k], b [n, m]: [k, m]. */
function matmulTA(
  a: Float64Array,
  b: Float64Array,
  n: number,
  k: number,
  m: number,
): Float64Array {
  const c = new Float64Array(k * m);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      if (aip === 0) continue;
      for (let j = 0; j < m; j++) c[p * m + j] += aip * b[i * m + j];
    }
  }
  return c;
}

/** a · bᵀ for a [n, m], b [k, m]: [n, k]. */
function matmulTB(
  a: Float64Array,
  b: Float64Array,
  n: number,
  m: number,
  k: number,
): Float64Array {
  const c = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += a[i * m + j] * b[p * m + j];
      c[i * k + p] = s;
    }
  }
  return c;
}

/**
 * One SGD step on a batch: mean squared error against `target` (`[N, O]`)
 * or, when `labels` are given, softmax cross entropy. Returns the loss.
 */
export function naiveStep(
  net: NaiveMlp,
  x: Float64Array,
  batch: number,
  lr: number,
  target: { values?: Float64Array; labels?: Int32Array },
): number {
  const { inSize: I, hidden: H, outSize: O } = net;
  const a = matmul(x, net.W1, batch, I, H, net.b1);
  const h = a.map((v) => 0.5 * Math.tanh(0.5 * v) + 0.5);
  const y = matmul(h, net.W2, batch, H, O, net.b2);
  const gy = new Float64Array(batch * O);
  let loss = 0;
  if (target.labels) {
    for (let i = 0; i < batch; i++) {
      let max = -Infinity;
      for (let j = 0; j < O; j++) max = Math.max(max, y[i * O + j]);
      let sum = 0;
      for (let j = 0; j < O; j++) sum += Math.exp(y[i * O + j] - max);
      const label = target.labels[i];
      loss -= y[i * O + label] - max - Math.log(sum);
      for (let j = 0; j < O; j++) {
        gy[i * O + j] = (Math.exp(y[i * O + j] - max) / sum -
          (j === label ? 1 : 0)) / batch;
      }
    }
  } else {
    const t = target.values!;
    for (let k = 0; k < batch * O; k++) {
      const d = y[k] - t[k];
      loss += d * d;
      gy[k] = (2 * d) / batch;
    }
  }
  loss /= batch;
  const gW2 = matmulTA(h, gy, batch, H, O);
  const gh = matmulTB(gy, net.W2, batch, O, H);
  const ga = gh.map((g, k) => g * h[k] * (1 - h[k]));
  const gW1 = matmulTA(x, ga, batch, I, H);
  for (let k = 0; k < gW1.length; k++) net.W1[k] -= lr * gW1[k];
  for (let k = 0; k < gW2.length; k++) net.W2[k] -= lr * gW2[k];
  for (let j = 0; j < H; j++) {
    let s = 0;
    for (let i = 0; i < batch; i++) s += ga[i * H + j];
    net.b1[j] -= lr * s;
  }
  for (let j = 0; j < O; j++) {
    let s = 0;
    for (let i = 0; i < batch; i++) s += gy[i * O + j];
    net.b2[j] -= lr * s;
  }
  return loss;
}
