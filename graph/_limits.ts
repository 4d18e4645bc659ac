// How large a graph renderSvg draws. Graphviz's layout runs synchronously
// (WebAssembly on the calling thread), so a large graph blocks the event
// loop until it is done. Measured with @viz-js/viz 3.x on one core
// (notes/validation.md): a chain of 1,000 unary functions (2,001 nodes,
// 2,000 edges) takes 0.6 s and of 4,000 takes 1.3 s; a balanced tree of
// 1,000 additions (3,001 nodes, 3,000 edges) 2.2 s, of 2,000 7 s and of
// 4,000 21 s. Long edges cost far more: an RNN unrolled 25 steps (153
// nodes, 200 edges, but its weight and bias used at every step: 3,600
// virtual nodes) takes 3.8 s, 50 steps (14,700) 183 s, and 100 steps
// overflow Graphviz's stack. The limits keep every shape measured within a
// few seconds.

import type { Variable } from "../mod.ts";
import { walkGraph } from "./_graph.ts";

/** The most nodes (variables and functions) renderSvg draws. */
export const MAX_NODES = 3000;
/** The most edges renderSvg draws. */
export const MAX_EDGES = 3000;
/** The most virtual nodes (see {@linkcode layoutSize}) renderSvg draws. */
export const MAX_VIRTUAL = 3000;
/** The longest DOT text renderSvg draws, in characters. */
export const MAX_DOT_LENGTH = 300_000;

const advice =
  "use toDot() and the Graphviz program (dot -Tsvg), or toMermaid(), for larger graphs";

/**
 * The size of the graph of `outputs` as Graphviz's layout sees it: its
 * nodes, its edges, and the virtual nodes that carry edges across ranks.
 */
export interface LayoutSize {
  /** Variables and functions. */
  nodes: number;
  /** Edges: input -> function, function -> output. */
  edges: number;
  /**
   * An estimate of the virtual nodes Graphviz adds: an edge spanning k ranks
   * becomes a chain of k - 1 of them, and its crossing minimisation grows
   * much faster than linearly with them. A variable used again far down the
   * graph (an RNN's weight, used at every step) makes many.
   */
  virtual: number;
}

/**
 * Measure the graph of `outputs` (see {@linkcode LayoutSize}). Ranks are
 * estimated as Graphviz's dot tends to place them: each node one rank below
 * its lowest input, and each leaf (a variable without creator) just above
 * its first use. The virtual nodes are counted only for graphs within the
 * node and edge limits.
 */
export function layoutSize(outputs: readonly Variable[]): LayoutSize {
  const from: string[] = [];
  const to: string[] = [];
  let nodes = 0;
  walkGraph(outputs, {
    variable() {
      nodes++;
    },
    function() {
      nodes++;
    },
    edge(a, b) {
      from.push(a);
      to.push(b);
    },
  });
  const edges = from.length;
  if (nodes > MAX_NODES || edges > MAX_EDGES) {
    return { nodes, edges, virtual: 0 };
  }
  // Longest path from the sources, in topological order (Kahn).
  const incoming = new Map<string, number>();
  const next = new Map<string, number[]>();
  for (let e = 0; e < edges; e++) {
    incoming.set(to[e], (incoming.get(to[e]) ?? 0) + 1);
    if (!incoming.has(from[e])) incoming.set(from[e], 0);
    const list = next.get(from[e]);
    if (list === undefined) next.set(from[e], [e]);
    else list.push(e);
  }
  const rank = new Map<string, number>();
  const ready: string[] = [];
  for (const [id, count] of incoming) {
    if (count === 0) {
      ready.push(id);
      rank.set(id, 0);
    }
  }
  while (ready.length > 0) {
    const id = ready.pop() as string;
    for (const e of next.get(id) ?? []) {
      const target = to[e];
      rank.set(
        target,
        Math.max(rank.get(target) ?? 0, (rank.get(id) ?? 0) + 1),
      );
      const left = (incoming.get(target) as number) - 1;
      incoming.set(target, left);
      if (left === 0) ready.push(target);
    }
  }
  // Sources that are leaves move down to just above their first use.
  const targets = new Set(to);
  for (const [id, list] of next) {
    if (!targets.has(id) && id.startsWith("v")) {
      let first = Infinity;
      for (const e of list) first = Math.min(first, rank.get(to[e]) ?? 0);
      rank.set(id, first - 1);
    }
  }
  let virtual = 0;
  for (let e = 0; e < edges; e++) {
    virtual += Math.max(
      0,
      (rank.get(to[e]) ?? 0) - (rank.get(from[e]) ?? 0) - 1,
    );
  }
  return { nodes, edges, virtual };
}

/** A RangeError naming `caller` if the graph of `outputs` is too large. */
export function checkGraphSize(
  caller: string,
  outputs: readonly Variable[],
): void {
  const { nodes, edges, virtual } = layoutSize(outputs);
  if (nodes > MAX_NODES || edges > MAX_EDGES) {
    throw new RangeError(
      `Cannot draw a graph of ${nodes} nodes and ${edges} edges: ${caller} draws at most ${MAX_NODES} nodes and ${MAX_EDGES} edges, as Graphviz takes seconds to minutes beyond and blocks the event loop; ${advice}`,
    );
  }
  if (virtual > MAX_VIRTUAL) {
    throw new RangeError(
      `Cannot draw a graph whose long edges cross ${virtual} ranks in all: ${caller} draws at most ${MAX_VIRTUAL}, as Graphviz takes minutes for many long edges (a variable used again far down the graph) and blocks the event loop; ${advice}`,
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
