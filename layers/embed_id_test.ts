import assert from "node:assert/strict";
import { array, type NestedNumbers, Variable } from "../mod.ts";
import { randn, seed } from "../random/mod.ts";
import { assertAllClose } from "../testing/mod.ts";
import { EmbedID } from "./embed_id.ts";
import fixtures from "./testdata/recurrent_fixtures.json" with {
  type: "json",
};

const f = fixtures.embed;

Deno.test("EmbedID matches torch.nn.Embedding, repeated ids adding their gradients", () => {
  const embed = new EmbedID(5, 3);
  embed.W.data = array(f.W);
  const y = embed.call(array(f.ids));
  assertAllClose(y.data, array(f.y as NestedNumbers[]), { rtol: 0, atol: 0 });
  y.mul(array(f.G as NestedNumbers[])).sum().backward();
  assertAllClose(embed.W.grad!.data, array(f.gW), { rtol: 1e-14 });
});

Deno.test("EmbedID draws W as DeZero's np.random.randn(in, out)", () => {
  seed(3);
  const expected = randn(4, 2);
  seed(3);
  const embed = new EmbedID(4, 2);
  assert.deepEqual(embed.W.data.data, expected.data);
  assert.deepEqual([...embed.flattenParams().keys()], ["W"]);
});

Deno.test("EmbedID looks up one id as a vector", () => {
  const embed = new EmbedID(3, 2);
  embed.W.data = array([[1, 2], [3, 4], [5, 6]]);
  assert.deepEqual([...embed.call(2).data.data], [5, 6]);
  assert.deepEqual(embed.call(new Variable(array([0, 0]))).shape, [2, 2]);
});

Deno.test("EmbedID rejects ids out of range or not integers, and bad sizes", () => {
  const embed = new EmbedID(3, 2);
  assert.throws(
    () => embed.call(array([0, 3])),
    new RangeError(
      "Cannot look up id 3 in EmbedID: expected integers from 0 to 2, as W has shape [3,2]",
    ),
  );
  assert.throws(() => embed.call(array([-1])), RangeError);
  assert.throws(() => embed.call(array([0.5])), RangeError);
  assert.throws(
    () => new EmbedID(3, 0),
    new RangeError(
      "Cannot use 0 as outSize of EmbedID: expected a positive integer",
    ),
  );
});
