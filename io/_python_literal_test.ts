import assert from "node:assert/strict";
import { parsePythonLiteral } from "./_python_literal.ts";

Deno.test("parsePythonLiteral() reads the literals of a .npy header as Python does", () => {
  assert.deepEqual(parsePythonLiteral("(3)"), 3);
  assert.deepEqual(parsePythonLiteral("(3,)"), { kind: "tuple", items: [3] });
  assert.deepEqual(parsePythonLiteral("()"), { kind: "tuple", items: [] });
  assert.deepEqual(parsePythonLiteral("[('a', '<i4')]"), {
    kind: "list",
    items: [{ kind: "tuple", items: ["a", "<i4"] }],
  });
  assert.deepEqual(parsePythonLiteral(`'it\\'s'`), "it's");
  assert.deepEqual(parsePythonLiteral("-12L"), -12);
  const dict = parsePythonLiteral("{'a': True, \"b\": None, }");
  assert.deepEqual(dict, {
    kind: "dict",
    entries: new Map<string, unknown>([["a", true], ["b", null]]),
  });
  assert.throws(() => parsePythonLiteral("{'a': 1} x"), SyntaxError);
  assert.throws(() => parsePythonLiteral("{1: 2}"), /Expected a string key/);
  assert.throws(() => parsePythonLiteral("'open"), /Expected a closing '/);
  assert.throws(() => parsePythonLiteral("[".repeat(100)), /shallower value/);
});
