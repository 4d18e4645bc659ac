// usingConfig() and noGrad() with async callbacks: a clear TypeError, the
// settings restored, and never an unhandled rejection.

import assert from "node:assert/strict";
import { config, noGrad, usingConfig } from "../mod.ts";

/** Run `body`, then give pending rejections time to surface; return them. */
async function unhandledDuring(body: () => void): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (event: PromiseRejectionEvent): void => {
    seen.push(event.reason);
    event.preventDefault();
  };
  globalThis.addEventListener("unhandledrejection", listener);
  try {
    body();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    globalThis.removeEventListener("unhandledrejection", listener);
  }
  return seen;
}

function isAsyncError(name: string): (e: Error) => boolean {
  return (e: Error) =>
    e instanceof TypeError &&
    e.message.startsWith(
      `Cannot use an async callback: ${name} switches global settings`,
    );
}

Deno.test("noGrad() refuses an async callback before running it", async () => {
  let ran = false;
  const unhandled = await unhandledDuring(() => {
    assert.throws(
      () =>
        noGrad(async () => {
          ran = true;
          await null;
          throw new Error("inside");
        }),
      isAsyncError("noGrad()"),
    );
  });
  assert.equal(ran, false);
  assert.deepEqual(unhandled, []);
  assert.equal(config.enableBackprop, true);
});

Deno.test("a callback returning a promise that rejects later leaves no unhandled rejection", async () => {
  let seenInside: boolean | undefined;
  const unhandled = await unhandledDuring(() => {
    assert.throws(
      () =>
        usingConfig({ enableBackprop: false }, () =>
          (async () => {
            seenInside = config.enableBackprop;
            await null;
            throw new Error("after an await");
          })()),
      isAsyncError("usingConfig()"),
    );
    assert.equal(config.enableBackprop, true);
  });
  assert.equal(seenInside, false);
  assert.deepEqual(unhandled, []);
  assert.equal(config.enableBackprop, true);
});

Deno.test("noGrad() with a promise-returning callback restores the settings", async () => {
  const unhandled = await unhandledDuring(() => {
    assert.throws(
      () => noGrad(() => Promise.reject(new Error("at once"))),
      isAsyncError("noGrad()"),
    );
  });
  assert.deepEqual(unhandled, []);
  assert.equal(config.enableBackprop, true);
});

Deno.test("usingConfig() takes null settings as no change and names itself in errors", () => {
  assert.equal(usingConfig(null, () => config.enableBackprop), true);
  assert.throws(
    () => usingConfig("off" as never, () => 1),
    (e: Error) =>
      e instanceof TypeError &&
      /^Cannot use string "off" as settings: usingConfig\(\) expects an object/
        .test(e.message),
  );
  assert.throws(
    () => noGrad(null as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "Cannot run null: noGrad() expects a callback",
  );
});
