// Assembles kernels.wat into _kernels_wasm.ts: `deno task build:wasm`.
// The test beside this file rebuilds in memory and compares, so the committed
// bytes cannot drift from the source. Not published: it needs npm `wabt`.

import wabtInit from "wabt";
import { FIRST_FREE_BYTE } from "./_layout.ts";

const SOURCE = new URL("./kernels.wat", import.meta.url);
const TARGET = new URL("./_kernels_wasm.ts", import.meta.url);

// Only `(f64x2.relaxed_madd X Y Z)` with each operand a `local.get` or a
// `v128.const f64x2` is rewritten, so the source must keep that form
// (kernels.wat says so).
const OPERAND = String
  .raw`(\((?:local\.get \$[\w.]+|v128\.const f64x2 [^()]+)\))`;
const RELAXED_MADD = new RegExp(
  String.raw`\(f64x2\.relaxed_madd\s+${OPERAND}\s+${OPERAND}\s+${OPERAND}\)`,
  "g",
);

/** The plain-SIMD variant of the source: multiply then add, unfused. */
export function withoutRelaxedSimd(text: string): string {
  const plain = text.replace(RELAXED_MADD, "(f64x2.add (f64x2.mul $1 $2) $3)");
  const code = plain.replace(/;;.*$/gm, "");
  if (/relaxed_/.test(code)) {
    throw new Error(
      "Cannot make the plain-SIMD kernels: a relaxed instruction is not in the form (f64x2.relaxed_madd X Y Z) with X, Y, Z local.get or v128.const",
    );
  }
  return plain;
}

const SHARED_MEMORY = '(import "env" "memory" (memory 1 32768 shared))';

/** The variant of the source whose imported memory is not shared. */
export function withoutSharedMemory(text: string): string {
  if (!text.includes(SHARED_MEMORY)) {
    throw new Error(
      `Cannot make the unshared kernels: kernels.wat does not import its memory as ${SHARED_MEMORY}`,
    );
  }
  return text.replace(SHARED_MEMORY, SHARED_MEMORY.replace(" shared", ""));
}

// Where the constants go: V8 builds a v128.const in registers at every use
// (two to four instructions, inside loops too), but loads one from memory in
// one. The build moves every v128.const of kernels.wat into a data segment
// here, below the callers' first address (FIRST_FREE_BYTE), which took a
// polynomial loop from 1.17 to 0.66 ns per element.
const CONSTANTS_START = 1024;

/** The value of a WebAssembly float literal (decimal or hexadecimal). */
function parseFloatLiteral(text: string): number {
  const hex = /^([+-]?)0x([0-9a-f]+)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/i
    .exec(text);
  if (hex === null) {
    const value = Number(text);
    if (Number.isNaN(value) && !/nan/i.test(text)) {
      throw new Error(`Cannot read the float literal ${text}`);
    }
    return value;
  }
  const [, sign, whole, fraction = "", exponent = "0"] = hex;
  const digits = whole + fraction;
  if (digits.length > 14) {
    throw new Error(`Cannot read the float literal ${text} exactly`);
  }
  const value = parseInt(digits, 16) *
    2 ** (Number(exponent) - 4 * fraction.length);
  return sign === "-" ? -value : value;
}

/** The 16 bytes of a `v128.const f64x2 A B` or `v128.const i64x2 A B`. */
function constantBytes(shape: string, lanes: string[]): Uint8Array {
  const bytes = new Uint8Array(16);
  const view = new DataView(bytes.buffer);
  lanes.forEach((lane, i) => {
    if (shape === "f64x2") {
      view.setFloat64(8 * i, parseFloatLiteral(lane), true);
    } else {
      view.setBigUint64(8 * i, BigInt.asUintN(64, BigInt(lane)), true);
    }
  });
  return bytes;
}

/**
 * The source with every `v128.const f64x2` and `v128.const i64x2` read from
 * a data segment at CONSTANTS_START instead (each distinct one once).
 */
export function withConstantsInMemory(text: string): string {
  const offsets = new Map<string, number>();
  const segment: Uint8Array[] = [];
  const code = text.replace(
    /\(v128\.const (f64x2|i64x2) ([^\s()]+) ([^\s()]+)\)/g,
    (_, shape: string, a: string, b: string) => {
      const key = `${shape} ${a} ${b}`;
      let offset = offsets.get(key);
      if (offset === undefined) {
        offset = 16 * segment.length;
        offsets.set(key, offset);
        segment.push(constantBytes(shape, [a, b]));
      }
      return `(v128.load offset=${offset} (i32.const ${CONSTANTS_START}))`;
    },
  );
  if (CONSTANTS_START + 16 * segment.length > FIRST_FREE_BYTE) {
    throw new Error(
      `Cannot place ${segment.length} constants between bytes ${CONSTANTS_START} and ${FIRST_FREE_BYTE}`,
    );
  }
  let data = "";
  for (const bytes of segment) {
    for (const byte of bytes) data += "\\" + byte.toString(16).padStart(2, "0");
  }
  const end = code.lastIndexOf(")");
  return `${
    code.slice(0, end)
  }  (data (i32.const ${CONSTANTS_START}) "${data}")\n)\n`;
}

async function assemble(name: string, text: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const features = {
    simd: true,
    relaxed_simd: true,
    bulk_memory: true,
    threads: true,
  };
  const module = wabt.parseWat(name, text, features);
  try {
    module.resolveNames();
    // wabt's types omit validate's features argument, which its code takes
    // (without it, the validator refuses shared memory).
    (module.validate as (options: typeof features) => void)(features);
    return module.toBinary({ log: false, write_debug_names: false }).buffer;
  } finally {
    module.destroy();
  }
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The text of `_kernels_wasm.ts` for the current kernels.wat. */
export async function renderKernels(): Promise<string> {
  const text = await Deno.readTextFile(SOURCE);
  const plain = withoutRelaxedSimd(text);
  const variants: [string, string, string][] = [
    [
      "RELAXED_SIMD_KERNELS",
      "relaxed SIMD (fused multiply-add), shared memory",
      text,
    ],
    ["SIMD_KERNELS", "plain SIMD only, shared memory", plain],
    [
      "RELAXED_SIMD_UNSHARED_KERNELS",
      "relaxed SIMD, unshared memory",
      withoutSharedMemory(text),
    ],
    [
      "SIMD_UNSHARED_KERNELS",
      "plain SIMD only, unshared memory",
      withoutSharedMemory(plain),
    ],
  ];
  const lines = [
    "// Generated by core/_wasm/build.ts from core/_wasm/kernels.wat: do not edit.",
    "// Rebuild with `deno task build:wasm`.",
  ];
  for (const [name, what, source] of variants) {
    const bytes = await assemble(
      "kernels.wat",
      withConstantsInMemory(source),
    );
    lines.push(
      "",
      `/** The kernels with ${what}, base64. */`,
      `export const ${name} =\n  "${base64(bytes)}";`,
    );
  }
  lines.push("");
  return lines.join("\n");
}

if (import.meta.main) {
  await Deno.writeTextFile(TARGET, await renderKernels());
  console.log(`Wrote ${TARGET.pathname}`);
}
