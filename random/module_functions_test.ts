import assert from "node:assert/strict";
import { toNested } from "../mod.ts";
import {
  choice,
  getState,
  normal,
  permutation,
  rand,
  randint,
  randn,
  RandomState,
  seed,
  setState,
  shuffle,
  uniform,
} from "./mod.ts";

Deno.test("module-level functions draw from one shared generator, as np.random", () => {
  seed(0);
  const reference = new RandomState(0);
  assert.deepEqual(toNested(randn(2, 3)), toNested(reference.randn(2, 3)));
  assert.equal(rand(), reference.rand());
  assert.deepEqual(toNested(rand(4)), toNested(reference.rand(4)));
  assert.equal(randn(), reference.randn());
  assert.deepEqual(
    toNested(randint(0, 10, 5)),
    toNested(reference.randint(0, 10, 5)),
  );
  assert.equal(randint(3), reference.randint(3));
  assert.deepEqual(
    toNested(uniform(-1, 1, [2])),
    toNested(reference.uniform(-1, 1, [2])),
  );
  assert.equal(uniform(), reference.uniform());
  assert.deepEqual(
    toNested(normal(1, 2, 3)),
    toNested(reference.normal(1, 2, 3)),
  );
  assert.equal(normal(), reference.normal());
  assert.deepEqual(
    toNested(permutation(7)),
    toNested(reference.permutation(7)),
  );
  const ours = [1, 2, 3, 4];
  const theirs = [1, 2, 3, 4];
  shuffle(ours);
  reference.shuffle(theirs);
  assert.deepEqual(ours, theirs);
  assert.deepEqual(toNested(choice(9, 4)), toNested(reference.choice(9, 4)));
  assert.equal(choice(9), reference.choice(9));
  assert.deepEqual(getState(), reference.getState());
});

Deno.test("setState moves the shared generator to another generator's state", () => {
  const other = new RandomState([1, 2, 3]);
  other.randn();
  setState(other.getState());
  assert.equal(randn(), other.randn());
  assert.throws(() => seed(-1), /seed must be between 0 and 2\*\*32-1/);
});
