// A straightforward define-by-run engine in TypeScript, the baseline the
// issue names: every value allocates its own Float64Array, backward sorts
// the graph by recursion-free DFS. Only for comparison in the benchmarks.

export class NaiveValue {
  data: Float64Array;
  grad: Float64Array;
  parents: NaiveValue[];
  backwardStep: () => void = () => {};

  constructor(value: number, parents: NaiveValue[] = []) {
    this.data = new Float64Array(1);
    this.data[0] = value;
    this.grad = new Float64Array(1);
    this.parents = parents;
  }

  square(): NaiveValue {
    const out = new NaiveValue(this.data[0] * this.data[0], [this]);
    out.backwardStep = () => {
      this.grad[0] += 2 * this.data[0] * out.grad[0];
    };
    return out;
  }

  exp(): NaiveValue {
    const out = new NaiveValue(Math.exp(this.data[0]), [this]);
    out.backwardStep = () => {
      this.grad[0] += out.data[0] * out.grad[0];
    };
    return out;
  }

  mul(c: number): NaiveValue {
    const out = new NaiveValue(this.data[0] * c, [this]);
    out.backwardStep = () => {
      this.grad[0] += c * out.grad[0];
    };
    return out;
  }

  backward(): void {
    const order: NaiveValue[] = [];
    const seen = new Set<NaiveValue>();
    const stack: [NaiveValue, boolean][] = [[this, false]];
    while (stack.length > 0) {
      const [node, expanded] = stack.pop()!;
      if (expanded) {
        order.push(node);
        continue;
      }
      if (seen.has(node)) continue;
      seen.add(node);
      stack.push([node, true]);
      for (const parent of node.parents) stack.push([parent, false]);
    }
    this.grad[0] = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();
  }
}
