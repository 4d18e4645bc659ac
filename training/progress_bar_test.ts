import assert from "node:assert/strict";
import { ProgressBar, type ProgressBarOptions } from "./progress_bar.ts";

/** A bar whose output lands in `out` and whose clock moves only by `tick`. */
function recorded<T>(
  source: Iterable<T> | number,
  options: ProgressBarOptions = {},
): { bar: ProgressBar<T>; out: string[]; tick: (ms: number) => void } {
  const out: string[] = [];
  let clock = 1000;
  const bar = new ProgressBar(source, {
    write: (text) => out.push(text),
    now: () => clock,
    ...options,
  });
  return { bar, out, tick: (ms) => clock += ms };
}

// deno-lint-ignore no-control-regex
const ansi = /\x1b\[[0-9;]*[A-Za-z]/g;

function hasAnsi(text: string): boolean {
  return text.replace(ansi, "") !== text;
}

Deno.test("ProgressBar prints one plain line at the end when not on a terminal", () => {
  const { bar, out, tick } = recorded(["a", "b", "c", "d"], {
    label: "epoch 1",
    terminal: false,
  });
  const seen: string[] = [];
  for (const item of bar) {
    seen.push(item);
    tick(250);
    bar.set({ loss: 1 / seen.length, batch: seen.length });
  }
  assert.deepEqual(seen, ["a", "b", "c", "d"]);
  // 4 items in 1 s: 4 it/s, nothing left; loss 1/4 to 4 digits.
  assert.deepEqual(out, [
    "epoch 1: 100% 4/4 [0:01<0:00, 4.00 it/s] loss=0.2500 batch=4\n",
  ]);
  assert.equal(bar.done, 4);
});

Deno.test("ProgressBar shows values to four digits, small ones with an exponent", () => {
  const { bar, out } = recorded([], { terminal: false, total: 0 });
  bar.set({ a: 0.123456, b: 2.229e-5, c: 12345.678, d: 7, e: "ok", f: NaN });
  bar.finish();
  assert.match(
    out[0],
    / a=0\.1235 b=2\.229e-5 c=1\.235e\+4 d=7 e=ok f=NaN\n$/,
  );
});

Deno.test("ProgressBar prints a line every `every` percent when not on a terminal", () => {
  const { bar, out, tick } = recorded(10, { terminal: false, every: 20 });
  for (const _ of bar) tick(2000);
  assert.deepEqual(out.map((line) => line.split(" [")[0]), [
    "20% 2/10",
    "40% 4/10",
    "60% 6/10",
    "80% 8/10",
    "100% 10/10",
  ]);
  // After 2 items in 4 s, 8 items at 2 s each are left: 16 s.
  assert.equal(out[0], "20% 2/10 [0:04<0:16, 2.00 s/it]\n");
  assert.ok(out.every((line) => !hasAnsi(line) && !line.includes("\r")));
});

Deno.test("ProgressBar redraws one line in place on a terminal", () => {
  const { bar, out, tick } = recorded([1, 2, 3, 4], {
    label: "train",
    terminal: true,
    color: false,
    width: 60,
    interval: 0,
  });
  for (const _ of bar) tick(1000);
  // Start, four steps, the final state again, then the newline.
  assert.equal(out.length, 7);
  for (const text of out.slice(0, -1)) {
    assert.ok(text.startsWith("\r") && text.endsWith("\x1b[K"), text);
    assert.ok(!text.includes("\n"));
    assert.ok([...text.replace(ansi, "")].length - 1 <= 59);
  }
  assert.equal(out.at(-1), "\n");
  // Half done after 2 s: 2 s left; 18 columns of bar, 9 of them full.
  assert.equal(
    out[2],
    "\rtrain:  50% |█████████         | 2/4 [0:02<0:02, 1.00 it/s]\x1b[K",
  );
  assert.match(out[0], /^\rtrain: {3}0% \| +\| 0\/4 \[0:00<\?, \? it\/s\]/);
  assert.match(out[5], /\|█+\| 4\/4 /);
});

Deno.test("ProgressBar redraws on a terminal at most once per interval", () => {
  const { bar, out, tick } = recorded(100, {
    terminal: true,
    color: false,
    interval: 100,
  });
  for (const _ of bar) tick(10);
  // 1 s in steps of 10 ms: the start, one redraw per 100 ms, the end.
  assert.equal(out.length, 1 + 10 + 1 + 1);
});

Deno.test("ProgressBar colours the bar only when asked, never off a terminal", () => {
  const colored = recorded([1, 2], { terminal: true, color: true });
  for (const _ of colored.bar) colored.tick(1);
  assert.ok(colored.out.some((text) => text.includes("\x1b[32m")));
  const plain = recorded([1, 2], { terminal: true, color: false });
  for (const _ of plain.bar) plain.tick(1);
  assert.ok(plain.out.every((text) => !text.includes("\x1b[32m")));
  const file = recorded([1, 2], { terminal: false, color: true });
  for (const _ of file.bar) file.tick(1);
  assert.ok(file.out.every((text) => !hasAnsi(text)));
});

Deno.test("ProgressBar follows NO_COLOR by default on a terminal", () => {
  const { bar, out } = recorded([1], { terminal: true });
  for (const _ of bar) { /* one item */ }
  assert.equal(out.some((text) => text.includes("\x1b[32m")), !Deno.noColor);
});

Deno.test("ProgressBar ends the line when the loop breaks early", () => {
  const { bar, out, tick } = recorded([1, 2, 3, 4], { terminal: false });
  for (const item of bar) {
    tick(100);
    if (item === 2) break;
  }
  // The item that broke out was not finished: 1 of 4 done.
  assert.deepEqual(out.map((line) => line.split(" [")[0]), ["25% 1/4"]);
  bar.finish();
  assert.equal(out.length, 1);
});

Deno.test("ProgressBar counts without a total when the source has no length", () => {
  function* three(): Generator<number> {
    yield* [1, 2, 3];
  }
  const { bar, out, tick } = recorded(three(), { terminal: false });
  assert.equal(bar.total, undefined);
  for (const _ of bar) tick(1000);
  assert.deepEqual(out, ["3 [0:03, 1.00 it/s]\n"]);
});

Deno.test("ProgressBar takes its total from length, size, maxIter or the option", () => {
  assert.equal(new ProgressBar(new Set([1, 2, 3])).total, 3);
  const loader = { maxIter: 7, *[Symbol.iterator]() {} };
  assert.equal(new ProgressBar(loader).total, 7);
  assert.equal(new ProgressBar([1, 2], { total: 5 }).total, 5);
});

Deno.test("ProgressBar counts manual advances from the time it was made", () => {
  const { bar, out, tick } = recorded([], { total: 3, terminal: false });
  tick(4000);
  bar.advance(2);
  tick(1000);
  bar.finish();
  // 2 items in 5 s: 2.5 s an item, one left.
  assert.deepEqual(out, ["66% 2/3 [0:05<0:03, 2.50 s/it]\n"]);
});

Deno.test("ProgressBar.log() prints above the bar and draws it again", () => {
  const { bar, out } = recorded([1, 2], { terminal: true, color: false });
  for (const item of bar) bar.log(`item ${item}`);
  assert.equal(out[1], "\r\x1b[Kitem 1\n");
  assert.match(out[2], /^\r +0% /);
  const plain = recorded([1], { terminal: false });
  plain.bar.log("hello");
  assert.deepEqual(plain.out, ["hello\n"]);
});

Deno.test("ProgressBar rejects bad sources, options and values", () => {
  assert.throws(() => new ProgressBar(-1), {
    name: "RangeError",
    message:
      "Cannot count to number -1: new ProgressBar() expects a non-negative integer or an iterable",
  });
  assert.throws(() => new ProgressBar({} as Iterable<number>), {
    name: "TypeError",
    message:
      "Cannot go through object: new ProgressBar() expects an iterable or a non-negative integer",
  });
  assert.throws(() => new ProgressBar([1], { every: 0 }), {
    name: "RangeError",
    message:
      "Cannot use every number 0: new ProgressBar() expects a number from above 0 to 100",
  });
  assert.throws(() => new ProgressBar([1], { total: 1.5 }), RangeError);
  assert.throws(
    () => new ProgressBar([1], { write: "out" as unknown as () => void }),
    TypeError,
  );
  const bar = new ProgressBar([1], { terminal: false, write: () => {} });
  bar.set({ loss: 1 });
  assert.throws(() => bar.set({ loss: null as unknown as number, acc: 1 }), {
    name: "TypeError",
    message:
      "Cannot show loss=null: ProgressBar.set() expects a number or a string",
  });
  assert.throws(() => bar.advance(-1), RangeError);
  assert.throws(
    () => new ProgressBar([1], { output: "file" as "stdout" }),
    {
      name: "TypeError",
      message:
        'Cannot draw on string "file": new ProgressBar() expects output "stderr" or "stdout"',
    },
  );
});

Deno.test("ProgressBar keeps a coloured line within the width, escapes not counted", () => {
  for (const width of [100, 40, 20]) {
    const { bar, out, tick } = recorded([1, 2], {
      label: "a long label for a bar",
      terminal: true,
      color: true,
      width,
      interval: 0,
    });
    for (const _ of bar) {
      tick(10);
      bar.set({ loss: 0.123456 });
    }
    const lines = out.filter((text) => text !== "\n").map((text) =>
      text.replace(ansi, "").slice(1)
    );
    assert.ok(lines.every((line) => [...line].length <= width - 1), `${width}`);
    // Wide enough: nothing is cut, the last value shows in full.
    if (width === 100) assert.ok(lines.at(-1)!.endsWith("loss=0.1235"));
  }
});
