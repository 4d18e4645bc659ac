// Step 58 of the book: VGG16, and classifying a photo with its pretrained
// weights.
//
// The model is built without weights (they are drawn, or loaded, on the
// first call), so this prints its parameter count at once. If DeZero's
// pretrained weights, the book's zebra photo and the ImageNet labels are in
// the cache (~/.dezero), it classifies the photo as the book does (the book
// prints "zebra"); otherwise it says how to fetch them. Fetching downloads
// 528 MB once:
//
//   deno run --allow-net --allow-read --allow-write --allow-env=HOME examples/step58.ts --download
//
// The forward pass at 224x224 in float64 needs about 2.5 GB of memory and
// some tens of seconds.
//
// Run: deno run --allow-read --allow-env=HOME examples/step58.ts
// Prints:
//   VGG16: 138357544 parameters in 32 arrays
//   then the predicted label, or how to download the files.

import jpeg from "jpeg-js";
import { noGrad, reshape, testMode, toFloat64Array } from "../mod.ts";
import { getFile } from "../io/mod.ts";
import { VGG16 } from "../models/mod.ts";

const IMAGE_URL =
  "https://github.com/oreilly-japan/deep-learning-from-scratch-3/raw/images/zebra.jpg";
const LABELS_URL =
  "https://gist.githubusercontent.com/yrevar/942d3a0ac09ec9e5eb3a/raw/238f720ff059c1f82f368259d1ca4ffa5dd8f9f5/imagenet1000_clsidx_to_labels.txt";

const model = new VGG16();

// The weights are not drawn yet: count them from the architecture. Each
// convolution has OC·C·3·3 weights and OC biases; fc6 sees 512·7·7 inputs.
let count = 0;
let channels = 3;
const convolutions = [
  model.conv1_1,
  model.conv1_2,
  model.conv2_1,
  model.conv2_2,
  model.conv3_1,
  model.conv3_2,
  model.conv3_3,
  model.conv4_1,
  model.conv4_2,
  model.conv4_3,
  model.conv5_1,
  model.conv5_2,
  model.conv5_3,
];
for (const layer of convolutions) {
  count += layer.outChannels * channels * 9 + layer.outChannels;
  channels = layer.outChannels;
}
let inputs = channels * 7 * 7;
for (const layer of [model.fc6, model.fc7, model.fc8]) {
  count += inputs * layer.outSize + layer.outSize;
  inputs = layer.outSize;
}
console.log(
  `VGG16: ${count} parameters in ${model.flattenParams().size} arrays`,
);

const cache = `${Deno.env.get("HOME") ?? "."}/.dezero`;
const files = [VGG16.WEIGHTS_PATH, IMAGE_URL, LABELS_URL];
const cached = (url: string): string =>
  `${cache}/${url.slice(url.lastIndexOf("/") + 1)}`;
const exists = (path: string): boolean => {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
};

if (Deno.args.includes("--download")) {
  for (const url of files) console.log(`fetched ${await getFile(url)}`);
}
if (files.every((url) => exists(cached(url)))) {
  const image = jpeg.decode(Deno.readFileSync(cached(IMAGE_URL)), {
    useTArray: true,
  });
  const x = VGG16.preprocess(image);
  model.loadWeights(cached(VGG16.WEIGHTS_PATH));
  const y = noGrad(() =>
    testMode(() => model.call(reshape(x, [1, 3, 224, 224])))
  );
  const scores = toFloat64Array(y);
  const predicted = scores.indexOf(Math.max(...scores));
  // The labels file is a Python dict literal: {0: 'tench, Tinca tinca', ...}
  const labels = new Map<number, string>();
  const text = Deno.readTextFileSync(cached(LABELS_URL));
  for (const match of text.matchAll(/(\d+):\s*(['"])(.*?)\2/g)) {
    labels.set(Number(match[1]), match[3]);
  }
  console.log(labels.get(predicted) ?? `class ${predicted}`);
} else {
  console.log(
    "The pretrained weights, the photo or the labels are not in " + cache +
      ". Fetch them once (528 MB) with:\n" +
      "  deno run --allow-net --allow-read --allow-write --allow-env=HOME examples/step58.ts --download",
  );
}
