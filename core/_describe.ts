// Short descriptions of arbitrary values for error messages: they say what was
// given without dumping it.

import { formatShape, isFloat64NdArray } from "./_ndarray.ts";

/** Describe a value for an error message: `number 3`, `string "abc"`, ... */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  switch (typeof value) {
    case "number":
      return `number ${value}`;
    case "string":
      return `string ${JSON.stringify(truncate(value))}`;
    case "boolean":
    case "bigint":
    case "symbol":
      return `${typeof value} ${String(value)}`;
    case "function":
      return `function ${value.name || "(anonymous)"}`;
  }
  if (isFloat64NdArray(value)) {
    return `float64 ndarray of shape ${formatShape(value.shape)}`;
  }
  const candidate = value as { dtype?: unknown; shape?: unknown };
  if (typeof candidate.dtype === "string" && Array.isArray(candidate.shape)) {
    return `${candidate.dtype} ndarray of shape ${
      formatShape(candidate.shape as number[])
    }`;
  }
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) {
    return `${value.constructor.name} of length ${
      (value as unknown as ArrayLike<number>).length
    }`;
  }
  const name = (value as object).constructor?.name;
  return name && name !== "Object" ? `${name} object` : "object";
}

function truncate(text: string): string {
  return text.length > 40 ? text.slice(0, 37) + "..." : text;
}
