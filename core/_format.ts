// Printing: `String(a)`, `console.log(a)` and `format(a)` show a float64
// array exactly as NumPy's `str()` does with its default print options
// (precision 8, floatmode "maxprec", no suppression of small values,
// summary above 1000 elements with 3 edge items, lines of 75 characters).
// The structure follows numpy/core/arrayprint.py (`_formatArray`,
// `FloatingFormat`) so the two can be read side by side; the digits follow
// NumPy's Dragon4 in its "unique" mode (core/_float_digits.ts).
//
// Only the elements that are shown are ever visited, so printing an array of
// 5e9 broadcast elements costs as much as printing one of 2,000.

import { cutoffDigits, exactDigits, shortestDigits } from "./_float_digits.ts";
import type { Float64NdArray } from "./_ndarray.ts";

const PRECISION = 8;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const LINE_WIDTH = 75;

/**
 * Format an array as NumPy's `str()` does: `16.0` for a 0-d array,
 * `[1. 2. 3.]`, `[[0.84147098 2.        ]\n [...]]`. Arrays of more than
 * 1000 elements show their first and last three entries along each axis
 * longer than six, with `...` between.
 */
export function formatArray(a: Float64NdArray): string {
  const shape = a.shape;
  const ndim = shape.length;
  if (ndim === 0) return formatScalar(a.data[a.offset]);
  let size = 1;
  for (let axis = 0; axis < ndim; axis++) size *= shape[axis];
  if (size === 0) return "[]";
  const summarize = size > THRESHOLD;
  // The indices shown along each axis, in order: all of them (at most 1000,
  // since the array is not summarised), or the edges.
  const shown = shape.map((n) => shownIndices(n, summarize));
  const words = formatValues(shownValues(a, shown));
  let next = 0;

  // NumPy's `_formatArray` recurser with legacy=False and separator " ":
  // one level per axis, so the depth is the number of dimensions.
  function recurse(axis: number, hanging: string, width: number): string {
    if (axis === ndim) return words[next++];
    const axesLeft = ndim - axis;
    const nextHanging = hanging + " ";
    const nextWidth = width - 1;
    const length = shape[axis];
    const summary = summarize && length > 2 * EDGE_ITEMS;
    const leading = summary ? EDGE_ITEMS : 0;
    const trailing = summary ? EDGE_ITEMS : length;
    let s = "";
    if (axesLeft === 1) {
      const elementWidth = width - 1;
      let line = hanging;
      const add = (word: string): void => {
        // Wrap before a word that would pass the width, unless the line
        // holds nothing but its indent.
        if (
          line.length + word.length > elementWidth &&
          line.length > hanging.length
        ) {
          s += line.trimEnd() + "\n";
          line = hanging;
        }
        line += word;
      };
      for (let i = 0; i < leading; i++) {
        add(recurse(axis + 1, nextHanging, nextWidth));
        line += " ";
      }
      if (summary) {
        add("...");
        line += " ";
      }
      for (let i = trailing; i > 1; i--) {
        add(recurse(axis + 1, nextHanging, nextWidth));
        line += " ";
      }
      add(recurse(axis + 1, nextHanging, nextWidth));
      s += line;
    } else {
      const lineSeparator = "\n".repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) {
        s += hanging + recurse(axis + 1, nextHanging, nextWidth) +
          lineSeparator;
      }
      if (summary) s += hanging + "..." + lineSeparator;
      for (let i = trailing; i > 1; i--) {
        s += hanging + recurse(axis + 1, nextHanging, nextWidth) +
          lineSeparator;
      }
      s += hanging + recurse(axis + 1, nextHanging, nextWidth);
    }
    return "[" + s.slice(hanging.length) + "]";
  }

  return recurse(0, " ", LINE_WIDTH);
}

/** The indices shown along an axis of length `n`. */
function shownIndices(n: number, summarize: boolean): number[] {
  if (summarize && n > 2 * EDGE_ITEMS) {
    const indices: number[] = [];
    for (let i = 0; i < EDGE_ITEMS; i++) indices.push(i);
    for (let i = n - EDGE_ITEMS; i < n; i++) indices.push(i);
    return indices;
  }
  return Array.from({ length: n }, (_, i) => i);
}

/** The shown elements in row-major order, the order they are printed in. */
function shownValues(a: Float64NdArray, shown: number[][]): number[] {
  const { data, stride } = a;
  const ndim = shown.length;
  const values: number[] = [];
  const counters = new Array<number>(ndim).fill(0);
  while (true) {
    let offset = a.offset;
    for (let axis = 0; axis < ndim; axis++) {
      offset += stride[axis] * shown[axis][counters[axis]];
    }
    values.push(data[offset]);
    let axis = ndim - 1;
    while (axis >= 0) {
      if (++counters[axis] < shown[axis].length) break;
      counters[axis] = 0;
      axis--;
    }
    if (axis < 0) return values;
  }
}

/**
 * The shown values as NumPy's `FloatingFormat` in "maxprec" mode prints
 * them: one pass decides between positional and scientific notation and the
 * widths, so that every element of the array is printed to the same width.
 */
function formatValues(values: number[]): string[] {
  const finite = values.filter(Number.isFinite);
  let maxAbs = 0;
  let minAbs = Infinity;
  for (const x of finite) {
    const abs = Math.abs(x);
    if (abs === 0) continue;
    if (abs > maxAbs) maxAbs = abs;
    if (abs < minAbs) minAbs = abs;
  }
  const scientific = minAbs !== Infinity &&
    (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1000);
  let padLeft = 0;
  let padRight = 0;
  let fractionDigits = 0;
  let exponentDigits = 0;
  // Positional texts by value (zeros, one key for 0 and -0, are apart).
  const positional = new Map<number, string>();
  if (scientific) {
    for (const x of finite) {
      const { digits, exponent } = cutoffDigits(x, PRECISION, "significant");
      const trimmed = digits.replace(/0+$/, "");
      fractionDigits = Math.max(fractionDigits, trimmed.length - 1);
      padLeft = Math.max(padLeft, signOf(x).length + 1);
      exponentDigits = Math.max(exponentDigits, exponentText(exponent).length);
    }
    padRight = exponentDigits + 2 + fractionDigits;
  } else {
    for (const x of finite) {
      const text = formatPositional(x);
      positional.set(x, text);
      const point = text.indexOf(".");
      padLeft = Math.max(padLeft, point);
      padRight = Math.max(padRight, text.length - point - 1);
    }
  }
  if (finite.length !== values.length) {
    const negativeInfinity = values.some((x) => x === -Infinity);
    padLeft = Math.max(
      padLeft,
      3 - (padRight + 1),
      3 + (negativeInfinity ? 1 : 0) - (padRight + 1),
    );
  }
  return values.map((x) => {
    if (!Number.isFinite(x)) {
      const text = Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
      return text.padStart(padLeft + padRight + 1);
    }
    if (scientific) {
      const { digits, exponent } = exactDigits(x, fractionDigits + 1);
      const mantissa = (signOf(x) + digits[0]).padStart(padLeft) + "." +
        digits.slice(1);
      return mantissa + "e" + (exponent < 0 ? "-" : "+") +
        String(Math.abs(exponent)).padStart(exponentDigits, "0");
    }
    const text = x === 0
      ? (Object.is(x, -0) ? "-0." : "0.")
      : positional.get(x) as string;
    const point = text.indexOf(".");
    return " ".repeat(padLeft - point) + text +
      " ".repeat(padRight - (text.length - point - 1));
  });
}

/** `"-"` for a negative number or -0, `""` otherwise. */
function signOf(x: number): string {
  return x < 0 || Object.is(x, -0) ? "-" : "";
}

/** The digits of an exponent as NumPy prints them: at least two. */
function exponentText(exponent: number): string {
  return String(Math.abs(exponent)).padStart(2, "0");
}

/**
 * A finite number in positional notation with at most 8 digits after the
 * point and no trailing zeros, the point always kept: `1.`, `-0.5`,
 * `0.84147098`.
 */
function formatPositional(x: number): string {
  const { digits, exponent } = cutoffDigits(x, PRECISION, "fraction");
  let text: string;
  if (exponent < 0) {
    text = "0." + "0".repeat(-exponent - 1) + digits;
  } else if (digits.length <= exponent + 1) {
    text = digits + "0".repeat(exponent + 1 - digits.length) + ".";
  } else {
    text = digits.slice(0, exponent + 1) + "." + digits.slice(exponent + 1);
  }
  if (digits === "0") text = "0.";
  return signOf(x) + text.replace(/(\.\d*?)0+$/, "$1");
}

/**
 * A 0-d array, as NumPy's `str()` prints it: the scalar's `str()`, which is
 * Python's `repr()` of the float: all the digits needed to read it back,
 * positional from 1e-4 up to 1e16 (`16.0`, `0.30000000000000004`),
 * scientific outside (`1e-05`, `1.5e+16`).
 */
function formatScalar(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const sign = signOf(x);
  const abs = Math.abs(x);
  if (abs === 0) return sign + "0.0";
  const { digits, exponent } = shortestDigits(abs);
  if (abs >= 1e-4 && abs < 1e16) {
    if (exponent < 0) {
      return sign + "0." + "0".repeat(-exponent - 1) + digits;
    }
    if (digits.length <= exponent + 1) {
      return sign + digits + "0".repeat(exponent + 1 - digits.length) + ".0";
    }
    return sign + digits.slice(0, exponent + 1) + "." +
      digits.slice(exponent + 1);
  }
  const mantissa = digits.length === 1
    ? digits
    : digits[0] + "." + digits.slice(1);
  return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") +
    exponentText(exponent);
}

// Marks a prototype that has the printing hooks; a property read is cheaper
// than a WeakSet lookup on the hot path of every new Variable.
const PRINTABLE = Symbol("dezero.printable");

/**
 * Whether `prototype` is the prototype of a view class that the `ndarray`
 * package compiled for float64 data (`View2dfloat64` and so on). Nothing
 * else is patched: not `Object.prototype`, not a class of the user's.
 */
function isFloat64ViewPrototype(prototype: unknown): boolean {
  if (typeof prototype !== "object" || prototype === null) return false;
  if (prototype === Object.prototype) return false;
  const fields = prototype as Record<string, unknown>;
  if (!Object.hasOwn(prototype, "constructor")) return false;
  const constructor = fields.constructor;
  if (typeof constructor !== "function") return false;
  if (constructor.prototype !== prototype) return false;
  const match = /^View(\d+)dfloat64$/.exec(constructor.name);
  return match !== null &&
    Object.hasOwn(prototype, "dtype") && fields.dtype === "float64" &&
    Object.hasOwn(prototype, "dimension") &&
    fields.dimension === Number(match[1]) &&
    ["get", "set", "pick", "lo", "hi", "step", "transpose"].every((name) =>
      Object.hasOwn(prototype, name) && typeof fields[name] === "function"
    );
}

/**
 * Give an `ndarray` float64 view class readable `console.log` (Deno and
 * Node) and `String()` output. Any other prototype is left untouched.
 */
export function installPrinting(prototype: object): void {
  if ((prototype as Record<symbol, unknown>)[PRINTABLE] === true) return;
  if (!isFloat64ViewPrototype(prototype)) return;
  Object.defineProperty(prototype, PRINTABLE, { value: true });
  const inspect = function (this: Float64NdArray): string {
    return formatArray(this);
  };
  Object.defineProperty(prototype, Symbol.for("Deno.customInspect"), {
    value: inspect,
    configurable: true,
  });
  Object.defineProperty(prototype, Symbol.for("nodejs.util.inspect.custom"), {
    value: inspect,
    configurable: true,
  });
  Object.defineProperty(prototype, "toString", {
    value: inspect,
    configurable: true,
    writable: true,
  });
}

/**
 * Make sure a user-made float64 array prints readably too, if it is a view
 * of the `ndarray` package (of any copy of it); other array-like objects
 * are printed by `format()` but their prototypes are never touched.
 */
export function ensurePrinting(a: Float64NdArray): void {
  if ((a as unknown as Record<symbol, unknown>)[PRINTABLE] !== true) {
    installPrinting(Object.getPrototypeOf(a));
  }
}
