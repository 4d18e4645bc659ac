/**
 * Options of {@linkcode getFile}.
 *
 * @example Cache in a folder of your own, under a name of your own
 * ```ts ignore
 * import { type GetFileOptions, getFile } from "@dezero/core/io";
 *
 * const options: GetFileOptions = { cacheDir: "./cache", fileName: "w.npz" };
 * const path = await getFile("https://example.com/weights.npz", options);
 * // "./cache/w.npz", downloaded on the first call only
 * ```
 */
export interface GetFileOptions {
  /** The cache folder (default `~/.dezero`, from the `HOME` variable). */
  cacheDir?: string;
  /** The file name in the cache (default: the URL's last path segment). */
  fileName?: string;
}

/**
 * Download `url` into a cache folder once and return the cached file's path,
 * as DeZero's `get_file` does: later calls with the same file name return the
 * path without touching the network. The download goes to a temporary name
 * that is renamed only when complete, so an interrupted or failed download
 * never leaves a file that looks cached. Needs `--allow-net` for the host,
 * `--allow-read` and `--allow-write` for the cache folder, and `--allow-env=HOME`
 * when `cacheDir` is not given.
 *
 * @param url The file to download (http or https).
 * @param options `cacheDir` and `fileName`.
 * @returns The path of the cached file.
 *
 * @example A second call is served from the cache
 * ```ts
 * import { getFile } from "@dezero/core/io";
 * import assert from "node:assert/strict";
 *
 * // A local server stands in for the internet (run with
 * // --allow-net=127.0.0.1 --allow-read --allow-write=/tmp).
 * const granted = (d: Deno.PermissionDescriptor) =>
 *   Deno.permissions.querySync(d).state === "granted";
 * if (
 *   granted({ name: "net", host: "127.0.0.1" }) &&
 *   granted({ name: "write", path: "/tmp" }) &&
 *   granted({ name: "read", path: "/tmp" })
 * ) {
 *   let requests = 0;
 *   const server = Deno.serve(
 *     { hostname: "127.0.0.1", port: 0, onListen() {} },
 *     () => new Response(`hello ${++requests}`),
 *   );
 *   const url = `http://127.0.0.1:${server.addr.port}/hello.txt`;
 *   const cacheDir = Deno.makeTempDirSync({ dir: "/tmp" });
 *   const path = await getFile(url, { cacheDir });
 *   assert.equal(await getFile(url, { cacheDir }), path);
 *   assert.equal(Deno.readTextFileSync(path), "hello 1");
 *   await server.shutdown();
 *   Deno.removeSync(cacheDir, { recursive: true });
 * }
 * ```
 *
 * @example The MNIST test labels into ~/.dezero (not run here: it downloads)
 * ```ts ignore
 * import { getFile, readIdx } from "@dezero/core/io";
 *
 * const path = await getFile(
 *   "https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz",
 * );
 * const labels = readIdx(Deno.readFileSync(path), { source: path });
 * console.log(labels.shape); // [10000]
 * ```
 */
export async function getFile(
  url: string | URL,
  options: GetFileOptions = {},
): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(
      `Cannot download ${
        JSON.stringify(String(url))
      }: getFile() expects an http or https URL`,
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TypeError(
      `Cannot download '${parsed}': getFile() expects an http or https URL, found protocol "${parsed.protocol}"`,
    );
  }
  const fileName = options.fileName ??
    decodeURIComponent(
      parsed.pathname.slice(parsed.pathname.lastIndexOf("/") + 1),
    );
  if (
    fileName === "" || fileName === "." || fileName === ".." ||
    /[/\\]/.test(fileName)
  ) {
    throw new TypeError(
      `Cannot download '${parsed}': getFile() expects a plain file name, found ${
        JSON.stringify(fileName)
      } (pass options.fileName)`,
    );
  }
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const path = `${cacheDir}/${fileName}`;
  if (await isFile(path)) return path;

  await Deno.mkdir(cacheDir, { recursive: true });
  const temporary = `${path}.${crypto.randomUUID().slice(0, 8)}.partial`;
  try {
    const response = await fetchOrFail(parsed);
    const expected = Number(response.headers.get("content-length") ?? NaN);
    let received = 0;
    const file = await Deno.open(temporary, { write: true, createNew: true });
    // pipeTo closes the file when the body ends and aborts it on an error.
    await response.body!.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          received += chunk.length;
          controller.enqueue(chunk);
        },
      }),
    ).pipeTo(file.writable);
    if (Number.isFinite(expected) && received !== expected) {
      throw new RangeError(
        `Cannot download '${parsed}': getFile() received ${received} bytes, expected ${expected}`,
      );
    }
    await Deno.rename(temporary, path);
  } catch (error) {
    await Deno.remove(temporary).catch(() => {});
    if (error instanceof Error && error.message.startsWith("Cannot download")) {
      throw error;
    }
    throw new Error(
      `Cannot download '${parsed}' to '${path}': getFile() failed: ${
        error instanceof Error ? error.message : String(error)
      }`,
      { cause: error },
    );
  }
  return path;
}

async function fetchOrFail(url: URL): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(
      `Cannot download '${url}': getFile() got HTTP ${response.status}${
        response.statusText ? ` ${response.statusText}` : ""
      }, expected 200 OK`,
    );
  }
  if (response.body === null) {
    throw new Error(`Cannot download '${url}': getFile() got no body`);
  }
  return response;
}

function defaultCacheDir(): string {
  const home = Deno.env.get("HOME");
  if (home === undefined || home === "") {
    throw new TypeError(
      "Cannot find the cache folder: getFile() uses ~/.dezero, but HOME is not set (pass options.cacheDir)",
    );
  }
  return `${home}/.dezero`;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}
