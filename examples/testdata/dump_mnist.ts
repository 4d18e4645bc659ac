// Write the packaged MNIST digits (the 8,000 / 2,000 split of
// `new MNIST({ train })`, raw pixels 0 to 255) to an .npz file, so that
// DeZero can be run on the same digits:
//   deno run --allow-read --allow-write examples/testdata/dump_mnist.ts OUT.npz
import { MNIST } from "../../datasets/mod.ts";
import { saveNpz } from "../../io/mod.ts";

const out = Deno.args[0] ?? "mnist_packaged.npz";
const train = new MNIST({ train: true, transform: null });
const test = new MNIST({ train: false, transform: null });
saveNpz(out, {
  x_train: train.data!,
  t_train: train.label!,
  x_test: test.data!,
  t_test: test.label!,
});
console.log(`Wrote ${out}`);
