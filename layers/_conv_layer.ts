// What Conv2d and Deconv2d share: reading their arguments, and checking an
// input against the layer before anything is drawn or computed, so errors
// name the layer and the shapes (the functions underneath would name the
// function, not the layer).

import { describe } from "../core/_describe.ts";
import { formatShape } from "../core/_ndarray.ts";
import { toPair } from "../functions/_conv.ts";

/** The arguments of a convolution layer, checked and with defaults filled. */
export interface ConvSettings {
  inChannels: number | null;
  outChannels: number;
  kernelSize: [number, number];
  stride: [number, number];
  pad: [number, number];
  nobias: boolean;
  dtype: "float64";
}

/** Read and check the constructor arguments of `layer` ("Conv2d", ...). */
export function readConvArguments(
  layer: string,
  outChannels: unknown,
  kernelSize: unknown,
  options: unknown,
): ConvSettings {
  checkCount(layer, "outChannels", outChannels);
  const kernel = toPair(layer, "kernel size", kernelSize, 1);
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `Cannot use ${
        describe(options)
      } as the options of ${layer}: expected an object`,
    );
  }
  const {
    stride = 1,
    pad = 0,
    nobias = false,
    inChannels = null,
    dtype = "float64",
  } = options as Record<string, unknown>;
  if (inChannels !== null) checkCount(layer, "inChannels", inChannels);
  if (typeof nobias !== "boolean") {
    throw new TypeError(
      `Cannot use ${
        describe(nobias)
      } as nobias of ${layer}: expected true or false`,
    );
  }
  if (dtype !== "float64") {
    throw new TypeError(
      `Cannot use dtype ${
        JSON.stringify(dtype)
      } in ${layer}: only "float64" is supported`,
    );
  }
  return {
    inChannels: inChannels as number | null,
    outChannels: outChannels as number,
    kernelSize: kernel,
    stride: toPair(layer, "stride", stride, 1),
    pad: toPair(layer, "padding", pad, 0),
    nobias,
    dtype,
  };
}

/** A TypeError unless the input is an NCHW image batch. */
export function checkImages(layer: string, shape: readonly number[]): void {
  if (shape.length !== 4) {
    throw new TypeError(
      `Cannot apply ${layer} to an input of shape ${
        formatShape(shape)
      }: expected a 4-d input [N, C, H, W]`,
    );
  }
}

/**
 * A TypeError unless the input has the channels the filters expect
 * (`axis` of W: 1 for a convolution's `[OC, C, KH, KW]`, 0 for a
 * transposed one's `[C, OC, KH, KW]`).
 */
export function checkChannels(
  layer: string,
  shape: readonly number[],
  wShape: readonly number[],
  axis: 0 | 1,
): void {
  const expected = wShape[axis];
  if (shape[1] !== expected) {
    throw new TypeError(
      `Cannot apply ${layer} to an input of shape ${
        formatShape(shape)
      }: it has ${shape[1]} channels, but the layer's filters W have shape ${
        formatShape(wShape)
      }, so it expects [N,${expected},H,W]`,
    );
  }
}

function checkCount(layer: string, name: string, value: unknown): void {
  if (typeof value !== "number") {
    throw new TypeError(
      `Cannot use ${
        describe(value)
      } as ${name} of ${layer}: expected a positive integer`,
    );
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `Cannot use ${value} as ${name} of ${layer}: expected a positive integer`,
    );
  }
}
