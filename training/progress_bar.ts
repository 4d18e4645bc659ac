import { describe } from "../core/_describe.ts";
import { formatValue, progressLine } from "./_format.ts";
import {
  checkFunction,
  checkNumber,
  sourceOf,
  totalOf,
} from "./_progress_options.ts";
import { isTerminal, terminalColumns, writerOf } from "./_output.ts";

/**
 * Options of {@linkcode ProgressBar}; every one has a default.
 *
 * @example
 * ```ts
 * import { ProgressBar } from "@dezero/core/training";
 * import assert from "node:assert/strict";
 *
 * const lines: string[] = [];
 * const bar = new ProgressBar(2, {
 *   label: "epoch 1",
 *   terminal: false,
 *   write: (text) => lines.push(text),
 * });
 * bar.advance(2);
 * bar.finish();
 * assert.ok(lines.join("").includes("epoch 1"));
 * ```
 */
export interface ProgressBarOptions {
  /**
   * How many items there are; by default the source's `length`, `size` or
   * `maxIter` (a DataLoader's batches per epoch).
   */
  total?: number;
  /** Text before the bar, for example `"epoch 3"`. */
  label?: string;
  /**
   * The stream to draw on, `"stderr"` (the default, as tqdm: standard
   * output stays clean for what the program prints) or `"stdout"`.
   */
  output?: "stderr" | "stdout";
  /** Where the text goes instead of `output`: tests keep it. */
  write?: (text: string) => void;
  /**
   * Redraw one line in place (`true`), or print plain lines (`false`, for
   * CI logs and files). By default: whether `output` is a terminal.
   */
  terminal?: boolean;
  /** Colour the bar; by default on a terminal unless `NO_COLOR` is set. */
  color?: boolean;
  /** The clock in milliseconds; by default `performance.now`. */
  now?: () => number;
  /** The line's width in columns; by default the terminal's, else 80. */
  width?: number;
  /**
   * Without a terminal: print a line each time this many more percent are
   * done (`10` prints ten lines). By default 100: one line at the end.
   */
  every?: number;
  /** On a terminal: the least milliseconds between redraws; default 100. */
  interval?: number;
}

const caller = "new ProgressBar()";

/**
 * A progress bar over any iterable (a data loader, the epochs of a
 * training): items done and total, rate, time left and the values the loop
 * reports with {@linkcode ProgressBar.prototype.set}, such as the loss. On a
 * terminal it redraws one line in place; elsewhere (CI, a file) it prints
 * plain lines: one when the loop ends, or one every `every` percent.
 *
 * @example Train for three batches, writing into an array
 * ```ts
 * import { ProgressBar } from "@dezero/core/training";
 * import assert from "node:assert/strict";
 *
 * const lines: string[] = [];
 * let clock = 0;
 * const bar = new ProgressBar([[1, 2], [3, 4], [5, 6]], {
 *   label: "epoch 1",
 *   terminal: false,
 *   write: (text) => lines.push(text),
 *   now: () => clock,
 * });
 * for (const batch of bar) {
 *   clock += 500; // half a second a batch
 *   bar.set({ loss: 1 / batch[0] });
 * }
 * assert.deepEqual(lines, [
 *   "epoch 1: 100% 3/3 [0:02<0:00, 2.00 it/s] loss=0.2000\n",
 * ]);
 * ```
 */
export class ProgressBar<T = number> implements Iterable<T> {
  #source: Iterable<T>;
  #total: number | undefined;
  #label: string;
  #write: (text: string) => void;
  #terminal: boolean;
  #color: boolean;
  #now: () => number;
  #width: number;
  #every: number;
  #interval: number;
  #values = new Map<string, string>();
  #done = 0;
  #start: number;
  #begun = false;
  #lastDraw = -Infinity;
  #lastStep = 0;
  #finished = false;

  /**
   * Make a bar over `source`, or over the numbers `0` to `source - 1` when
   * `source` is a number (a range of epochs). Nothing is drawn until the
   * iteration starts.
   *
   * @param source The items to go through, or how many numbers to count.
   * @param options Label, output and clock; see {@linkcode ProgressBarOptions}.
   */
  constructor(source: Iterable<T> | number, options: ProgressBarOptions = {}) {
    if (typeof options !== "object" || options === null) {
      throw new TypeError(
        `Cannot read options ${
          describe(options)
        }: ${caller} expects an object or nothing`,
      );
    }
    this.#source = sourceOf(source) as Iterable<T>;
    this.#total = totalOf(source, options.total);
    this.#label = options.label === undefined ? "" : String(options.label);
    const output = options.output ?? "stderr";
    if (output !== "stderr" && output !== "stdout") {
      throw new TypeError(
        `Cannot draw on ${
          describe(output)
        }: ${caller} expects output "stderr" or "stdout"`,
      );
    }
    this.#write = checkFunction("write", options.write) ?? writerOf(output);
    this.#terminal = options.terminal ?? isTerminal(output);
    this.#color = options.color ?? (this.#terminal && !Deno.noColor);
    this.#now = checkFunction("now", options.now) ??
      (() => performance.now());
    this.#width = checkNumber("width", options.width, 20, Infinity) ??
      (this.#terminal ? terminalColumns() : 80);
    this.#every = checkNumber("every", options.every, Number.MIN_VALUE, 100) ??
      100;
    this.#interval = checkNumber("interval", options.interval, 0, Infinity) ??
      100;
    this.#start = this.#now();
  }

  /** How many items are done so far. */
  get done(): number {
    return this.#done;
  }

  /** How many items there are, or `undefined` when the source does not say. */
  get total(): number | undefined {
    return this.#total;
  }

  /**
   * Go through the source; an item counts as done when the loop asks for
   * the next one. Leaving the loop early (`break`, an error) ends the bar.
   *
   * @returns An iterator over the source's items.
   */
  *[Symbol.iterator](): Iterator<T> {
    this.#begin(this.#done === 0);
    try {
      for (const item of this.#source) {
        yield item;
        this.advance();
      }
    } finally {
      this.finish();
    }
  }

  /**
   * Show values beside the bar, such as the running loss; numbers are
   * shown to four significant digits. Later calls replace values of the
   * same name and keep the others.
   *
   * @param values Names and values, for example `{ loss: 0.25 }`.
   */
  set(values: Record<string, number | string>): void {
    if (typeof values !== "object" || values === null) {
      throw new TypeError(
        `Cannot show ${
          describe(values)
        }: ProgressBar.set() expects an object of numbers or strings`,
      );
    }
    const entries = Object.entries(values);
    for (const [name, value] of entries) {
      if (typeof value !== "number" && typeof value !== "string") {
        throw new TypeError(
          `Cannot show ${name}=${
            describe(value)
          }: ProgressBar.set() expects a number or a string`,
        );
      }
    }
    for (const [name, value] of entries) {
      this.#values.set(name, formatValue(value));
    }
  }

  /**
   * Count `count` more items done, for loops that do not iterate the bar
   * (for example over an async source).
   *
   * @param count How many items were done; default 1.
   */
  advance(count = 1): void {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(
        `Cannot advance by ${
          describe(count)
        }: ProgressBar.advance() expects a non-negative integer`,
      );
    }
    this.#begin();
    this.#done += count;
    const now = this.#now();
    if (this.#terminal) {
      if (now - this.#lastDraw >= this.#interval) this.#draw(now);
    } else if (this.#total !== undefined && this.#total > 0) {
      const step = Math.floor(this.#done * 100 / this.#total / this.#every);
      if (step > this.#lastStep && this.#done < this.#total) {
        this.#lastStep = step;
        this.#write(this.#line(now) + "\n");
      }
    }
  }

  /**
   * Print a message without breaking the bar: on a terminal the bar is
   * drawn again below it.
   *
   * @param text The message, one line.
   */
  log(text: string): void {
    if (this.#terminal) {
      this.#write(`\r\x1b[K${text}\n`);
      if (this.#begun && !this.#finished) this.#draw(this.#now());
    } else {
      this.#write(`${text}\n`);
    }
  }

  /**
   * End the bar: draw its last state and end the line. Iterating the bar
   * calls it; later calls do nothing.
   */
  finish(): void {
    if (this.#finished) return;
    this.#begin();
    this.#finished = true;
    const now = this.#now();
    if (this.#terminal) {
      this.#draw(now);
      this.#write("\n");
    } else {
      this.#write(this.#line(now) + "\n");
    }
  }

  // The clock runs from the bar's making, or from the start of the loop
  // over it (a bar made long before its loop should not count the wait).
  #begin(restart = false): void {
    if (this.#begun) return;
    this.#begun = true;
    if (restart) this.#start = this.#now();
    if (this.#terminal) this.#draw(this.#start);
  }

  #draw(now: number): void {
    this.#lastDraw = now;
    this.#write(`\r${this.#line(now)}\x1b[K`);
  }

  #line(now: number): string {
    return progressLine({
      label: this.#label,
      done: this.#done,
      total: this.#total,
      seconds: (now - this.#start) / 1000,
      values: this.#values,
      bar: this.#terminal
        ? { width: this.#width, color: this.#color }
        : undefined,
    });
  }
}
