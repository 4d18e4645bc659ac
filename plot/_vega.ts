// Vega-Lite compiles our chart descriptions to Vega, and Vega renders them
// to SVG headless (`renderer: "none"` needs no canvas). Both are imported on
// first use: together they take most of a second to load, which a program
// that imports the plot module but never plots should not pay.

import type { TopLevelSpec } from "vega-lite";

/** A Vega-Lite chart description. */
export type ChartSpec = TopLevelSpec;

/** Render a Vega-Lite spec to an SVG document string. */
export async function renderSpec(spec: ChartSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([
    import("vega"),
    import("vega-lite"),
  ]);
  const compiled = vegaLite.compile(spec).spec;
  // Everything a chart shows is inline in its spec: a loader that refuses
  // to fetch keeps rendering off the network and the file system. Data
  // URIs (the pictures of imageGrid) go through sanitize, not load.
  const loader = vega.loader();
  const refused: string[] = [];
  const refuse = (uri: string): Promise<never> => {
    refused.push(uri);
    return Promise.reject(
      new Error(`Cannot load ${uri}: plots render offline`),
    );
  };
  loader.load = refuse;
  loader.http = refuse;
  loader.file = refuse;
  const view = new vega.View(vega.parse(compiled), {
    renderer: "none",
    loader,
    logLevel: vega.Error,
  });
  try {
    const svg = await view.toSVG();
    // Vega logs a failed load and draws without the data: fail instead.
    if (refused.length > 0) {
      throw new Error(
        `Cannot render a chart that loads ${refused[0]}: plots render offline`,
      );
    }
    return svg;
  } finally {
    view.finalize();
  }
}
