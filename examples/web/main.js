// Trains an MLP on the spiral in the page, drawing the loss curve and the
// decision regions as it goes, and draws the graph of a small expression.
// Served by `deno task web`, which maps "@dezero/core" and its dependencies
// to the npm build (dist/npm/) with an import map.
import {
  array,
  noGrad,
  softmaxCrossEntropy,
  square,
  tanh,
  Variable,
} from "@dezero/core";
import { renderSvg } from "@dezero/core/graph";
import { MLP } from "@dezero/core/models";
import { Adam } from "@dezero/core/optimizers";

const STEPS = 1500;
const STEPS_PER_FRAME = 25;
const COLORS = [[230, 85, 60], [60, 130, 220], [70, 170, 90]];
const status = document.getElementById("status");

/** DeZero's spiral: from @dezero/core/datasets where present, else made here. */
async function spiral() {
  try {
    const { getSpiral } = await import("@dezero/core/datasets");
    const [x, t] = getSpiral({ train: true });
    return { x, t, source: "getSpiral() from @dezero/core/datasets" };
  } catch {
    return { ...makeSpiral(), source: "DeZero's get_spiral formula" };
  }
}

/** DeZero's get_spiral formula with a seeded Gaussian (Box–Muller). */
function makeSpiral() {
  let state = 1984;
  const uniform = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state + 0.5) / 2147483648;
  };
  const randn = () =>
    Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const xs = [];
  const ts = [];
  for (let j = 0; j < 3; j++) {
    for (let i = 0; i < 100; i++) {
      const rate = i / 100;
      const theta = j * 4 + 4 * rate + randn() * 0.2;
      xs.push([rate * Math.sin(theta), rate * Math.cos(theta)]);
      ts.push(j);
    }
  }
  return { x: array(xs), t: array(ts) };
}

/** The class with the highest score for each point of a grid. */
function predictGrid(model, n) {
  const points = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      points.push([-1.1 + 2.2 * col / (n - 1), 1.1 - 2.2 * row / (n - 1)]);
    }
  }
  const scores = noGrad(() => model.call(array(points)).data);
  const classes = new Uint8Array(n * n);
  for (let i = 0; i < n * n; i++) {
    let best = 0;
    for (let c = 1; c < 3; c++) {
      if (scores.get(i, c) > scores.get(i, best)) best = c;
    }
    classes[i] = best;
  }
  return classes;
}

function drawRegions(canvas, model, x, t) {
  const context = canvas.getContext("2d");
  const n = 90;
  const classes = predictGrid(model, n);
  const image = context.createImageData(n, n);
  for (let i = 0; i < n * n; i++) {
    const [r, g, b] = COLORS[classes[i]];
    image.data.set([r, g, b, 70], 4 * i);
  }
  const cell = document.createElement("canvas");
  cell.width = cell.height = n;
  cell.getContext("2d").putImageData(image, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.imageSmoothingEnabled = false;
  context.drawImage(cell, 0, 0, canvas.width, canvas.height);
  const toPixel = (v) => (v + 1.1) / 2.2 * canvas.width;
  for (let i = 0; i < x.shape[0]; i++) {
    const [r, g, b] = COLORS[t.get(i)];
    context.fillStyle = `rgb(${r},${g},${b})`;
    context.beginPath();
    context.arc(toPixel(x.get(i, 0)), toPixel(-x.get(i, 1)), 3, 0, 2 * Math.PI);
    context.fill();
  }
}

function drawLoss(canvas, losses) {
  const context = canvas.getContext("2d");
  const { width, height } = canvas;
  context.clearRect(0, 0, width, height);
  const top = Math.max(...losses.slice(0, 1), 1.2);
  context.strokeStyle = "#c33";
  context.lineWidth = 2;
  context.beginPath();
  losses.forEach((loss, i) => {
    const px = 8 + (width - 16) * i / (STEPS - 1);
    const py = height - 8 - (height - 16) * Math.min(loss / top, 1);
    if (i === 0) context.moveTo(px, py);
    else context.lineTo(px, py);
  });
  context.stroke();
}

async function drawGraph() {
  const x = new Variable(array(0.5), "x");
  const y = tanh(x.mul(2)).add(square(x));
  y.name = "y";
  document.getElementById("graph").innerHTML = await renderSvg(y);
}

async function train() {
  const { x, t, source } = await spiral();
  const model = new MLP([30, 3]);
  const optimizer = new Adam(0.03);
  optimizer.setup(model);
  const losses = [];
  const regions = document.getElementById("regions");
  const lossCanvas = document.getElementById("loss");
  return await new Promise((resolve) => {
    function frame() {
      for (let k = 0; k < STEPS_PER_FRAME && losses.length < STEPS; k++) {
        const loss = softmaxCrossEntropy(model.call(x), t);
        model.clearGrads();
        loss.backward();
        optimizer.update();
        losses.push(loss.data.get());
      }
      const last = losses[losses.length - 1];
      status.textContent = `Step ${losses.length} of ${STEPS}: loss ${
        last.toFixed(4)
      } (data: ${source})`;
      status.dataset.loss = String(last);
      status.dataset.steps = String(losses.length);
      drawLoss(lossCanvas, losses);
      drawRegions(regions, model, x, t);
      if (losses.length < STEPS) requestAnimationFrame(frame);
      else resolve(last);
    }
    requestAnimationFrame(frame);
  });
}

try {
  await drawGraph();
  await train();
  status.dataset.done = "true";
} catch (error) {
  status.textContent = `Error: ${error.message}`;
  status.dataset.error = String(error.stack ?? error);
  throw error;
}
