// After the first step has allocated the state, a step creates no new
// storage: every Float64Array construction during later steps is counted.

import assert from "node:assert/strict";
import { array, Parameter, Variable } from "../mod.ts";
import { AdaDelta } from "./ada_delta.ts";
import { AdaGrad } from "./ada_grad.ts";
import { Adam } from "./adam.ts";
import { AdamW } from "./adam_w.ts";
import { ClipGrad } from "./clip_grad.ts";
import { MomentumSGD } from "./momentum_sgd.ts";
import type { Optimizer } from "./optimizer.ts";
import { SGD } from "./sgd.ts";
import { WeightDecay } from "./weight_decay.ts";

function countAllocations(run: () => void): number {
  const original = globalThis.Float64Array;
  let count = 0;
  globalThis.Float64Array = new Proxy(original, {
    construct(target, args, newTarget) {
      count++;
      return Reflect.construct(target, args, newTarget);
    },
  });
  try {
    run();
  } finally {
    globalThis.Float64Array = original;
  }
  return count;
}

const optimizers: [string, () => Optimizer][] = [
  ["SGD", () => new SGD(0.1)],
  ["MomentumSGD", () => new MomentumSGD(0.1)],
  ["AdaGrad", () => new AdaGrad(0.1)],
  ["AdaDelta", () => new AdaDelta()],
  ["Adam", () => new Adam(0.1)],
  ["AdamW", () => new AdamW(0.1)],
];

for (const [name, make] of optimizers) {
  Deno.test(`${name} allocates no storage after its first step, hooks included`, () => {
    const params = [
      new Parameter(array([[1, 2, 3], [4, 5, 6]]).transpose(1, 0)),
      new Parameter(array(Array.from({ length: 20 }, (_, i) => i))),
    ];
    const grads = [
      new Variable(array([[1, 1], [2, 2], [3, 3]])),
      // Strided: every other element of 40.
      new Variable(array(Array.from({ length: 40 }, (_, i) => i / 10)).step(2)),
    ];
    const optimizer = make().setup(params)
      .addHook(new WeightDecay(0.1))
      .addHook(new ClipGrad(1));
    const step = (): void => {
      params.forEach((p, i) => p.grad = grads[i]);
      optimizer.update();
    };
    step();
    assert.equal(
      countAllocations(() => {
        for (let i = 0; i < 10; i++) step();
      }),
      0,
    );
    // The counter works: a fresh parameter's first step is counted (a
    // gradient buffer of 20 elements for the hook, and any state).
    const fresh = new Parameter(array(Array.from({ length: 20 }, (_, i) => i)));
    fresh.grad = grads[1];
    const first = make().setup([fresh]).addHook(new WeightDecay(0.1));
    assert.ok(countAllocations(() => first.update()) > 0);
  });
}
