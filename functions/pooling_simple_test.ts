import { pooling, poolingSimple, type Variable } from "../mod.ts";
import { assertAllClose, gradientCheck } from "../testing/mod.ts";
import { randomArray } from "./testdata/_conv_reference.ts";

Deno.test("poolingSimple() and pooling() agree without padding", () => {
  const x = randomArray([2, 3, 6, 5], 6);
  for (const [kernel, stride] of [[2, 2], [3, 1], [[2, 3], [1, 2]]] as const) {
    assertAllClose(
      poolingSimple(x, kernel, stride),
      pooling(x, kernel, stride),
      {
        rtol: 0,
        atol: 0,
      },
    );
  }
  gradientCheck((x: Variable) => poolingSimple(x, 2, 1), [
    randomArray([1, 2, 4, 4], 7),
  ]);
});
