// Reading back what the plot functions drew, for the tests.

/** Check the document is one well-nested `<svg>` element; throw if not. */
export function assertWellFormed(svg: string): void {
  if (!/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(svg)) {
    throw new Error(`Not an <svg> root: ${svg.slice(0, 80)}`);
  }
  const stack: string[] = [];
  // Comments, self-closing, opening and closing tags, in order.
  for (const match of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) {
      throw new Error(`Misnested </${name}> at ${match.index}`);
    }
  }
  if (stack.length > 0) throw new Error(`Unclosed <${stack.join("><")}>`);
  if (!svg.trimEnd().endsWith("</svg>")) throw new Error("Text after </svg>");
}

/** The `d` attributes of the line marks, in drawing order. */
export function linePaths(svg: string): string[] {
  return [...svg.matchAll(/aria-roledescription="line mark" d="([^"]*)"/g)]
    .map((match) => match[1]);
}

/** The points of a path made of M and L commands. */
export function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((
    match,
  ) => [Number(match[1]), Number(match[2])]);
}

/** The paths inside the group of mark rectangles (the decision regions). */
export function regionPaths(svg: string): string[] {
  const group = svg.match(
    /<g class="mark-rect role-mark[^>]*>((?:<path [^>]*\/>)*)<\/g>/,
  );
  return group === null ? [] : group[1].match(/<path [^>]*\/>/g) ?? [];
}

/** The texts drawn, in order. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}
