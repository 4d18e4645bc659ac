// Helper threads for the matrix product: each is a worker with its own
// instance of the kernels on the SAME shared WebAssembly memory, so a product
// is split by rows (or columns) without copying anything between threads.
//
// The workers come from `node:worker_threads` (Deno and Node both have it,
// through `process.getBuiltinModule`), because those can be `unref()`ed: an
// idle helper never keeps the process alive. A job is posted through a small
// SharedArrayBuffer of control words and Atomics.wait/notify, so the calling
// thread blocks for microseconds, not for an event-loop turn: matmul stays
// synchronous. Where any piece is missing (browsers, shared memory refused),
// there are no helpers and everything runs on the calling thread.
//
// Every element of C is computed by exactly one thread with the same kernel
// and the same order of additions, so the result is bitwise the one a single
// thread gives.

import type { Kernels } from "./_instance.ts";

// The control words of one helper.
const STATE = 0; // 0 while starting, then READY or FAILED
const POSTED = 1; // number of the last job posted
const DONE = 2; // number of the last job finished
const ARGUMENTS = 3; // the 16 arguments of kernels.wat's matmul
const WORDS = ARGUMENTS + 16;

const READY = 1;
const FAILED = 2;

// How long a helper spins for the next job, and the caller for a helper's
// result, before sleeping in Atomics.wait (whose wake-up costs tens of
// microseconds, up to 90 in a virtual machine).
const HELPER_SPIN_MS = 0.1;
const CALLER_SPIN_MS = 2;

// The helper's whole program. It instantiates the module on the memory it is
// sent, says it is ready, then waits for jobs forever (the thread is
// unref()ed, so this loop never holds the process open).
const HELPER_SOURCE = `
const { parentPort } = process.getBuiltinModule("node:worker_threads");
parentPort.once("message", ({ module, memory, control }) => {
  const c = new Int32Array(control);
  let matmul;
  try {
    const Math_ = { exp: Math.exp, log: Math.log, sin: Math.sin, cos: Math.cos, tanh: Math.tanh };
    matmul = new WebAssembly.Instance(module, { env: { memory }, Math: Math_ }).exports.matmul;
  } catch {
    Atomics.store(c, ${STATE}, ${FAILED});
    Atomics.notify(c, ${STATE});
    return;
  }
  Atomics.store(c, ${STATE}, ${READY});
  Atomics.notify(c, ${STATE});
  let seen = 0;
  for (;;) {
    // Spin a moment before sleeping: products often come in pairs (a
    // backward's two), and waking a sleeping thread costs up to 90 µs.
    const until = performance.now() + ${HELPER_SPIN_MS};
    while (Atomics.load(c, ${POSTED}) === seen && performance.now() < until) {}
    Atomics.wait(c, ${POSTED}, seen);
    seen = Atomics.load(c, ${POSTED});
    try {
      matmul(${
  Array.from({ length: 16 }, (_, i) => `c[${ARGUMENTS + i}]`).join(", ")
});
    } catch {
      Atomics.store(c, ${STATE}, ${FAILED});
    }
    Atomics.store(c, ${DONE}, seen);
    Atomics.notify(c, ${DONE});
  }
});
`;

interface NodeWorker {
  postMessage(message: unknown): void;
  unref(): void;
  terminate(): unknown;
  on(event: string, listener: (...args: unknown[]) => void): void;
}

interface WorkerThreads {
  Worker: new (source: string, options: { eval: boolean }) => NodeWorker;
}

interface Helper {
  readonly control: Int32Array;
  readonly worker: NodeWorker;
  posted: number;
}

/** The Node built-in module `name` where the engine has it, else `undefined`. */
function builtin<T>(name: string): T | undefined {
  const process = (globalThis as {
    process?: { getBuiltinModule?: (name: string) => unknown };
  }).process;
  try {
    return process?.getBuiltinModule?.(name) as T | undefined;
  } catch {
    return undefined;
  }
}

/** How many cores the engine reports (1 when it does not say). */
function availableCores(): number {
  const os = builtin<
    { availableParallelism?: () => number; cpus?: () => unknown[] }
  >("node:os");
  const cores = os?.availableParallelism?.() ?? os?.cpus?.().length;
  if (typeof cores === "number" && cores >= 1) return cores;
  const reported =
    (globalThis as { navigator?: { hardwareConcurrency?: number } })
      .navigator?.hardwareConcurrency;
  return typeof reported === "number" && reported >= 1 ? reported : 1;
}

// At most this many threads by default: past it the products this library
// meets (a few hundred rows) have too little work per thread.
const DEFAULT_LIMIT = 4;

// The thread count; looked up on first use, not when the library loads
// (asking for node:os loads Node compatibility in Deno).
let wanted: number | undefined;
// Helpers started for these kernels (one list per instance of the module).
const started = new Map<Kernels, Helper[]>();

/** The number of threads dense products may use (internal; see threads.ts). */
export function threadCount(): number {
  return wanted ??= Math.min(availableCores(), DEFAULT_LIMIT);
}

/**
 * Set the number of threads (internal; see threads.ts), 1 or more. Helpers
 * already started beyond the count stay idle (a blocked thread costs no CPU),
 * so raising the count again needs no new start-up.
 */
export function setThreadCount(count: number): void {
  wanted = count;
}

// Jobs handed to helpers so far (tests check that the threads really ran).
let jobs = 0;

/** How many jobs helpers have been given in this process (for tests). */
export function helperJobs(): number {
  return jobs;
}

function start(
  threads: WorkerThreads,
  wasm: Kernels,
): Helper | undefined {
  try {
    const control = new Int32Array(
      new SharedArrayBuffer(WORDS * Int32Array.BYTES_PER_ELEMENT),
    );
    const worker = new threads.Worker(HELPER_SOURCE, { eval: true });
    worker.unref();
    // A helper that dies is marked failed; it is then never used again.
    worker.on("error", () => Atomics.store(control, STATE, FAILED));
    worker.on("exit", () => Atomics.store(control, STATE, FAILED));
    worker.postMessage({
      module: wasm.module,
      memory: wasm.memory,
      control: control.buffer,
    });
    return { control, worker, posted: 0 };
  } catch {
    return undefined;
  }
}

/**
 * The helpers ready to take a job on `wasm`'s memory now: up to the thread
 * count minus one. Helpers are started on the first call and report ready a
 * moment later; until then (and where helpers are impossible) the list is
 * empty and the caller works alone.
 */
export function readyHelpers(wasm: Kernels): Helper[] {
  const wanted = threadCount();
  if (wanted <= 1 || !wasm.shared) return [];
  let helpers = started.get(wasm);
  if (helpers === undefined) {
    helpers = [];
    started.set(wasm, helpers);
  }
  // A helper that failed is stopped and replaced.
  for (let i = helpers.length - 1; i >= 0; i--) {
    if (Atomics.load(helpers[i].control, STATE) === FAILED) {
      helpers[i].worker.terminate();
      helpers.splice(i, 1);
    }
  }
  if (helpers.length < wanted - 1) {
    const threads = builtin<WorkerThreads>("node:worker_threads");
    while (threads !== undefined && helpers.length < wanted - 1) {
      const helper = start(threads, wasm);
      if (helper === undefined) break;
      helpers.push(helper);
    }
  }
  const ready: Helper[] = [];
  for (let i = 0; i < helpers.length && ready.length < wanted - 1; i++) {
    if (Atomics.load(helpers[i].control, STATE) === READY) {
      ready.push(helpers[i]);
    }
  }
  return ready;
}

/** The arguments of kernels.wat's matmul, in order. */
export type MatmulArguments = Parameters<Kernels["matmul"]>;

/** Start `args` on `helper`; {@linkcode finish} waits for it. */
export function post(helper: Helper, args: MatmulArguments): void {
  const control = helper.control;
  for (let i = 0; i < 16; i++) control[ARGUMENTS + i] = args[i];
  helper.posted = (helper.posted + 1) | 0;
  jobs++;
  Atomics.store(control, POSTED, helper.posted);
  Atomics.notify(control, POSTED);
}

/**
 * Wait until `helper` finished its last job. Returns false when the helper
 * failed (it is then never used again and the caller must do its part).
 */
export function finish(helper: Helper): boolean {
  const control = helper.control;
  const until = performance.now() + CALLER_SPIN_MS;
  for (;;) {
    const done = Atomics.load(control, DONE);
    if (done === helper.posted) break;
    if (Atomics.load(control, STATE) === FAILED) break;
    // This thread has nothing else to do: spin a moment, then sleep.
    if (performance.now() >= until) Atomics.wait(control, DONE, done, 1000);
  }
  return Atomics.load(control, DONE) === helper.posted &&
    Atomics.load(control, STATE) === READY;
}
