// Issue 8, sections 2 and 3: nothing a user holds can silently change the
// graph, and misuse of the core gets an error that says what was wrong.

import assert from "node:assert/strict";
import {
  Add,
  add,
  array,
  Exp,
  exp,
  type Float64NdArray,
  Function,
  mul,
  square,
  Variable,
} from "../mod.ts";

Deno.test("replacing a used variable's data makes backward() throw, naming both", () => {
  const x = new Variable(array(3), "x");
  const y = square(x);
  x.data = array(5);
  assert.throws(
    () => y.backward(),
    (e: Error) =>
      /Square/.test(e.message) && /variable "x"/.test(e.message) &&
      /input 0/.test(e.message),
  );
  assert.equal(x.grad === null, true);
  // A fresh forward after the change is fine.
  square(x).backward();
  assert.equal(x.grad?.item(), 10);
});

Deno.test("replacing an output's data that backward reads is detected too", () => {
  const x = new Variable(array(1));
  const y = exp(x); // Exp's backward reads its output
  const z = mul(y, 2);
  y.data = array(100);
  assert.throws(() => z.backward(), /Exp.*output 0|Mul/);
});

Deno.test("retained intermediate gradients accumulate over passes like leaves", () => {
  const x = new Variable(array(2));
  const h = square(x); // dh/dx = 4
  const y = mul(h, 3); // dy/dh = 3
  y.backward({ retainGrad: true });
  assert.equal(h.grad?.item(), 3);
  y.backward({ retainGrad: true });
  assert.equal(h.grad?.item(), 6);
  assert.equal(x.grad?.item(), 24);
  // The output keeps its seed, as in DeZero.
  assert.equal(y.grad?.item(), 1);
});

Deno.test("a backward that runs a backward pass of its own does not corrupt the outer pass", () => {
  // Inner: a Function whose backward differentiates a second graph that
  // shares a node with the outer one, then returns the true gradient 2x.
  const x = new Variable(array(3));
  const shared = square(x); // both graphs go through this node
  const inner = mul(add(shared, new Variable(array(1))), 5);
  class Noisy extends Function {
    forward(a: Float64NdArray): Float64NdArray {
      return a;
    }
    backward(gy: Variable): Variable {
      inner.backward();
      return gy;
    }
  }
  const y = add(new Noisy().call(shared), shared); // y = 2x², dy/dx = 4x
  y.backward();
  // The inner pass added 5 · d(shared)/dx = 5 · 6 = 30 to x.grad; the
  // outer one adds 12. Without per-pass bookkeeping the outer one is lost.
  assert.equal(x.grad?.item(), 42);
});

Deno.test("Function.call checks the number of inputs against forward", () => {
  const x = new Variable(array(1));
  assert.throws(
    () => new Exp().call(),
    /Exp with 0 input\(s\): its forward takes 1/,
  );
  assert.throws(
    () => new Add().call(x),
    /Add with 1 input\(s\): its forward takes 2/,
  );
  assert.throws(
    () => new Exp().call(x, x),
    (e: Error) => e instanceof TypeError,
  );
});

Deno.test("a Function subclass without forward or backward gets a clear error", () => {
  // deno-lint-ignore no-explicit-any
  const NoForward = class NoForward extends (Function as any) {};
  assert.throws(
    () => new NoForward().call(new Variable(array(1))),
    /NoForward: it has no forward method/,
  );
  // deno-lint-ignore no-explicit-any
  class NoBackward extends (Function as any) {
    forward(a: Float64NdArray): Float64NdArray {
      return a;
    }
  }
  const y = new NoBackward().call(new Variable(array(1)));
  assert.throws(() => y.backward(), /NoBackward: it has no backward method/);
});

Deno.test("backward() options: null means defaults, anything else wrong is a TypeError", () => {
  const x = new Variable(array(2));
  square(x).backward(null);
  assert.equal(x.grad?.item(), 4);
  // deno-lint-ignore no-explicit-any
  const y = square(x) as any;
  assert.throws(
    () => y.backward("yes"),
    /Variable.backward\(\): expected \{ retainGrad/,
  );
  assert.throws(() => y.backward({ retain_grad: true }), /"retain_grad"/);
  assert.throws(
    () => y.backward({ createGraph: 1 }),
    /createGraph to number 1/,
  );
  assert.equal(x.grad?.item(), 4);
});

Deno.test("new Variable(data, 'x') names it, as DeZero's Variable(data, 'x')", () => {
  assert.equal(new Variable(array(1), "x").name, "x");
  assert.equal(new Variable(array(1), { name: "y" }).name, "y");
  // deno-lint-ignore no-explicit-any
  assert.throws(() => new Variable(array(1), 3 as any), TypeError);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => new Variable(array(1), { name: 3 } as any), TypeError);
});

Deno.test("a Function with 100,000 inputs works through forwardList and applyList", () => {
  class SumAll extends Function {
    forward(): Float64NdArray {
      throw new Error("not called: forwardList is defined");
    }
    override forwardList(xs: Float64NdArray[]): Float64NdArray {
      let total = 0;
      for (const x of xs) total += x.get();
      return array(total);
    }
    backward(gy: Variable): Variable[] {
      return this.inputs.map(() => gy);
    }
  }
  const xs = Array.from({ length: 100_000 }, (_, i) => new Variable(array(i)));
  const [y] = new SumAll().applyList(xs);
  y.backward();
  assert.equal(y.item(), 4999950000);
  assert.equal(xs[99_999].grad?.item(), 1);
});

Deno.test("a Function with 100,000 outputs works through backwardList", () => {
  const n = 100_000;
  class Spread extends Function {
    forward(a: Float64NdArray): Float64NdArray[] {
      return Array.from({ length: n }, (_, i) => array(a.get() * i));
    }
    backward(): Variable {
      throw new Error("not called: backwardList is defined");
    }
    override backwardList(gys: Variable[]): Variable {
      let total = 0;
      for (let i = 0; i < gys.length; i++) total += gys[i].data.get() * i;
      return new Variable(array(total));
    }
  }
  const x = new Variable(array(2));
  const outputs = new Spread().apply(x);
  assert.equal(outputs.length, n);
  add(outputs[3], outputs[7]).backward();
  assert.equal(x.grad?.item(), 10);
});

Deno.test("detach() shares values without the graph; unchain() cuts one link", () => {
  const x = new Variable(array(3));
  const y = square(x);
  const c = y.detach();
  assert.equal(c.creator, null);
  assert.equal(c.data, y.data);
  mul(c, x).backward();
  assert.equal(x.grad?.item(), 9); // c is a constant: d(c·x)/dx = c
  y.unchain();
  assert.equal(y.creator, null);
});

Deno.test("unchainBackward() cuts every link upstream, iteratively", () => {
  const x = new Variable(array(0.5));
  let h = x;
  const nodes: Variable[] = [];
  for (let i = 0; i < 200_000; i++) {
    h = exp(mul(h, 0));
    nodes.push(h);
  }
  h.unchainBackward();
  assert.notEqual(h.creator, null);
  assert.equal(nodes[nodes.length - 2].creator, null);
  assert.equal(nodes[0].creator, null);
  h.backward();
  assert.equal(x.grad, null); // the pass stops at the cut
});
