// How large a graph renderSvg draws. Graphviz's layout runs synchronously
// (WebAssembly on the calling thread), so a large graph blocks the event
// loop until it is done. Measured with @viz-js/viz 3.x on one core
// (notes/validation.md): a chain of 1,000 unary functions (2,001 nodes,
// 2,000 edges) takes 0.6 s and of 4,000 takes 1.3 s; a balanced tree of
// 1,000 additions (3,001 nodes, 3,000 edges) 2.2 s, of 2,000 7 s and of
// 4,000 21 s. The limits keep every shape measured within a few seconds.

import type { Variable } from "../mod.ts";
import { walkGraph } from "./_graph.ts";

/** The most nodes (variables and functions) renderSvg draws. */
export const MAX_NODES = 3000;
/** The most edges renderSvg draws. */
export const MAX_EDGES = 3000;
/** The longest DOT text renderSvg draws, in characters. */
export const MAX_DOT_LENGTH = 300_000;

const advice =
  "use toDot() and the Graphviz program (dot -Tsvg), or toMermaid(), for larger graphs";

/** A RangeError naming `caller` if the graph of `outputs` is too large. */
export function checkGraphSize(
  caller: string,
  outputs: readonly Variable[],
): void {
  let nodes = 0;
  let edges = 0;
  walkGraph(outputs, {
    variable() {
      nodes++;
    },
    function() {
      nodes++;
    },
    edge() {
      edges++;
    },
  });
  if (nodes > MAX_NODES || edges > MAX_EDGES) {
    throw new RangeError(
      `Cannot draw a graph of ${nodes} nodes and ${edges} edges: ${caller} draws at most ${MAX_NODES} nodes and ${MAX_EDGES} edges, as Graphviz takes seconds to minutes beyond and blocks the event loop; ${advice}`,
    );
  }
}

/** A RangeError naming `caller` if the DOT text is too long or has too many edges. */
export function checkDotSize(caller: string, dot: string): void {
  if (dot.length > MAX_DOT_LENGTH) {
    throw new RangeError(
      `Cannot draw DOT text of ${dot.length} characters: ${caller} draws at most ${MAX_DOT_LENGTH} characters, as Graphviz takes seconds to minutes beyond and blocks the event loop; ${advice}`,
    );
  }
  const edges = dot.match(/->|--/g)?.length ?? 0;
  if (edges > MAX_EDGES) {
    throw new RangeError(
      `Cannot draw DOT text with ${edges} edges: ${caller} draws at most ${MAX_EDGES} edges, as Graphviz takes seconds to minutes beyond and blocks the event loop; ${advice}`,
    );
  }
}
