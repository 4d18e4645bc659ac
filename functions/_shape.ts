import { checkShape, type ShapeRules } from "../core/_check_shape.ts";

/**
 * A copy of a shape argument, or a TypeError (RangeError for too many
 * elements) naming the function; see `checkShape`.
 */
export function checkShapeArgument(
  caller: string,
  shape: unknown,
  rules?: ShapeRules,
): readonly number[] {
  return checkShape(caller, shape, rules);
}
