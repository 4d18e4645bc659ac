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

// ---------------------------------------------------------------------------
// Inlining. V8 does not inline calls between WebAssembly functions, and a call
// with v128 arguments costs about as much as a short polynomial (measured: a
// polynomial loop took 1.35 ns per element through a call, 0.62 inline). The
// approximations are written as functions for reading; the build pastes them
// into their callers.

/** A WebAssembly text expression: an atom or a parenthesised list. */
type Sexp = string | Sexp[];

/** Parse WebAssembly text (comments dropped) into expressions. */
function parseSexps(text: string): Sexp[] {
  const tokens = text
    .replace(/\(;[\s\S]*?;\)/g, " ")
    .replace(/;;.*$/gm, " ")
    .match(/"(?:[^"\\]|\\.)*"|[()]|[^\s()]+/g) ?? [];
  const stack: Sexp[][] = [[]];
  for (const token of tokens) {
    if (token === "(") {
      const list: Sexp[] = [];
      stack[stack.length - 1].push(list);
      stack.push(list);
    } else if (token === ")") {
      stack.pop();
      if (stack.length === 0) throw new Error("Cannot parse: unbalanced )");
    } else {
      stack[stack.length - 1].push(token);
    }
  }
  if (stack.length !== 1) throw new Error("Cannot parse: unbalanced (");
  return stack[0];
}

function printSexp(e: Sexp): string {
  return typeof e === "string" ? e : `(${e.map(printSexp).join(" ")})`;
}

interface FunctionParts {
  params: [string, string][];
  results: string[];
  locals: [string, string][];
  body: Sexp[];
}

const HEAD = new Set(["param", "result", "local", "export", "type"]);

function splitFunction(f: Sexp[]): FunctionParts {
  const parts: FunctionParts = {
    params: [],
    results: [],
    locals: [],
    body: [],
  };
  for (const item of f.slice(2)) {
    if (Array.isArray(item) && HEAD.has(item[0] as string)) {
      const [kind, ...rest] = item as string[];
      if (kind === "param" || kind === "local") {
        if (!rest[0]?.startsWith("$") || rest.length !== 2) {
          throw new Error(
            `Cannot inline ${f[1]}: write each ${kind} as ($name type)`,
          );
        }
        (kind === "param" ? parts.params : parts.locals).push([
          rest[0],
          rest[1],
        ]);
      } else if (kind === "result") parts.results.push(...rest);
    } else {
      parts.body.push(item);
    }
  }
  return parts;
}

function rename(e: Sexp, names: Map<string, string>): Sexp {
  if (typeof e === "string") return names.get(e) ?? e;
  return e.map((item) => rename(item, names));
}

/**
 * The module with every call to the functions named in `inline` replaced by
 * a block of the function's body (its parameters and locals renamed and
 * added to the caller). The inlined functions, no longer called, are dropped.
 */
export function withInlinedCalls(text: string, inline: Set<string>): string {
  const [module] = parseSexps(text) as Sexp[][];
  const functions = new Map<string, FunctionParts>();
  for (const item of module) {
    if (
      Array.isArray(item) && item[0] === "func" && inline.has(item[1] as string)
    ) {
      functions.set(item[1] as string, splitFunction(item));
    }
  }
  let site = 0;
  // Expand calls inside `e`, recording the caller's new locals.
  const expand = (e: Sexp, locals: [string, string][], depth: number): Sexp => {
    if (typeof e === "string") return e;
    if (e[0] === "call" && functions.has(e[1] as string)) {
      if (depth > 8) throw new Error(`Cannot inline ${e[1]}: recursion`);
      const callee = functions.get(e[1] as string)!;
      const prefix = `$inl${site++}_`;
      const names = new Map<string, string>();
      for (const [name, type] of [...callee.params, ...callee.locals]) {
        names.set(name, prefix + name.slice(1));
        locals.push([prefix + name.slice(1), type]);
      }
      const args = e.slice(2).map((arg) => expand(arg, locals, depth));
      if (args.length !== callee.params.length) {
        throw new Error(`Cannot inline ${e[1]}: folded arguments expected`);
      }
      const block: Sexp[] = ["block"];
      if (callee.results.length > 0) block.push(["result", ...callee.results]);
      callee.params.forEach(([name], i) =>
        block.push(["local.set", names.get(name)!, args[i]])
      );
      for (const item of callee.body) {
        block.push(expand(rename(item, names), locals, depth + 1));
      }
      return block;
    }
    return e.map((item) => expand(item, locals, depth));
  };
  const out: Sexp[] = ["module"];
  for (const item of module.slice(1)) {
    if (!Array.isArray(item) || item[0] !== "func") {
      out.push(item);
      continue;
    }
    if (inline.has(item[1] as string)) continue;
    const locals: [string, string][] = [];
    const head: Sexp[] = [];
    const body: Sexp[] = [];
    for (const part of item) {
      if (
        body.length === 0 && (typeof part === "string" ||
          HEAD.has(part[0] as string))
      ) head.push(part);
      else body.push(expand(part, locals, 0));
    }
    out.push([...head, ...locals.map(([n, t]) => ["local", n, t]), ...body]);
  }
  return printSexp(out) + "\n";
}

// The approximations pasted into the elementwise loops.
const INLINED = new Set([
  "$split",
  "$expm1Reduced",
  "$expFast",
  "$tanhFast",
  "$tanhSeries",
  "$tanhLarge",
  "$logFast",
  "$sinCosFast",
]);

/** Assemble WebAssembly text with the features the kernels use. */
export async function assemble(
  name: string,
  text: string,
): Promise<Uint8Array> {
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
      withConstantsInMemory(withInlinedCalls(source, INLINED)),
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
