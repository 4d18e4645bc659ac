// Vega's "tableau10" colours, fixed here so that points and the regions
// under them share colours without sharing a scale, and light versions of
// them for the regions (mixed 70% with white, opaque, so abutting cells
// leave no seams of double opacity).

/** Colours for classes 0 to 9; class k uses colour k mod 10. */
export const classColors: readonly string[] = [
  "#4c78a8",
  "#f58518",
  "#e45756",
  "#72b7b2",
  "#54a24b",
  "#eeca3b",
  "#b279a2",
  "#ff9da6",
  "#9d755d",
  "#bab0ac",
];

/** `color` mixed with white: `amount` 0 leaves it, 1 gives white. */
export function lighten(color: string, amount: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  return "#" +
    channels.map((c) =>
      Math.round(c + (255 - c) * amount).toString(16).padStart(2, "0")
    ).join("");
}
