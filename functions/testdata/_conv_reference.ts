// Independent references for the convolution tests: the textbook definitions
// as nested loops over indices, with no im2col, no matrix product and
// nothing shared with the code under test.

import { type Float64NdArray, zeros } from "../../mod.ts";
import { seededRandom } from "../../testing/_random.ts";

/** A pair from an int or a pair. */
export function pairOf(
  v: number | readonly [number, number],
): [number, number] {
  return typeof v === "number" ? [v, v] : [v[0], v[1]];
}

/** Uniform values in [-1, 1) of a shape, from a seed. */
export function randomArray(shape: number[], seed: number): Float64NdArray {
  const next = seededRandom(seed);
  const a = zeros(shape);
  for (let i = 0; i < a.data.length; i++) a.data[i] = 2 * next() - 1;
  return a;
}

/** x[n, c, h, w], or 0 in the padding. */
function at(
  x: Float64NdArray,
  n: number,
  c: number,
  h: number,
  w: number,
): number {
  if (h < 0 || w < 0 || h >= x.shape[2] || w >= x.shape[3]) return 0;
  return x.get(n, c, h, w);
}

/** y[n, o, i, j] = b[o] + Σ_c,p,q x[n, c, i·sh + p - ph, j·sw + q - pw] · W[o, c, p, q]. */
export function directConv2d(
  x: Float64NdArray,
  W: Float64NdArray,
  b: Float64NdArray | undefined,
  stride: number | [number, number],
  pad: number | [number, number],
): Float64NdArray {
  const [sh, sw] = pairOf(stride);
  const [ph, pw] = pairOf(pad);
  const [N, C, H, Wd] = x.shape;
  const [OC, , KH, KW] = W.shape;
  const OH = Math.floor((H + 2 * ph - KH) / sh) + 1;
  const OW = Math.floor((Wd + 2 * pw - KW) / sw) + 1;
  const y = zeros([N, OC, OH, OW]);
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < OC; o++) {
      for (let i = 0; i < OH; i++) {
        for (let j = 0; j < OW; j++) {
          let total = b === undefined ? 0 : b.get(o);
          for (let c = 0; c < C; c++) {
            for (let p = 0; p < KH; p++) {
              for (let q = 0; q < KW; q++) {
                total += at(x, n, c, i * sh + p - ph, j * sw + q - pw) *
                  W.get(o, c, p, q);
              }
            }
          }
          y.set(n, o, i, j, total);
        }
      }
    }
  }
  return y;
}

/**
 * The transposed convolution by scattering: each x[n, c, i, j] adds
 * x · W[c, o, p, q] at output (i·sh + p - ph, j·sw + q - pw), when inside.
 */
export function directDeconv2d(
  x: Float64NdArray,
  W: Float64NdArray,
  b: Float64NdArray | undefined,
  stride: number | [number, number],
  pad: number | [number, number],
  outsize?: [number, number],
): Float64NdArray {
  const [sh, sw] = pairOf(stride);
  const [ph, pw] = pairOf(pad);
  const [N, C, H, Wd] = x.shape;
  const [, OC, KH, KW] = W.shape;
  const [OH, OW] = outsize ??
    [sh * (H - 1) + KH - 2 * ph, sw * (Wd - 1) + KW - 2 * pw];
  const y = zeros([N, OC, OH, OW]);
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < OC; o++) {
      for (let h = 0; h < OH; h++) {
        for (let w = 0; w < OW; w++) y.set(n, o, h, w, b?.get(o) ?? 0);
      }
      for (let c = 0; c < C; c++) {
        for (let i = 0; i < H; i++) {
          for (let j = 0; j < Wd; j++) {
            for (let p = 0; p < KH; p++) {
              for (let q = 0; q < KW; q++) {
                const h = i * sh + p - ph;
                const w = j * sw + q - pw;
                if (h < 0 || w < 0 || h >= OH || w >= OW) continue;
                y.set(
                  n,
                  o,
                  h,
                  w,
                  y.get(n, o, h, w) + x.get(n, c, i, j) * W.get(c, o, p, q),
                );
              }
            }
          }
        }
      }
    }
  }
  return y;
}

/**
 * Pooling by definition: `reduce` over the window's elements inside the
 * image (max) or over all KH·KW positions with zeros in the padding (mean).
 */
export function directPooling(
  x: Float64NdArray,
  kernel: number | [number, number],
  stride: number | [number, number],
  pad: number | [number, number],
  kind: "max" | "mean",
): Float64NdArray {
  const [kh, kw] = pairOf(kernel);
  const [sh, sw] = pairOf(stride);
  const [ph, pw] = pairOf(pad);
  const [N, C, H, W] = x.shape;
  const OH = Math.floor((H + 2 * ph - kh) / sh) + 1;
  const OW = Math.floor((W + 2 * pw - kw) / sw) + 1;
  const y = zeros([N, C, OH, OW]);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      for (let i = 0; i < OH; i++) {
        for (let j = 0; j < OW; j++) {
          const values: number[] = [];
          for (let p = 0; p < kh; p++) {
            for (let q = 0; q < kw; q++) {
              const h = i * sh + p - ph;
              const w = j * sw + q - pw;
              const inside = h >= 0 && w >= 0 && h < H && w < W;
              if (inside) values.push(x.get(n, c, h, w));
              else if (kind === "mean") values.push(0);
            }
          }
          y.set(
            n,
            c,
            i,
            j,
            kind === "max"
              ? Math.max(...values)
              : values.reduce((s, v) => s + v, 0) / values.length,
          );
        }
      }
    }
  }
  return y;
}

/** im2col by definition, in DeZero's `[N, C, KH, KW, OH, OW]` layout. */
export function directIm2col(
  x: Float64NdArray,
  kernel: number | [number, number],
  stride: number | [number, number],
  pad: number | [number, number],
): Float64NdArray {
  const [KH, KW] = pairOf(kernel);
  const [sh, sw] = pairOf(stride);
  const [ph, pw] = pairOf(pad);
  const [N, C, H, W] = x.shape;
  const OH = Math.floor((H + 2 * ph - KH) / sh) + 1;
  const OW = Math.floor((W + 2 * pw - KW) / sw) + 1;
  const col = zeros([N, C, KH, KW, OH, OW]);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      for (let p = 0; p < KH; p++) {
        for (let q = 0; q < KW; q++) {
          for (let i = 0; i < OH; i++) {
            for (let j = 0; j < OW; j++) {
              col.set(
                n,
                c,
                p,
                q,
                i,
                j,
                at(x, n, c, i * sh + p - ph, j * sw + q - pw),
              );
            }
          }
        }
      }
    }
  }
  return col;
}
