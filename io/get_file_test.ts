import assert from "node:assert/strict";
import { getFile } from "./mod.ts";
import { testNeeding } from "../testing/_permissions.ts";

const PAYLOAD = new Uint8Array(100_000).map((_, i) => (i * 7) % 251);

/**
 * A server on 127.0.0.1 for one test: `/data.bin` serves PAYLOAD, `/broken`
 * promises PAYLOAD but breaks off halfway, anything else is a 404. It counts
 * the requests per path.
 */
async function withServer(
  body: (base: string, hits: Map<string, number>) => Promise<void>,
): Promise<void> {
  const hits = new Map<string, number>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    (request) => {
      const path = new URL(request.url).pathname;
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (path === "/data.bin" || path === "/files/t10k%20labels.gz") {
        return new Response(PAYLOAD);
      }
      if (path === "/broken") {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(PAYLOAD.subarray(0, 50_000));
            controller.close();
          },
        });
        return new Response(stream, {
          headers: { "content-length": String(PAYLOAD.length) },
        });
      }
      return new Response("no such file", { status: 404 });
    },
  );
  try {
    await body(`http://127.0.0.1:${server.addr.port}`, hits);
  } finally {
    await server.shutdown();
  }
}

async function withTempDir(
  body: (dir: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "dezero_get_file_" });
  try {
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

testNeeding(
  ["read", "write", "net", "env"],
  "getFile() downloads once and serves the second call from the cache",
  async () => {
    await withServer((base, hits) =>
      withTempDir(async (dir) => {
        const cacheDir = `${dir}/cache`;
        const path = await getFile(`${base}/data.bin`, { cacheDir });
        assert.equal(path, `${cacheDir}/data.bin`);
        assert.deepEqual(await Deno.readFile(path), PAYLOAD);
        assert.equal(await getFile(`${base}/data.bin`, { cacheDir }), path);
        assert.equal(hits.get("/data.bin"), 1);
        assert.deepEqual([...Deno.readDirSync(cacheDir)].map((e) => e.name), [
          "data.bin",
        ]);
      })
    );
  },
);

testNeeding(
  ["read", "write", "net", "env"],
  "getFile() names the file with options.fileName or the decoded URL",
  async () => {
    await withServer((base) =>
      withTempDir(async (dir) => {
        const named = await getFile(`${base}/data.bin`, {
          cacheDir: dir,
          fileName: "other.bin",
        });
        assert.equal(named, `${dir}/other.bin`);
        const decoded = await getFile(`${base}/files/t10k%20labels.gz`, {
          cacheDir: dir,
        });
        assert.equal(decoded, `${dir}/t10k labels.gz`);
      })
    );
  },
);

testNeeding(
  ["read", "write", "net", "env"],
  "getFile() caches in ~/.dezero by default",
  async () => {
    await withServer((base) =>
      withTempDir(async (dir) => {
        const home = Deno.env.get("HOME");
        Deno.env.set("HOME", dir);
        try {
          assert.equal(
            await getFile(`${base}/data.bin`),
            `${dir}/.dezero/data.bin`,
          );
        } finally {
          if (home === undefined) Deno.env.delete("HOME");
          else Deno.env.set("HOME", home);
        }
      })
    );
  },
);

testNeeding(
  ["read", "write", "net", "env"],
  "getFile() names the URL and status of an HTTP error and caches nothing",
  async () => {
    await withServer((base, hits) =>
      withTempDir(async (dir) => {
        await assert.rejects(
          () => getFile(`${base}/missing.gz`, { cacheDir: dir }),
          new Error(
            `Cannot download '${base}/missing.gz': getFile() got HTTP 404 Not Found, expected 200 OK`,
          ),
        );
        assert.deepEqual([...Deno.readDirSync(dir)], []);
        await assert.rejects(() =>
          getFile(`${base}/missing.gz`, { cacheDir: dir })
        );
        assert.equal(hits.get("/missing.gz"), 2);
      })
    );
  },
);

testNeeding(
  ["read", "write", "net", "env"],
  "getFile() leaves no file behind when a download breaks off",
  async () => {
    await withServer((base, hits) =>
      withTempDir(async (dir) => {
        await assert.rejects(
          () => getFile(`${base}/broken`, { cacheDir: dir }),
          (error: Error) =>
            error.message.startsWith(`Cannot download '${base}/broken'`),
        );
        assert.deepEqual([...Deno.readDirSync(dir)], []);
        assert.equal(hits.get("/broken"), 1);
      })
    );
  },
);

Deno.test("getFile() rejects URLs it cannot download or name", async () => {
  await assert.rejects(
    () => getFile("not a url"),
    new TypeError(
      'Cannot download "not a url": getFile() expects an http or https URL',
    ),
  );
  await assert.rejects(
    () => getFile("file:///etc/passwd"),
    /found protocol "file:"$/,
  );
  await assert.rejects(
    () => getFile("http://127.0.0.1:9/dir/", { cacheDir: "/nonexistent" }),
    /getFile\(\) expects a plain file name, found "" \(pass options\.fileName\)$/,
  );
  await assert.rejects(
    () =>
      getFile("http://127.0.0.1:9/x", {
        fileName: "../x",
        cacheDir: "/nonexistent",
      }),
    /found "\.\.\/x"/,
  );
});
