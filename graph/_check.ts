// Checks of what users pass to the graph pictures, so that a wrong argument
// fails at once with a message naming the function, what it expects and what
// it was given.

import { describe } from "../core/_describe.ts";
import { Variable } from "../mod.ts";

/**
 * The variables to draw: `output` itself or the elements of an array of
 * Variables, or a TypeError that says `caller` expects `expected`.
 */
export function checkOutputs(
  caller: string,
  output: unknown,
  expected: string,
): Variable[] {
  if (output instanceof Variable) return [output];
  if (!Array.isArray(output)) {
    throw new TypeError(
      `Cannot draw ${describe(output)}: ${caller} expects ${expected}`,
    );
  }
  if (output.length === 0) {
    throw new RangeError(
      `Cannot draw an empty array: ${caller} expects at least one Variable`,
    );
  }
  for (let i = 0; i < output.length; i++) {
    if (!(output[i] instanceof Variable)) {
      throw new TypeError(
        `Cannot draw ${
          describe(output[i])
        } at index ${i}: ${caller} expects ${expected}`,
      );
    }
  }
  return output as Variable[];
}

/**
 * The options object (`{}` for `null` or `undefined`, which mean the
 * defaults), or a TypeError if it is not an object or has a key not in
 * `known`, so that a misspelt option is not silently ignored.
 */
export function checkOptions(
  caller: string,
  options: unknown,
  known: readonly string[] = ["verbose"],
): Record<string, unknown> {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(
      `Cannot use ${
        describe(options)
      } as options: ${caller} expects an object such as { verbose: true }`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new TypeError(
        `Cannot use the option "${key}": ${caller} knows only ${
          known.join(" and ")
        }`,
      );
    }
  }
  return options as Record<string, unknown>;
}

/** The `verbose` option: `false` if absent, or a TypeError if not boolean. */
export function checkVerbose(
  caller: string,
  options: Record<string, unknown>,
): boolean {
  const verbose = options.verbose;
  if (verbose === undefined) return false;
  if (typeof verbose !== "boolean") {
    throw new TypeError(
      `Cannot use ${
        describe(verbose)
      } as the verbose option: ${caller} expects true or false`,
    );
  }
  return verbose;
}
