// Layer: something that owns parameters and computes with them (book step
// 44). Parameters and sub-layers are found by reading the layer's own
// properties (see _traverse.ts), so a subclass just assigns them.

import { describe } from "../core/_describe.ts";
import {
  type Float64NdArray,
  formatShape,
  sameShape,
} from "../core/_ndarray.ts";
import { loadNpz } from "../io/load_npz.ts";
import { saveNpz } from "../io/save_npz.ts";
import type { Operand } from "../core/function.ts";
import { asVariable } from "../core/as_variable.ts";
import type { Parameter } from "../core/parameter.ts";
import { Variable } from "../core/variable.ts";
import { ownedBy } from "./_traverse.ts";

/**
 * The base class of layers and models: a subclass assigns its parameters
 * (`this.W = new Parameter(...)`) and sub-layers (`this.l1 = new
 * Linear(10)`) to properties and implements `forward`.
 *
 * What a layer owns is found by walking its own enumerable properties in
 * the order they were assigned: a {@linkcode Parameter}, a `Layer`, or an
 * array of them (named `key/0`, `key/1`, ...). `#private` fields,
 * non-enumerable properties and any other values are ignored, so keep a
 * list you do not want counted (for example a second list of the same
 * sub-layers) in a `#private` field.
 *
 * @example A layer of your own
 * ```ts
 * import { array, Parameter, type Variable } from "@dezero/core";
 * import { Layer } from "@dezero/core/layers";
 * import assert from "node:assert/strict";
 *
 * class Scale extends Layer {
 *   a = new Parameter(array(2), { name: "a" });
 *   forward(x: Variable): Variable {
 *     return x.mul(this.a);
 *   }
 * }
 *
 * const layer = new Scale();
 * const y = layer.call(array([1, 2]));
 * y.sum().backward();
 * assert.equal(layer.a.grad?.data.get(), 3);
 * assert.deepEqual([...layer.params()], [layer.a]);
 * ```
 */
export abstract class Layer {
  // The last call's inputs and outputs, held strongly: a WeakRef would keep
  // its target alive until the current job ends (V8's rule), so a
  // synchronous training loop would keep every step's graph. Holding only
  // the last call's keeps at most one step alive.
  #inputs: Variable[] = [];
  #outputs: Variable[] = [];

  /**
   * Compute the layer's output(s) from its inputs, with differentiable
   * functions. Called by {@linkcode Layer.call} and {@linkcode Layer.apply}.
   *
   * @param inputs The inputs, as Variables.
   * @returns One output, or an array of them.
   */
  abstract forward(...inputs: Variable[]): Variable | Variable[];

  /**
   * Run `forward` on the inputs (numbers and arrays are wrapped in
   * Variables first) and remember the last call's inputs and outputs (DeZero
   * keeps weak references; here only the last call's are kept, so a layer
   * never keeps more than one step's graph alive).
   *
   * @param inputs The inputs.
   * @returns The single output.
   */
  call(...inputs: Operand[]): Variable {
    const outputs = this.#run(inputs);
    if (outputs.length !== 1) {
      throw new TypeError(
        `Cannot return ${outputs.length} outputs from ${this.constructor.name}.call: use apply() for layers with several outputs`,
      );
    }
    return outputs[0];
  }

  /**
   * Run `forward` as {@linkcode Layer.call} does, for a layer with several
   * outputs.
   *
   * @param inputs The inputs.
   * @returns The outputs, always as an array.
   */
  apply(...inputs: Operand[]): Variable[] {
    return this.#run(inputs);
  }

  /** The inputs of the last call. */
  get inputs(): Variable[] {
    return this.#inputs.slice();
  }

  /** The outputs of the last call. */
  get outputs(): Variable[] {
    return this.#outputs.slice();
  }

  /**
   * Every parameter of this layer and of its sub-layers, depth first in
   * the order the properties were assigned, each once even when shared.
   *
   * @returns A generator of the parameters.
   */
  *params(): Generator<Parameter> {
    const seen = new Set<Parameter>();
    for (const [, parameter] of walk(this, "", [])) {
      if (seen.has(parameter)) continue;
      seen.add(parameter);
      yield parameter;
    }
  }

  /** Forget the gradient of every parameter (DeZero's `cleargrads`). */
  clearGrads(): void {
    for (const parameter of this.params()) parameter.clearGrad();
  }

  /**
   * The parameters by path, as DeZero's `_flatten_params` names them for
   * weight files: a property name, and sub-layers joined with `/` (`l0/W`,
   * `encoder/l1/b`). A parameter reachable by two paths is listed under
   * both. This is the table `saveWeights` / `loadWeights` read and write.
   *
   * @returns A map from path to parameter, in traversal order.
   * @throws {TypeError} If a layer contains itself.
   *
   * @example
   * ```ts
   * import { Linear, Layer } from "@dezero/core/layers";
   * import type { Variable } from "@dezero/core";
   * import assert from "node:assert/strict";
   *
   * class TwoLayer extends Layer {
   *   l0 = new Linear(3, { inSize: 2 });
   *   l1 = new Linear(1, { inSize: 3, nobias: true });
   *   forward(x: Variable): Variable {
   *     return this.l1.call(this.l0.call(x));
   *   }
   * }
   *
   * const names = [...new TwoLayer().flattenParams().keys()];
   * assert.deepEqual(names, ["l0/W", "l0/b", "l1/W"]);
   * ```
   */
  flattenParams(): Map<string, Parameter> {
    return new Map(walk(this, "", []));
  }

  /**
   * Save the parameters' data to a NumPy `.npz` file (compressed, as
   * DeZero's `save_weights`), named as {@linkcode Layer.flattenParams}
   * names them (`l0/W`). Parameters without data yet (a `Linear` never
   * called) are left out. `np.load` reads the file, and DeZero's
   * `load_weights` loads it into the same model.
   *
   * @param path The file to write.
   *
   * @example
   * ```ts
   * import { array } from "@dezero/core";
   * import { MLP } from "@dezero/core/models";
   * import assert from "node:assert/strict";
   *
   * const path = Deno.makeTempFileSync({ suffix: ".npz" });
   * const a = new MLP([3, 1]);
   * a.call(array([[1, 2]]));
   * a.saveWeights(path);
   * const b = new MLP([3, 1]);
   * b.loadWeights(path);
   * assert.equal(b.call(array([[1, 2]])).item(), a.call(array([[1, 2]])).item());
   * ```
   */
  saveWeights(path: string | URL): void {
    const arrays: Record<string, Float64NdArray> = {};
    for (const [name, param] of this.flattenParams()) {
      if (param.hasData) arrays[name] = param.data;
    }
    saveNpz(path, arrays, { compressed: true });
  }

  /**
   * Load parameters saved by {@linkcode Layer.saveWeights} or by DeZero's
   * `save_weights` (float32 files become float64). Every name and shape is
   * checked before anything is assigned: a file that does not fit leaves
   * the layer as it was and the error names the parameters that differ. A
   * parameter without data yet takes the file's shape.
   *
   * @param path The `.npz` file.
   */
  loadWeights(path: string | URL): void {
    const arrays = loadNpz(path);
    const params = this.flattenParams();
    const problems: string[] = [];
    for (const [name, param] of params) {
      const a = arrays[name];
      if (a === undefined) {
        problems.push(`"${name}" is missing`);
      } else if (param.hasData && !sameShape(param.data.shape, a.shape)) {
        problems.push(
          `"${name}" has shape ${formatShape(a.shape)}, expected ${
            formatShape(param.data.shape)
          }`,
        );
      }
    }
    for (const name of Object.keys(arrays)) {
      if (!params.has(name)) problems.push(`"${name}" is not a parameter`);
    }
    if (problems.length > 0) {
      throw new TypeError(
        `Cannot load the weights of ${this.constructor.name} from ${
          String(path)
        }: ${problems.join("; ")}`,
      );
    }
    for (const [name, param] of params) param.data = arrays[name];
  }

  #run(inputs: Operand[]): Variable[] {
    const variables = inputs.map((input, i) => {
      try {
        return asVariable(input);
      } catch {
        throw new TypeError(
          `Cannot call ${this.constructor.name} with ${
            describe(input)
          } as input ${i}: expected a Variable, a number or a float64 ndarray`,
        );
      }
    });
    const result = this.forward(...variables);
    const outputs = Array.isArray(result) ? result : [result];
    for (const output of outputs) {
      if (!(output instanceof Variable)) {
        throw new TypeError(
          `Cannot use the result of ${this.constructor.name}.forward: expected a Variable or an array of Variables, got ${
            describe(Array.isArray(result) ? output : result)
          }`,
        );
      }
    }
    this.#inputs = variables;
    this.#outputs = outputs;
    return outputs;
  }
}

/** Path and parameter of everything under `layer`, depth first. */
function* walk(
  layer: Layer,
  prefix: string,
  ancestors: Layer[],
): Generator<[string, Parameter]> {
  ancestors.push(layer);
  for (const owned of ownedBy(layer, isLayer)) {
    const name = prefix === "" ? owned.name : `${prefix}/${owned.name}`;
    if (owned.parameter !== undefined) {
      yield [name, owned.parameter];
      continue;
    }
    const child = owned.layer as Layer;
    if (ancestors.includes(child)) {
      throw new TypeError(
        `Cannot collect the parameters of ${
          ancestors[0].constructor.name
        }: the layer at "${name}" contains itself`,
      );
    }
    yield* walk(child, name, ancestors);
  }
  ancestors.pop();
}

function isLayer(value: unknown): boolean {
  return value instanceof Layer;
}
