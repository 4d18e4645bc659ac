// The backward engine behind `Variable.backward()` and `grad()`. It runs every
// function once, after all the gradients flowing into its outputs have
// arrived: a loop in O(nodes + edges), never recursion, so graphs of any depth
// work.
//
// The bookkeeping lives in symbol-keyed fields on the functions and variables
// (a Map costs more than a scalar operation). A backward pass started while
// another one runs (a `backward()` inside a Function's backward, or in a hook)
// saves every field it overwrites and restores them when it ends, so the outer
// pass continues exactly where it was.

import {
  CONSTANT,
  INPUT_VERSIONS,
  PENDING_GRAD,
  TRUSTED_BACKWARD,
  VERSION,
  VISITED,
  WAITING,
} from "./_internal.ts";
import { donate } from "./_grad_memory.ts";
import { binary, sumRow } from "./_kernels.ts";
import {
  copyOf,
  type Float64NdArray,
  isExact,
  largeStorageCount,
  sizeOf,
  SMALL_ARRAY,
  view,
  zerosOf,
} from "./_ndarray.ts";
import { operator } from "./_operators.ts";
import { config } from "./config.ts";
import type { Function } from "./function.ts";
import { Variable } from "./variable.ts";

/** What a pass does with the gradients that reach its leaves. */
export interface BackwardPass {
  /** Record the gradient computation's graph (higher-order derivatives). */
  createGraph: boolean;
  /** Non-leaf variables keep their gradient too (`retainGrad`). */
  retainGrad: boolean;
  /**
   * For `grad()`: the variables whose gradients are returned instead of being
   * added to any `grad`. When set, no `grad` anywhere is written.
   */
  capture?: Map<Variable, Variable | null>;
}

let passes = 0;
let activePasses = 0;

/**
 * Propagate `seeds` (one gradient per output) back through the graph.
 *
 * @param outputs The variables to differentiate.
 * @param seeds Their gradients; `null` for ones of the output's shape, which
 * a pass without `createGraph` may never need to allocate.
 * @param pass What to do with the results.
 * @param readGrad Reads a variable's committed gradient.
 * @param writeGrad Writes a variable's committed gradient.
 */
export function runBackward(
  outputs: readonly Variable[],
  seeds: readonly (Variable | null)[],
  pass: BackwardPass,
  readGrad: (x: Variable) => Variable | null,
  writeGrad: (x: Variable, g: Variable | null) => void,
): void {
  const run = ++passes;
  const nested = activePasses > 0;
  // Saved fields of an outer pass, restored when this one ends.
  const savedFunctions: [Function, number, number][] = [];
  const savedPending = nested ? new Map<Variable, Variable | null>() : null;
  const capture = pass.capture;

  // Count, for every function upstream, the gradients it waits for: one per
  // use of one of its outputs by another function in this graph.
  const stack: Function[] = [];
  const visit = (g: Function): void => {
    if (nested) savedFunctions.push([g, g[VISITED], g[WAITING]]);
    g[VISITED] = run;
    g[WAITING] = 0;
    stack.push(g);
  };
  for (const y of outputs) {
    const creator = y.creator;
    if (creator !== null && creator[VISITED] !== run) visit(creator);
  }
  const roots = stack.slice();
  while (stack.length > 0) {
    const f = stack.pop() as Function;
    const inputs = f.inputs;
    for (let i = 0; i < inputs.length; i++) {
      const g = inputs[i].creator;
      if (g === null) continue;
      if (g[VISITED] !== run) visit(g);
      g[WAITING]++;
    }
  }

  const touched: Variable[] = [];
  const retained: [Variable, Variable][] = [];
  const pending = (x: Variable): Variable | null => {
    if (savedPending !== null && !savedPending.has(x)) {
      savedPending.set(x, x[PENDING_GRAD]);
      x[PENDING_GRAD] = null;
    }
    return x[PENDING_GRAD];
  };
  // Without createGraph nothing is recorded: gradients are summed as arrays,
  // without the Function and Variable objects that add() makes, and the pass
  // keeps track of the large ones it may write into (see _grad_memory.ts).
  // That memory is made when first needed: a gradient the pass can own is
  // always a fresh large storage, so until one has been allocated (as in
  // every graph of scalars) there is nothing to track.
  const firstOrder = !pass.createGraph;
  const start = largeStorageCount();
  let memory: PassMemory | null = null;
  // Every gradient handed out owns its data: a gradient passed through
  // unchanged (Add's), or a view of it (a reshape's), can reach two leaves,
  // and the second gets a copy. With createGraph the copy would lose the
  // gradient's graph, so there only the very same array is copied, as
  // before.
  const handedOut = new Set<object>();
  const own = (g: Variable): Variable => {
    const key = firstOrder ? g.data.data : g.data;
    if (!handedOut.has(key)) {
      handedOut.add(key);
      return g;
    }
    return new Variable(copyOf(g.data));
  };
  const enableBackprop = config.enableBackprop;
  activePasses++;
  config.enableBackprop = pass.createGraph;
  try {
    for (let i = 0; i < outputs.length; i++) {
      const y = outputs[i];
      let seed = seeds[i];
      if (seed === null) {
        const shape = y.data.shape;
        seed = firstOrder && sizeOf(shape) > SMALL_ARRAY
          ? (memory ??= new PassMemory(start)).ones(shape)
          : new Variable(onesOf(shape));
      }
      const before = pending(y);
      if (before === null) touched.push(y);
      y[PENDING_GRAD] = before === null
        ? seed
        : firstOrder
        ? (memory ??= new PassMemory(start)).sum(before, seed)
        : operator("add")(before, seed);
    }
    const ready: Function[] = roots.filter((f) => f[WAITING] === 0);
    while (ready.length > 0) {
      const f = ready.pop() as Function;
      checkVersions(f);
      const fOutputs = f.outputs;
      const gys = new Array<Variable>(fOutputs.length);
      for (let i = 0; i < fOutputs.length; i++) {
        const y = fOutputs[i];
        let gy = pending(y) ?? new Variable(zerosOf(y.data.shape));
        y[PENDING_GRAD] = null;
        if (capture !== undefined) {
          if (capture.has(y)) capture.set(y, own(gy = release(memory, gy)));
        } else if (pass.retainGrad) {
          retained.push([y, gy = release(memory, gy)]);
        }
        gys[i] = gy;
      }
      const gxs = memory === null
        ? f.checkedBackward(gys, pass.createGraph)
        : memory.backward(f, gys);
      if (memory === null && firstOrder && largeStorageCount() !== start) {
        memory = new PassMemory(start);
      }
      if (memory !== null) memory.adopt(f, gys, gxs);
      const inputs = f.inputs;
      for (let i = 0; i < inputs.length; i++) {
        const x = inputs[i];
        const gx = gxs[i];
        if (gx !== null) {
          const before = pending(x);
          if (before === null) {
            x[PENDING_GRAD] = gx;
            touched.push(x);
          } else {
            x[PENDING_GRAD] = firstOrder
              ? (memory ??= new PassMemory(start)).sum(before, gx)
              : operator("add")(before, gx);
          }
        }
        const g = x.creator;
        if (g !== null && --g[WAITING] === 0) ready.push(g);
      }
    }
    // Commit. Leaves add what they received to their grad (or, for grad(),
    // hand it over); constants made from number operands are nobody's to
    // read. A retained non-leaf gradient accumulates like a leaf's.
    for (const x of touched) {
      const g = x[PENDING_GRAD];
      if (g === null) continue;
      x[PENDING_GRAD] = null;
      if (capture !== undefined) {
        if (capture.has(x) && capture.get(x) === null) {
          capture.set(x, own(release(memory, g)));
        }
        continue;
      }
      if (x[CONSTANT] || x.creator !== null) continue;
      const old = readGrad(x);
      writeGrad(
        x,
        old === null
          ? own(release(memory, g))
          : firstOrder
          ? (memory ??= new PassMemory(start)).addTo(old, g)
          : operator("add")(old, g),
      );
    }
    for (const [y, g] of retained) {
      const old = readGrad(y);
      writeGrad(
        y,
        old === null
          ? own(g)
          : firstOrder
          ? (memory ??= new PassMemory(start)).addTo(old, g)
          : operator("add")(old, g),
      );
    }
  } finally {
    for (const x of touched) x[PENDING_GRAD] = null;
    config.enableBackprop = enableBackprop;
    activePasses--;
    if (nested) {
      for (let i = savedFunctions.length - 1; i >= 0; i--) {
        const [g, visited, waiting] = savedFunctions[i];
        g[VISITED] = visited;
        g[WAITING] = waiting;
      }
      for (const [x, g] of savedPending!) x[PENDING_GRAD] = g;
    }
  }
}

/**
 * An Error naming the function and the variable when the data of one of its
 * inputs or outputs was replaced after it ran: its backward would read the
 * new values and give a silently wrong gradient.
 */
function checkVersions(f: Function): void {
  const inputs = f.inputs;
  let sum = 0;
  for (let i = 0; i < inputs.length; i++) sum += inputs[i][VERSION];
  const outputs = f.outputs;
  let outputSum = 0;
  for (let i = 0; i < outputs.length; i++) outputSum += outputs[i][VERSION];
  if (sum === f[INPUT_VERSIONS] && outputSum === 0) return;
  let culprit = "";
  if (outputSum !== 0) {
    const index = outputs.findIndex((y) => y[VERSION] !== 0);
    culprit = `${label(outputs[index])} (output ${index})`;
  } else {
    const index = inputs.findIndex((x) => x[VERSION] !== 0);
    culprit = `${label(inputs[index])} (input ${index})`;
  }
  throw new Error(
    `Cannot run the backward of ${f.name}: the data of ${culprit} was replaced after ${f.name} used it, so its gradient would be computed from the new values; run the forward again after changing data`,
  );
}

function label(x: Variable): string {
  return x.name === undefined ? "a variable" : `variable "${x.name}"`;
}

/** An array of ones of the given shape (the default seed). */
export function onesOf(shape: readonly number[]): Float64NdArray {
  const out = zerosOf(shape);
  out.data.fill(1, 0, sizeOf(shape));
  return out;
}

/**
 * `g` as it may leave the pass for the user (a leaf's grad, a retained or
 * captured gradient): no longer the pass's to write, and a real array if it
 * is the implicit seed.
 */
function release(memory: PassMemory | null, g: Variable): Variable {
  return memory === null ? g : memory.release(g);
}

/**
 * The memory of one first-order pass: which large gradient storages it may
 * write into, and the implicit all-ones seed. See `_grad_memory.ts` for what
 * the library's own functions promise in return.
 */
class PassMemory {
  /**
   * Storages of more than SMALL_ARRAY elements that this pass made, or that
   * a trusted backward returned fresh, each held by exactly one gradient in
   * flight and by nothing a user or a function of the user's can reach. Such
   * a gradient is dead once its consumer ran, so its storage can take the
   * consumer's result.
   */
  #owned: Set<Float64Array> | null = null;
  /**
   * The storage of the implicit seed, a single 1 seen through stride-0
   * views. Never written; it becomes a real array of ones before any user
   * code or user sees it.
   */
  #ones: Float64Array | null = null;

  /** largeStorageCount() when the pass began. */
  readonly #start: number;

  /** @param start largeStorageCount() when the pass began. */
  constructor(start: number) {
    this.#start = start;
  }

  /** The all-ones seed of `shape`, as a stride-0 view of one element. */
  ones(shape: readonly number[]): Variable {
    this.#owned ??= new Set();
    if (this.#ones === null) {
      this.#ones = new Float64Array(1);
      this.#ones[0] = 1;
    }
    return new Variable(
      view(this.#ones, shape, new Array<number>(shape.length).fill(0), 0),
    );
  }

  /**
   * `g` as it may leave the pass: no longer written by it, and a real array
   * if it is the implicit seed (or a view of it).
   */
  release(g: Variable): Variable {
    const storage = g.data.data;
    if (storage === this.#ones) return new Variable(copyOf(g.data));
    this.#owned?.delete(storage);
    return g;
  }

  /**
   * `old + g` as a committed gradient (a leaf's or a retained one): `old` is
   * the user's, so the sum goes into `g` if the pass owns it, and leaves the
   * pass.
   */
  addTo(old: Variable, g: Variable): Variable {
    return this.release(this.sum(old, g));
  }

  /**
   * `a + b`, both dead after it: written into one of them if the pass owns
   * one whose layout fits. A large sum is the pass's own.
   */
  sum(a: Variable, b: Variable): Variable {
    const aData = a.data;
    const bData = b.data;
    let out: Float64NdArray | undefined;
    const owned = this.#owned;
    if (owned !== null) {
      const aOwned = owned.delete(aData.data);
      const bOwned = owned.delete(bData.data);
      if (aOwned && isExact(aData)) out = aData;
      else if (bOwned && isExact(bData)) out = bData;
    }
    const g = binary(aData, bData, sumRow, "backward", out);
    if (g.data.length > SMALL_ARRAY) (this.#owned ??= new Set()).add(g.data);
    return new Variable(g);
  }

  /**
   * Run `f`'s first-order backward. A trusted one gets the gradients as they
   * are (the implicit seed as a view) and may write into the one gradient it
   * receives when the pass owns it; any other gets real arrays, which are no
   * longer the pass's to write.
   */
  backward(f: Function, gys: Variable[]): (Variable | null)[] {
    const owned = this.#owned;
    if (owned === null) return f.checkedBackward(gys, false);
    let trusted: boolean | undefined;
    for (let i = 0; i < gys.length; i++) {
      const storage = gys[i].data.data;
      if (storage === this.#ones || owned.has(storage)) {
        trusted ??= f[TRUSTED_BACKWARD]();
        if (!trusted) gys[i] = this.release(gys[i]);
      }
    }
    if (trusted === true && gys.length === 1) {
      const gy = gys[0].data;
      if (owned.has(gy.data) && isExact(gy)) {
        donate(gy);
        try {
          return f.checkedBackward(gys, false);
        } finally {
          donate(null);
        }
      }
    }
    return f.checkedBackward(gys, false);
  }

  /**
   * After `f`'s backward turned `gys` into `gxs`: the storages of `gys` are
   * dead, and a large gradient of `gxs` becomes the pass's own when a trusted
   * backward made it, or passed through a gradient the pass owned, and no
   * other gradient of `gxs` shares its storage.
   */
  adopt(f: Function, gys: Variable[], gxs: (Variable | null)[]): void {
    let owned = this.#owned;
    if (owned === null) {
      // Nothing owned yet, and nothing to own before a large allocation.
      if (largeStorageCount() === this.#start) return;
      owned = this.#owned = new Set();
    }
    let wasOwned: Float64Array[] | null = null;
    for (let i = 0; i < gys.length; i++) {
      const storage = gys[i].data.data;
      if (owned.delete(storage)) (wasOwned ??= []).push(storage);
    }
    let trusted: boolean | undefined;
    next: for (let i = 0; i < gxs.length; i++) {
      const gx = gxs[i];
      if (gx === null) continue;
      const storage = gx.data.data;
      if (storage.length <= SMALL_ARRAY) continue;
      trusted ??= f[TRUSTED_BACKWARD]();
      if (!trusted) return;
      for (let j = 0; j < gxs.length; j++) {
        if (j !== i && gxs[j]?.data.data === storage) continue next;
      }
      for (let j = 0; j < gys.length; j++) {
        if (
          gys[j].data.data === storage &&
          (wasOwned === null || !wasOwned.includes(storage))
        ) {
          continue next;
        }
      }
      owned.add(storage);
    }
  }
}
