// Lists the exported symbols without an `@example` in their JSDoc, for every
// entry point of deno.json's "exports" (read from `deno doc --json`, so new
// entry points are covered without a change here). Each entry's module doc
// needs one too.
//
//   deno run --allow-read --allow-run .ci/doc_examples.ts [--strict]
//
// Prints one line per symbol: `entry  kind  name  file:line`. With
// --strict, exits 1 when any symbol lacks an example.

interface Tag {
  kind: string;
}
interface JsDoc {
  doc?: string;
  tags?: Tag[];
}
interface Declaration {
  location: { filename: string; line: number };
  declarationKind: string;
  jsDoc?: JsDoc;
  kind: string;
}
interface DocSymbol {
  name: string;
  declarations: Declaration[];
}
interface DocJson {
  nodes: Record<string, { module_doc?: JsDoc; symbols: DocSymbol[] }>;
}

const root = new URL("../", import.meta.url);
const denoJson: { exports: Record<string, string> } = JSON.parse(
  Deno.readTextFileSync(new URL("deno.json", root)),
);
const entries = Object.values(denoJson.exports);

const { success, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
  args: ["doc", "--json", ...entries],
  cwd: root,
  stdout: "piped",
  stderr: "piped",
}).output();
if (!success) {
  console.error(new TextDecoder().decode(stderr));
  Deno.exit(1);
}
const doc: DocJson = JSON.parse(new TextDecoder().decode(stdout));

const hasExample = (jsDoc?: JsDoc): boolean =>
  jsDoc?.tags?.some((tag) => tag.kind === "example") ?? false;

const missing: string[] = [];
let total = 0;
const prefix = decodeURIComponent(root.pathname);
for (const [specifier, node] of Object.entries(doc.nodes)) {
  const entry = decodeURIComponent(new URL(specifier).pathname).replace(
    prefix,
    "",
  );
  if (!hasExample(node.module_doc)) {
    missing.push(`${entry}\tmodule\t(module doc)`);
  }
  for (const symbol of node.symbols) {
    const declarations = symbol.declarations.filter((d) =>
      d.declarationKind === "export"
    );
    if (declarations.length === 0) continue;
    total++;
    // Overloads and interface merges: one documented declaration is enough.
    if (declarations.some((d) => hasExample(d.jsDoc))) continue;
    const { filename, line } = declarations[0].location;
    const file = decodeURIComponent(new URL(filename).pathname).replace(
      prefix,
      "",
    );
    missing.push(
      `${entry}\t${declarations[0].kind}\t${symbol.name}\t${file}:${line}`,
    );
  }
}

for (const line of missing) console.log(line);
const symbolsMissing = missing.filter((line) => !line.endsWith("(module doc)"));
console.log(
  `${symbolsMissing.length} of ${total} exported symbols have no @example (${entries.length} entry points)`,
);
if (Deno.args.includes("--strict") && missing.length > 0) Deno.exit(1);
