// The fixtures must come from the committed script as it stands: the JSON
// records the SHA-256 of the script that wrote it.

import assert from "node:assert/strict";
import data from "./conv_fixtures.json" with { type: "json" };
import { testNeeding } from "../../testing/_permissions.ts";

testNeeding(
  ["read"],
  "conv_fixtures.json was made by the current make_conv_fixtures.py",
  async () => {
    const script = await Deno.readFile(
      new URL("./make_conv_fixtures.py", import.meta.url),
    );
    const digest = new Uint8Array(
      await crypto.subtle.digest("SHA-256", script),
    );
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0"))
      .join("");
    assert.equal(
      data.scriptSha256,
      hex,
      "make_conv_fixtures.py changed since conv_fixtures.json was written: run /usr/bin/python3 functions/testdata/make_conv_fixtures.py",
    );
  },
);
