// The decimal digits of a float64 as NumPy's Dragon4 prints them in its
// "unique" mode: the shortest digits that read back as the number, cut off at
// a given digit and then rounded exactly, ties to even. JavaScript's own
// conversions give the same shortest digits and exact roundings (with ties
// upwards); BigInts settle the rare exact ties.

/** Decimal digits (no sign, no point) and the exponent of the first one. */
export interface Digits {
  digits: string;
  exponent: number;
}

/**
 * The decimal digits of |x| (no trailing zeros) and the exponent of the
 * first one, as Dragon4's unique mode with a cutoff gives them: the shortest
 * digits that read back as x if they end before the cutoff (JavaScript finds
 * the same shortest digits), otherwise x rounded exactly at the cutoff, ties
 * to even. The cutoff is `precision` digits after the point (`"fraction"`)
 * or after the first digit (`"significant"`).
 */
export function cutoffDigits(
  x: number,
  precision: number,
  mode: "fraction" | "significant",
): Digits {
  const abs = Math.abs(x);
  if (abs === 0) return { digits: "0", exponent: 0 };
  const shortest = shortestDigits(abs);
  const last = shortest.exponent - (shortest.digits.length - 1);
  const cutoff = mode === "fraction"
    ? -precision
    : shortest.exponent - precision;
  if (last >= cutoff) return shortest;
  if (mode === "significant") return exactDigits(x, precision + 1);
  // Round to `precision` digits after the point. toFixed rounds exactly but
  // breaks ties upwards; a tie needs abs · 2^(precision + 1) to be an odd
  // integer (abs · 10^precision ends in exactly .5), and goes to BigInts.
  const scaled = abs * 2 ** (precision + 1);
  const n = abs < 1e21 && !(Number.isInteger(scaled) && scaled % 2 === 1)
    ? abs.toFixed(precision).replace(".", "").replace(/^0+(?=\d)/, "")
    : roundScaled(abs, precision).toString();
  if (n === "0") return { digits: "0", exponent: 0 };
  const exponent = n.length - 1 - precision;
  return { digits: n.replace(/0+$/, ""), exponent };
}

/** The shortest digits that read back as `abs` (> 0), and their exponent. */
export function shortestDigits(abs: number): Digits {
  const text = abs.toExponential();
  const e = text.indexOf("e");
  return {
    digits: text.slice(0, e).replace(".", ""),
    exponent: Number(text.slice(e + 1)),
  };
}

/**
 * |x| rounded exactly to `count` significant digits (ties to even), as
 * digits (exactly `count` of them, zeros kept) and the exponent of the first.
 */
export function exactDigits(
  x: number,
  count: number,
): Digits {
  const abs = Math.abs(x);
  if (abs === 0) return { digits: "0".repeat(count), exponent: 0 };
  // The shortest digits' exponent is floor(log10 |x|), or one more when
  // they round up to a power of ten.
  let exponent = shortestDigits(abs).exponent;
  // toExponential rounds exactly but breaks ties upwards. A tie makes
  // 2·|x|·10^j an odd integer, j = count - 1 - floor(log10 |x|), which needs
  // |x|·2^(j + 1) to be an integer: only then do BigInts decide.
  if (!Number.isInteger(abs * 2 ** (count + 1 - exponent))) {
    const text = abs.toExponential(count - 1);
    const e = text.indexOf("e");
    return {
      digits: text.slice(0, e).replace(".", ""),
      exponent: Number(text.slice(e + 1)),
    };
  }
  let n = roundScaled(abs, count - 1 - exponent).toString();
  if (n.length < count) {
    exponent--;
    n = roundScaled(abs, count - 1 - exponent).toString();
  }
  if (n.length > count) {
    exponent++;
    n = n.slice(0, count);
  }
  return { digits: n, exponent };
}

const view = new DataView(new ArrayBuffer(8));

/** `abs × 10^k` rounded to an integer, ties to even, computed exactly. */
function roundScaled(abs: number, k: number): bigint {
  view.setFloat64(0, abs);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = high >>> 20;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent: number;
  if (biased === 0) {
    exponent = -1074;
  } else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  let numerator = mantissa;
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  if (k >= 0) numerator *= 10n ** BigInt(k);
  else denominator *= 10n ** BigInt(-k);
  let quotient = numerator / denominator;
  const twice = 2n * (numerator - quotient * denominator);
  if (twice > denominator || (twice === denominator && (quotient & 1n))) {
    quotient++;
  }
  return quotient;
}
