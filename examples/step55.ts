// Step 55 of the book: the output size of a convolution.
//
// A kernel of KH x KW slides over an H x W input padded with PH, PW zeros on
// each side, SH, SW apart; it fits floor((H + 2·PH - KH) / SH) + 1 times down
// and as many across. For a 4x4 input, a 3x3 kernel, stride 1 and padding 1
// the output is 4x4 again.
//
// Run: deno run examples/step55.ts
// Prints:
//   4 4

import { getConvOutsize } from "../mod.ts";

const [H, W] = [4, 4]; // input size
const [KH, KW] = [3, 3]; // kernel size
const [SH, SW] = [1, 1]; // kernel stride
const [PH, PW] = [1, 1]; // padding size

const OH = getConvOutsize(H, KH, SH, PH);
const OW = getConvOutsize(W, KW, SW, PW);
console.log(`${OH} ${OW}`);
