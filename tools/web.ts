// `deno task web`: serves examples/web/ with the npm build (dist/npm/, made
// by `deno task build:npm` first) loaded as ES modules, as a browser would
// load the package from any static host.
//
//   deno task web [--port=8000]
//
// The page's import map is made here from dist/npm/package.json: every
// entry of "exports" (so new entry points need no change here), and every
// dependency as a browser bundle in dist/web/vendor/, made once by
// `deno bundle --platform=browser` (ndarray is CommonJS; a browser needs ES
// modules).

const ROOT = new URL("../", import.meta.url);
const NPM = new URL("dist/npm/", ROOT);
const VENDOR = new URL("dist/web/vendor/", ROOT);
const PAGE = new URL("examples/web/", ROOT);

interface PackageJson {
  name: string;
  exports: Record<string, { default: string }>;
  dependencies: Record<string, string>;
}

const packageJson: PackageJson = JSON.parse(
  Deno.readTextFileSync(new URL("package.json", NPM)),
);

/** `@viz-js/viz` -> `viz-js__viz.js`. */
function vendorFile(name: string): string {
  return name.replace(/^@/, "").replace("/", "__") + ".js";
}

async function bundleDependencies(): Promise<void> {
  Deno.mkdirSync(VENDOR, { recursive: true });
  for (const [name, version] of Object.entries(packageJson.dependencies)) {
    if (name.startsWith("@types/")) continue;
    const output = new URL(vendorFile(name), VENDOR);
    try {
      Deno.statSync(output);
      continue; // Made before; `rm -r dist/web` makes it again.
    } catch {
      // Not made yet.
    }
    // The default export is module.exports for CommonJS (ndarray), the
    // namespace for ES modules without one; named exports pass through.
    const entry = new URL(
      `_${vendorFile(name).replace(/\.js$/, ".ts")}`,
      VENDOR,
    );
    const specifier = `npm:${name}@${version}`;
    Deno.writeTextFileSync(
      entry,
      `export * from "${specifier}";\n` +
        `import * as m from "${specifier}";\n` +
        `// deno-lint-ignore no-explicit-any\n` +
        `export default (m as any).default ?? m;\n`,
    );
    const { success } = await new Deno.Command(Deno.execPath(), {
      args: [
        "bundle",
        "--quiet",
        "--platform=browser",
        "--no-config",
        "--output",
        decodeURIComponent(output.pathname),
        decodeURIComponent(entry.pathname),
      ],
      stdout: "inherit",
      stderr: "inherit",
    }).output();
    Deno.removeSync(entry);
    if (!success) throw new Error(`Cannot bundle ${name} for the browser`);
  }
}

/** The import map: the package's entry points and its dependencies. */
function importMap(): string {
  const imports: Record<string, string> = {};
  for (const [key, target] of Object.entries(packageJson.exports)) {
    imports[packageJson.name + key.slice(1)] = "/npm/" +
      target.default.replace(/^\.\//, "");
  }
  for (const name of Object.keys(packageJson.dependencies)) {
    if (!name.startsWith("@types/")) {
      imports[name] = `/vendor/${vendorFile(name)}`;
    }
  }
  return JSON.stringify({ imports }, null, 2);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

function serveFile(base: URL, path: string): Response {
  const url = new URL(path, base);
  // No way out of the folder: `..` is resolved by URL first.
  if (!url.href.startsWith(base.href)) {
    return new Response("Not found", { status: 404 });
  }
  try {
    const body = Deno.readFileSync(url);
    const type = TYPES[path.slice(path.lastIndexOf("."))] ??
      "application/octet-stream";
    return new Response(body, { headers: { "content-type": type } });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}

function handle(request: Request): Response {
  const { pathname } = new URL(request.url);
  const path = decodeURIComponent(pathname);
  if (path === "/" || path === "/index.html") {
    const html = Deno.readTextFileSync(new URL("index.html", PAGE)).replace(
      "<!-- import map -->",
      `<script type="importmap">\n${importMap()}\n</script>`,
    );
    return new Response(html, {
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  }
  if (path.startsWith("/npm/")) return serveFile(NPM, path.slice(5));
  if (path.startsWith("/vendor/")) return serveFile(VENDOR, path.slice(8));
  return serveFile(PAGE, path.slice(1));
}

await bundleDependencies();
const portFlag = Deno.args.find((arg) => arg.startsWith("--port="));
const port = portFlag === undefined ? 8000 : Number(portFlag.slice(7));
Deno.serve({
  port,
  hostname: "127.0.0.1",
  onListen: ({ hostname, port }) =>
    console.log(`Listening on http://${hostname}:${port}/ (examples/web/)`),
}, handle);
