// The kernels' memory below this byte holds the constants the build moved
// into a data segment (core/_wasm/build.ts); callers put their data above.

/** The first byte of the kernels' memory free for operands and scratch. */
export const FIRST_FREE_BYTE = 4096;
