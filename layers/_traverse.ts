// How a Layer finds what it owns. TypeScript has no __setattr__, so instead
// of recording assignments (as DeZero does) a layer is read when asked: its
// own enumerable properties, in insertion order, that hold a Parameter, a
// Layer, or an array of them (entries named "key/0", "key/1", ...).
// `#private` fields, non-enumerable properties, getters on the prototype and
// anything else (numbers, functions, null) are not parameters.

import { Parameter } from "../core/parameter.ts";

/** What a layer owns under one name. */
export type Owned =
  | { name: string; parameter: Parameter; layer?: undefined }
  | { name: string; layer: object; parameter?: undefined };

/** The parameters and layers directly owned by `layer`, with their names. */
export function* ownedBy(
  layer: object,
  isLayer: (value: unknown) => boolean,
): Generator<Owned> {
  for (const key of Object.keys(layer)) {
    const value = (layer as Record<string, unknown>)[key];
    if (value instanceof Parameter) {
      yield { name: key, parameter: value };
    } else if (isLayer(value)) {
      yield { name: key, layer: value as object };
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item instanceof Parameter) {
          yield { name: `${key}/${i}`, parameter: item };
        } else if (isLayer(item)) {
          yield { name: `${key}/${i}`, layer: item as object };
        }
      }
    }
  }
}
