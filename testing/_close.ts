/**
 * NumPy's `isclose` for one pair: `|a - b| <= atol + rtol * |b|`; an infinity
 * is close only to the same infinity, and NaN to nothing.
 */
export function isClose(
  a: number,
  b: number,
  rtol: number,
  atol: number,
): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}
