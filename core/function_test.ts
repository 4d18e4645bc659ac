import assert from "node:assert/strict";
import {
  array,
  type Float64NdArray,
  Function,
  Square,
  Variable,
} from "../mod.ts";

class Identity extends Function {
  forward(x: Float64NdArray): Float64NdArray {
    return x;
  }
  backward(gy: Variable): Variable {
    return gy;
  }
}

Deno.test("call() runs forward, wraps the result and links the graph", () => {
  const f = new Square();
  const x = new Variable(array(10));
  const y = f.call(x);
  assert.ok(y instanceof Variable);
  assert.equal(y.data.get(), 100);
  assert.equal(y.creator, f);
  assert.deepEqual(f.inputs, [x]);
  assert.deepEqual(f.outputs, [y]);
  assert.equal(f.name, "Square");
});

Deno.test("call() rejects inputs that are not operands, naming the function", async (t) => {
  for (const value of ["x", undefined, null, { data: 1 }, [1, 2], true]) {
    await t.step(String(value), () => {
      const f = new Square();
      assert.throws(
        () => f.call(value as never),
        (e: Error) =>
          e instanceof TypeError && /Cannot call Square on/.test(e.message) &&
          /input 0 must be a Variable, a number or a float64 ndarray/.test(
            e.message,
          ),
      );
      assert.equal(f.inputs.length, 0);
    });
  }
});

Deno.test("call() twice on one instance is an error that keeps the graph", () => {
  const f = new Square();
  const x = new Variable(array(2));
  const y = f.call(x);
  assert.throws(
    () => f.call(new Variable(array(3))),
    /Cannot call Square twice/,
  );
  assert.deepEqual(f.inputs, [x]);
  assert.equal(y.data.get(), 4);
});

Deno.test("a forward that returns something other than an ndarray is a TypeError", () => {
  class Bad extends Function {
    forward(x: Float64NdArray): Float64NdArray {
      return x.get() as unknown as Float64NdArray;
    }
    backward(gy: Variable): Variable {
      return gy;
    }
  }
  const x = new Variable(array(2));
  assert.throws(
    () => new Bad().call(x),
    (e: Error) =>
      e instanceof TypeError &&
      /Bad.forward: expected a float64 ndarray, got number 2/.test(e.message),
  );
  assert.equal(x.creator, null);
});

Deno.test("a backward that returns the wrong shape is a TypeError naming it", () => {
  class WrongShape extends Identity {
    override backward(_gy: Variable): Variable {
      return new Variable(array([1, 2, 3]));
    }
  }
  const x = new Variable(array([1, 2]));
  const y = new WrongShape().call(x);
  assert.throws(
    () => y.backward(),
    (e: Error) =>
      e instanceof TypeError && /WrongShape.backward/.test(e.message) &&
      /shape \[3\], expected the input's shape \[2\]/.test(e.message),
  );
  assert.equal(x.grad, null);
});

Deno.test("the base class leaves forward and backward to subclasses", () => {
  const x = new Variable(array(1));
  const y = new Identity().call(x);
  y.backward();
  assert.equal(x.grad?.data.get(), 1);
});

Deno.test("a subclass of a subclass reports its own name", () => {
  class Base extends Square {}
  class Derived extends Base {}
  assert.equal(new Base().name, "Base");
  assert.equal(new Derived().name, "Derived");
  assert.equal(new Base().name, "Base");
});
