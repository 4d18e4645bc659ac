/// <reference lib="dom" />
/// <reference lib="deno.ns" />
// The web example in a real headless browser: serves examples/web/ with
// `deno task web`, opens it in Chromium through puppeteer-core, waits until
// the spiral MLP has trained below a loss threshold, checks that both
// canvases are drawn and the graph's SVG is there, and takes a screenshot.
//
//   deno run -A .ci/browser_test.ts [--chromium=/usr/bin/chromium]
//
// Exits 0 on success, 1 on a failure.

import puppeteer from "npm:puppeteer-core@^24.0.0";

const LOSS_BELOW = 0.2;
const SCREENSHOT = "/tmp/dezero_web.png";
const chromiumFlag = Deno.args.find((arg) => arg.startsWith("--chromium="));
const chromium = chromiumFlag?.slice("--chromium=".length) ??
  "/usr/bin/chromium";
const root = new URL("../", import.meta.url);
const port = 8000 + Math.floor(Math.random() * 1000);

const server = new Deno.Command("deno", {
  args: ["task", "web", `--port=${port}`],
  cwd: root,
  stdout: "piped",
  stderr: "inherit",
}).spawn();

const profile = Deno.makeTempDirSync({ prefix: "dezero_chromium_" });
let browser: Awaited<ReturnType<typeof puppeteer.launch>> | undefined;
let failed = false;
try {
  // The task builds dist/npm/ first, which takes a while on a cold cache.
  const timeout = setTimeout(() => server.kill("SIGTERM"), 300_000);
  await waitForListening(server.stdout);
  clearTimeout(timeout);
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: profile,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error}`));
  page.on("console", (message) => {
    // A failed load is reported with its URL by the response handler.
    if (
      message.type() === "error" &&
      !message.text().startsWith("Failed to load resource")
    ) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on(
    "requestfailed",
    (request) => problems.push(`request failed: ${request.url()}`),
  );

  const started = performance.now();
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: "load" });
  await page.waitForFunction(
    () => {
      const status = document.getElementById("status")!;
      return status.dataset.done === "true" ||
        status.dataset.error !== undefined;
    },
    { timeout: 180_000, polling: 200 },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const result = await page.evaluate(() => {
    const status = document.getElementById("status")!;
    // Distinct colours and painted pixels of a canvas.
    function painted(id: string): { colors: number; pixels: number } {
      const canvas = document.getElementById(id) as HTMLCanvasElement;
      const data = canvas.getContext("2d")!.getImageData(
        0,
        0,
        canvas.width,
        canvas.height,
      ).data;
      const colors = new Set<number>();
      let pixels = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        pixels++;
        colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      return { colors: colors.size, pixels };
    }
    const svg = document.querySelector("#graph svg");
    return {
      text: status.textContent,
      error: status.dataset.error,
      loss: Number(status.dataset.loss),
      steps: Number(status.dataset.steps),
      regions: painted("regions"),
      lossCurve: painted("loss"),
      svgNodes: svg?.querySelectorAll("g.node").length ?? 0,
      svgText: svg?.textContent ?? "",
    };
  });
  await page.screenshot({ path: SCREENSHOT });
  console.log(`browser test: ${result.text} after ${seconds} s`);
  console.log(
    `browser test: regions ${result.regions.pixels} px in ${result.regions.colors} colours, loss curve ${result.lossCurve.pixels} px, graph SVG with ${result.svgNodes} nodes; screenshot ${SCREENSHOT}`,
  );
  const checks: [boolean, string][] = [
    [result.error === undefined, `the page reported ${result.error}`],
    [
      result.loss < LOSS_BELOW,
      `loss ${result.loss} after ${result.steps} steps, expected below ${LOSS_BELOW}`,
    ],
    [
      result.regions.pixels > 300 * 300 && result.regions.colors >= 3,
      `decision regions not drawn: ${JSON.stringify(result.regions)}`,
    ],
    [
      result.lossCurve.pixels > 200,
      `loss curve not drawn: ${JSON.stringify(result.lossCurve)}`,
    ],
    [
      result.svgNodes >= 4 && result.svgText.includes("Tanh"),
      `graph SVG missing: ${result.svgNodes} nodes`,
    ],
    [problems.length === 0, problems.join("; ")],
  ];
  for (const [ok, message] of checks) {
    if (!ok) {
      failed = true;
      console.error(`browser test failed: ${message}`);
    }
  }
} catch (error) {
  failed = true;
  console.error(`browser test failed: ${error}`);
} finally {
  await browser?.close();
  server.kill("SIGTERM");
  await server.status;
  Deno.removeSync(profile, { recursive: true });
}
console.log(failed ? "browser test: FAILED" : "browser test: ok");
Deno.exit(failed ? 1 : 0);

/** Resolve once the server prints "Listening"; fail if it exits first. */
async function waitForListening(
  stdout: ReadableStream<Uint8Array>,
): Promise<void> {
  const decoder = new TextDecoder();
  let seen = "";
  const reader = stdout.getReader();
  while (true) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the web server exited: ${seen}`);
    seen += decoder.decode(value);
    if (seen.includes("Listening")) break;
  }
  // Keep draining so the server never blocks on a full pipe.
  (async () => {
    while (!(await reader.read()).done) {
      // Discard.
    }
  })();
}
