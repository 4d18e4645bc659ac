// Text pieces shared by the progress bar and the terminal chart.

/** `m:ss`, or `h:mm:ss` from an hour on, of a duration in seconds. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/**
 * A value the loop reports: integers as they are, others to 4 significant
 * digits, small ones (a loss near zero) with an exponent.
 */
export function formatValue(value: number | string): string {
  if (typeof value === "string") return value;
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) < 1e-3) return value.toExponential(3);
  return value.toPrecision(4);
}

/** Items per second, or seconds per item when slower than one a second. */
export function formatRate(done: number, seconds: number): string {
  if (done === 0 || !(seconds > 0)) return "? it/s";
  const rate = done / seconds;
  return rate >= 1
    ? `${rate.toFixed(2)} it/s`
    : `${(seconds / done).toFixed(2)} s/it`;
}
