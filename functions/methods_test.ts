// The chainable Variable methods of the neural-network functions give what
// the functions give.

import assert from "node:assert/strict";
import {
  array,
  clip,
  expandDims,
  flatten,
  getItem,
  max,
  mean,
  min,
  slice,
  squeeze,
  toNested,
  Variable,
} from "../mod.ts";

Deno.test("max, min, mean, clip, getItem, expandDims, squeeze, flatten as methods", () => {
  const x = new Variable(array([[1, 5, 2], [4, 0, 6]]));
  assert.deepEqual(toNested(x.max(1).data), toNested(max(x, { axis: 1 }).data));
  assert.deepEqual(toNested(x.max(1).data), [5, 6]);
  assert.deepEqual(x.min(0, true).shape, [1, 3]);
  assert.deepEqual(
    toNested(x.min(0, true).data),
    toNested(min(x, { axis: 0, keepdims: true }).data),
  );
  assert.equal(x.mean().item(), mean(x).item());
  assert.equal(x.mean().item(), 3);
  assert.deepEqual(toNested(x.clip(1, 4).data), toNested(clip(x, 1, 4).data));
  assert.deepEqual(toNested(x.getItem([1, slice(0, 2)]).data), [4, 0]);
  assert.deepEqual(toNested(getItem(x, [1, slice(0, 2)]).data), [4, 0]);
  assert.deepEqual(x.expandDims(0).shape, expandDims(x, 0).shape);
  assert.deepEqual(
    x.expandDims(0).squeeze().shape,
    squeeze(expandDims(x, 0)).shape,
  );
  assert.deepEqual(
    x.reshape(2, 3, 1).flatten().shape,
    flatten(x.reshape(2, 3, 1)).shape,
  );
  x.getItem([0, 1]).backward();
  assert.deepEqual(toNested(x.grad!.data), [[0, 1, 0], [0, 0, 0]]);
});
