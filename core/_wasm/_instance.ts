// Which WebAssembly kernels this engine runs, compiled once on first use.
// Relaxed SIMD (fused multiply-add) where the engine validates it, else plain
// SIMD, else none: the callers then take their TypeScript paths.

import {
  RELAXED_SIMD_KERNELS,
  RELAXED_SIMD_UNSHARED_KERNELS,
  SIMD_KERNELS,
  SIMD_UNSHARED_KERNELS,
} from "./_kernels_wasm.ts";

/** The functions exported by kernels.wat, with the memory they work on. */
export interface Kernels {
  /** The memory (a SharedArrayBuffer's when {@linkcode Kernels.shared}). */
  readonly memory: WebAssembly.Memory;
  /** Whether the memory is shared, so helper threads can run on it. */
  readonly shared: boolean;
  /** The compiled module, for helper threads to instantiate. */
  readonly module: WebAssembly.Module;
  /** See kernels.wat: C = A B with strided A and B and a padded C. */
  readonly matmul: (
    a: number,
    aRowStride: number,
    aColumnStride: number,
    b: number,
    bRowStride: number,
    bColumnStride: number,
    c: number,
    ldc: number,
    m: number,
    k: number,
    n: number,
    aPacked: number,
    bPacked: number,
    mcBlock: number,
    kcBlock: number,
    ncBlock: number,
  ) => void;
  /** See kernels.wat: `length` float64s at byte `source` mapped to `target`. */
  readonly exp: ElementwiseKernel;
  /** As {@linkcode Kernels.exp}, for the natural logarithm. */
  readonly log: ElementwiseKernel;
  /** As {@linkcode Kernels.exp}, for the hyperbolic tangent. */
  readonly tanh: ElementwiseKernel;
  /** As {@linkcode Kernels.exp}, for the sine. */
  readonly sin: ElementwiseKernel;
  /** As {@linkcode Kernels.exp}, for the cosine. */
  readonly cos: ElementwiseKernel;
  /** As {@linkcode Kernels.exp}, for the logistic sigmoid tanh(x/2)/2 + 1/2. */
  readonly sigmoid: ElementwiseKernel;
}

/** An elementwise kernel: read `length` float64s at byte address `source`. */
export type ElementwiseKernel = (
  source: number,
  target: number,
  length: number,
) => void;

/** The names of the elementwise kernels. */
export type ElementwiseName =
  | "exp"
  | "log"
  | "tanh"
  | "sin"
  | "cos"
  | "sigmoid";

// The Math functions the kernels fall back on for edge cases.
const MATH = {
  exp: Math.exp,
  log: Math.log,
  sin: Math.sin,
  cos: Math.cos,
  tanh: Math.tanh,
};

// Pages of 64 KiB; the kernels' addresses stay below 2^31 (kernels.wat).
const MAX_PAGES = 32768;

/**
 * Which kernels to use: `"auto"` picks the best the engine validates,
 * `"relaxed-simd"` and `"simd"` force one variant (tests compare them), and
 * `"typescript"` turns the WebAssembly kernels off.
 */
export type KernelMode = "auto" | "relaxed-simd" | "simd" | "typescript";

let mode: KernelMode = "auto";
// The kernels for the current mode; `null` until resolved after a change.
let current: Kernels | undefined | null = null;

type Variant = "relaxed-simd" | "simd";
const SOURCES: Record<Variant, { shared: string; unshared: string }> = {
  "relaxed-simd": {
    shared: RELAXED_SIMD_KERNELS,
    unshared: RELAXED_SIMD_UNSHARED_KERNELS,
  },
  simd: { shared: SIMD_KERNELS, unshared: SIMD_UNSHARED_KERNELS },
};
// Each variant is compiled once (and keeps its memory) for the whole
// process, however often tests switch between them: a fresh instance would
// start in V8's baseline compiler and with an empty memory.
const instances = new Map<Variant, Kernels | undefined>();
const pending = new Set<Variant>();

/** Whether a test or bench chose the kernels (size thresholds then do not apply). */
export function kernelsForced(): boolean {
  return mode !== "auto";
}

/** Select the kernels for every later call (internal; for tests and benches). */
export function useKernels(next: KernelMode): void {
  mode = next;
  current = null;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A shared memory where the engine has them (Deno, Node, cross-origin
 * isolated pages), else `undefined`.
 */
function sharedMemory(): WebAssembly.Memory | undefined {
  if (typeof SharedArrayBuffer !== "function") return undefined;
  try {
    return new WebAssembly.Memory({
      initial: 1,
      maximum: MAX_PAGES,
      shared: true,
    });
  } catch {
    return undefined;
  }
}

/** The instance of `variant`, or `undefined` where the engine lacks it. */
function load(variant: Variant): Kernels | undefined {
  if (instances.has(variant)) return instances.get(variant);
  let kernels: Kernels | undefined;
  if (typeof WebAssembly === "object") {
    const sharedOne = sharedMemory();
    const shared = sharedOne !== undefined;
    const memory = sharedOne ??
      new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES });
    const bytes = decode(SOURCES[variant][shared ? "shared" : "unshared"]);
    const imports = { env: { memory }, Math: MATH };
    const make = (module: WebAssembly.Module, instance: WebAssembly.Instance) =>
      ({
        ...(instance.exports as unknown as Omit<
          Kernels,
          "memory" | "shared" | "module"
        >),
        memory,
        shared,
        module,
      }) as Kernels;
    if (WebAssembly.validate(bytes)) {
      try {
        const module = new WebAssembly.Module(bytes);
        kernels = make(module, new WebAssembly.Instance(module, imports));
      } catch {
        // Browsers refuse to compile large modules synchronously on the
        // main thread: compile in the background, use TypeScript meanwhile.
        if (!pending.has(variant)) {
          pending.add(variant);
          WebAssembly.instantiate(bytes, imports).then(
            ({ module, instance }) => {
              instances.set(variant, make(module, instance));
              current = null;
            },
            () => {},
          );
        }
        return undefined;
      }
    }
  }
  instances.set(variant, kernels);
  return kernels;
}

/** The kernels to use now, or `undefined` for the TypeScript paths. */
export function kernels(): Kernels | undefined {
  if (current !== null) return current;
  if (mode === "typescript") {
    current = undefined;
  } else if (mode === "auto") {
    current = load("relaxed-simd") ?? load("simd");
  } else {
    current = load(mode);
    if (current === undefined) {
      throw new Error(
        `Cannot use the ${mode} kernels: this engine does not validate them`,
      );
    }
  }
  return current;
}
