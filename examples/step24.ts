// Step 24 of the book: differentiating complex functions.
//
// Three functions used to test optimisers, each written as a plain function
// of Variables, and their gradients at (x, y) = (1, 1):
//
//   sphere:          z = x² + y²
//   matyas:          z = 0.26(x² + y²) - 0.48xy
//   Goldstein-Price: z = [1 + (x + y + 1)²(19 - 14x + 3x² - 14y + 6xy + 3y²)]
//                      · [30 + (2x - 3y)²(18 - 32x + 12x² + 48y - 36xy + 27y²)]
//
// Python writes them with operators; here they are methods and helpers,
// nested in the order Python applies its operators (`**` before `*` before
// `+` and `-`, each from left to right), so the same operations run on the
// same numbers.
//
// Run: deno run examples/step24.ts
// Prints: each function's name and dz/dx dz/dy:
//   sphere 2.0 2.0
//   matyas 0.040000000000000036 0.040000000000000036
//   goldstein -5376.0 8064.0

import { add, array, mul, sub, Variable } from "../mod.ts";

function sphere(x: Variable, y: Variable): Variable {
  return x.pow(2).add(y.pow(2));
}

function matyas(x: Variable, y: Variable): Variable {
  return mul(0.26, x.pow(2).add(y.pow(2))).sub(mul(0.48, x).mul(y));
}

function goldstein(x: Variable, y: Variable): Variable {
  const a = add(
    1,
    x.add(y).add(1).pow(2).mul(
      sub(19, mul(14, x))
        .add(mul(3, x.pow(2)))
        .sub(mul(14, y))
        .add(mul(6, x).mul(y))
        .add(mul(3, y.pow(2))),
    ),
  );
  const b = add(
    30,
    mul(2, x).sub(mul(3, y)).pow(2).mul(
      sub(18, mul(32, x))
        .add(mul(12, x.pow(2)))
        .add(mul(48, y))
        .sub(mul(36, x).mul(y))
        .add(mul(27, y.pow(2))),
    ),
  );
  return a.mul(b);
}

for (const f of [sphere, matyas, goldstein]) {
  const x = new Variable(array(1.0));
  const y = new Variable(array(1.0));
  const z = f(x, y);
  z.backward();
  console.log(f.name, x.grad?.data, y.grad?.data);
}
