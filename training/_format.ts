// The text of a progress line: durations, rates, values and the layout.

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

/** What a progress line shows. */
export interface ProgressState {
  label: string;
  done: number;
  total: number | undefined;
  seconds: number;
  values: ReadonlyMap<string, string>;
  /** The bar's layout on a terminal; plain lines have no bar. */
  bar?: { width: number; color: boolean };
}

const eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/**
 * tqdm's layout: `label: 40% |████      | 4/10 [0:02<0:03, 2.00 it/s] loss=0.3`,
 * without the bar off a terminal, without percent and time left when the
 * total is unknown.
 */
export function progressLine(state: ProgressState): string {
  const { done, total, seconds } = state;
  const values = [...state.values].map(([name, value]) => ` ${name}=${value}`)
    .join("");
  const head = state.label === "" ? "" : `${state.label}: `;
  if (total === undefined) {
    return `${head}${done} [${formatDuration(seconds)}, ${
      formatRate(done, seconds)
    }]${values}`;
  }
  const fraction = total === 0 ? 1 : Math.min(done / total, 1);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const left = done > 0 && seconds > 0 ? (total - done) * seconds / done : NaN;
  const tail = `${done}/${total} [${formatDuration(seconds)}<${
    formatDuration(left)
  }, ${formatRate(done, seconds)}]${values}`;
  if (state.bar === undefined) return `${head}${percent.trimStart()} ${tail}`;
  const { width, color } = state.bar;
  const room = width - 1 - head.length - percent.length - tail.length - 4;
  const [filled, empty] = barOf(fraction, Math.max(0, Math.min(room, 30)));
  // A line that wraps cannot be redrawn in place: cut it to the width.
  const chars = [...`${head}${percent} |${filled}${empty}| ${tail}`]
    .slice(0, width - 1);
  if (!color) return chars.join("");
  const start = [...`${head}${percent} |`].length;
  const end = start + [...filled].length;
  return chars.slice(0, start).join("") + "\x1b[32m" +
    chars.slice(start, end).join("") + "\x1b[39m" + chars.slice(end).join("");
}

// The bar's filled part (full blocks and an eighth) and its empty part.
function barOf(fraction: number, width: number): [string, string] {
  const cells = fraction * width;
  const full = Math.floor(cells);
  const part = full < width ? eighths[Math.floor((cells - full) * 8)] : "";
  const empty = " ".repeat(width - full - (part === "" ? 0 : 1));
  return ["█".repeat(full) + part, empty];
}
