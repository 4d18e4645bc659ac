import assert from "node:assert/strict";
import { unzlibSync } from "fflate";
import { array, Variable } from "../mod.ts";
import { imageGrid } from "./image_grid.ts";
import { assertWellFormed, texts } from "./testdata/_svg.ts";

interface Picture {
  width: number;
  height: number;
  pixels: number[];
  x: number;
  y: number;
}

/** Decode the embedded PNGs (8-bit greyscale, unfiltered rows). */
function pictures(svg: string): Picture[] {
  return [
    ...svg.matchAll(
      /<image xlink:href="data:image\/png;base64,([^"]*)" transform="translate\(([\d.]+),([\d.]+)\)"/g,
    ),
  ].map((match) => {
    const bytes = Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0));
    assert.deepEqual([...bytes.subarray(0, 8)], [
      137,
      80,
      78,
      71,
      13,
      10,
      26,
      10,
    ]);
    const view = new DataView(bytes.buffer);
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    assert.deepEqual([bytes[24], bytes[25]], [8, 0]); // 8-bit greyscale
    const idatLength = view.getUint32(33);
    const raw = unzlibSync(bytes.subarray(41, 41 + idatLength));
    const pixels: number[] = [];
    for (let row = 0; row < height; row++) {
      assert.equal(raw[row * (width + 1)], 0); // filter: none
      pixels.push(
        ...raw.subarray(row * (width + 1) + 1, (row + 1) * (width + 1)),
      );
    }
    return { width, height, pixels, x: Number(match[2]), y: Number(match[3]) };
  });
}

Deno.test("imageGrid() embeds each image as a PNG with its pixels, black to white", async () => {
  const images = array([[[0, 0.5, 1], [0.25, 0.75, 1]], [[1, 1, 1], [
    0,
    0,
    0,
  ]]]);
  const svg = await imageGrid(images);
  assertWellFormed(svg);
  const drawn = pictures(svg);
  assert.equal(drawn.length, 2);
  assert.deepEqual([drawn[0].width, drawn[0].height], [3, 2]);
  // 0 -> 0, 0.25 -> 63.75 -> 64, 0.5 -> 127.5 -> 128, 0.75 -> 191.25 -> 191.
  assert.deepEqual(drawn[0].pixels, [0, 128, 255, 64, 191, 255]);
  assert.deepEqual(drawn[1].pixels, [255, 255, 255, 0, 0, 0]);
  assert.match(svg, /image-rendering: pixelated/);
});

Deno.test("imageGrid() maps the given range to black and white, clipping outside it", async () => {
  const svg = await imageGrid(array([[0, 100, 255, 300]]), { range: [0, 255] });
  assert.deepEqual(pictures(svg)[0].pixels, [0, 100, 255, 255]);
});

Deno.test("imageGrid() lays out rows of `columns` images with captions", async () => {
  const images = array(Array.from({ length: 7 }, (_, i) => [i, 0, 0, 9]));
  const svg = await imageGrid(images, {
    columns: 3,
    scale: 10,
    labels: [0, 1, 2, 3, 4, 5, 6],
  });
  const drawn = pictures(svg);
  assert.equal(drawn.length, 7);
  // 2 x 2 images at scale 10: cells 20 + 4 wide, 20 + 4 + 16 high.
  assert.deepEqual(
    drawn.map(({ x, y }) => [x, y]),
    [[0, 0], [24, 0], [48, 0], [0, 40], [24, 40], [48, 40], [0, 80]],
  );
  assert.deepEqual(
    texts(svg).filter((t) => /^\d$/.test(t)),
    ["0", "1", "2", "3", "4", "5", "6"],
  );
});

Deno.test("imageGrid() reads [n, 1, h, w], [n, h, w] and [n, h*w] alike", async () => {
  const flat = [[1, 2, 3, 4], [4, 3, 2, 1]];
  const square = [[[1, 2], [3, 4]], [[4, 3], [2, 1]]];
  const expected = await imageGrid(array(flat));
  assert.equal(await imageGrid(array(square)), expected);
  assert.equal(await imageGrid(array(square.map((s) => [s]))), expected);
  assert.equal(await imageGrid(new Variable(array(flat))), expected);
});

Deno.test("imageGrid() rejects shapes it cannot read and wrong captions", async () => {
  await assert.rejects(imageGrid(array([[1, 2, 3]])), {
    name: "TypeError",
    message:
      "Cannot draw images of shape [1,3]: imageGrid() expects 3 pixels to make a square, or shape [n, h, w]",
  });
  await assert.rejects(imageGrid(array([1, 2, 3, 4])), {
    name: "TypeError",
    message:
      "Cannot draw images of shape [4]: imageGrid() expects shape [n, 1, h, w], [n, h, w] or [n, h*w]",
  });
  await assert.rejects(imageGrid(array([[1, 2, 3, 4]]), { labels: [1, 2] }), {
    name: "TypeError",
    message:
      "Cannot use labels array of length 2: imageGrid() expects one number or string for each of 1 images",
  });
  await assert.rejects(
    imageGrid(array([[1, 2, 3, 4]]), { range: [1, 1] }),
    RangeError,
  );
});
