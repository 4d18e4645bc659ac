// Test helper: a test that needs file, network or environment access runs
// only when it has it, so a plain `deno test` (no flags) skips it with the
// reason printed instead of failing. `deno task test` grants all of them.

/** A permission a test needs, by the flag that grants it. */
export type Need = "read" | "write" | "net" | "env";

// What the tests touch: any file (fixtures, Deno's npm cache), the temp
// folder, a local server and HOME (getFile's default cache folder).
const DESCRIPTORS: Record<Need, Deno.PermissionDescriptor> = {
  read: { name: "read" },
  write: { name: "write", path: "/tmp" },
  net: { name: "net", host: "127.0.0.1" },
  env: { name: "env", variable: "HOME" },
};

const FLAGS: Record<Need, string> = {
  read: "--allow-read",
  write: "--allow-write=/tmp",
  net: "--allow-net=127.0.0.1",
  env: "--allow-env=HOME",
};

/** Whether this run has the permission, without prompting. */
export function granted(need: Need): boolean {
  return Deno.permissions.querySync(DESCRIPTORS[need]).state === "granted";
}

/**
 * Register `fn` as a test that is ignored, with the reason printed, unless
 * every permission in `needs` is granted.
 */
export function testNeeding(
  needs: readonly Need[],
  name: string,
  fn: () => void | Promise<void>,
): void {
  const missing = needs.filter((need) => !granted(need));
  if (missing.length > 0) {
    console.log(
      `Skipping "${name}": it needs ${
        missing.map((need) => FLAGS[need]).join(" ")
      } (deno task test grants it)`,
    );
  }
  Deno.test({ name, ignore: missing.length > 0, fn });
}
