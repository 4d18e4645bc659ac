#!/usr/bin/env bash
# The README's Install section, tried as a new user would: a copy of the
# repository as `dezero/` and a new project `app/` beside it, linked with
# `deno link ../dezero`; app/main.ts uses @dezero/core and
# @dezero/core/testing, and a plain `deno test` in app/ runs the app's test
# only, not the library's.
#
#   bash .ci/install_test.sh [path-to-repo]
set -euo pipefail
repo=$(cd "${1:-$(dirname "$0")/..}" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy of the committed files, as a clone would have them (the working
# tree's versions, so uncommitted changes are tested too).
mkdir -p "$work/dezero"
(cd "$repo" && git ls-files -z | xargs -0 cp --parents -t "$work/dezero/")
mkdir "$work/app"
cd "$work/app"

echo '{}' >deno.json
deno link ../dezero
grep -q '"links"' deno.json || {
  echo "install test: deno link wrote no \"links\" to deno.json" >&2
  exit 1
}

cat >main.ts <<'TS'
import { array, exp, square, tanh, Variable } from "@dezero/core";
import { gradientCheck } from "@dezero/core/testing";
import assert from "node:assert/strict";

const x = new Variable(array(0.5));
const y = square(exp(square(x)));
y.backward();
console.log(x.grad);
assert.equal(x.grad?.data.get(), 3.297442541400256);

const f = (v: Variable) => tanh(square(v));
console.log("gradientCheck checked", gradientCheck(f, array([0.1, -0.7, 1.3])).checked, "values");
gradientCheck(f, array([0.1, -0.7, 1.3]), { order: 2 });
TS
deno run main.ts

cat >main_test.ts <<'TS'
import { array, sin, Variable } from "@dezero/core";
import assert from "node:assert/strict";

Deno.test("sin'(0) is 1 through the linked package", () => {
  const x = new Variable(array(0));
  sin(x).backward();
  assert.equal(x.grad?.data.get(), 1);
});
TS
deno test 2>&1 | tee test.log
# Only the app's own test runs: the library's tests stay in ../dezero.
grep -Eq '^ok \| 1 passed \| 0 failed' test.log || {
  echo "install test: a plain deno test in the app ran more than its own test" >&2
  exit 1
}
echo "install test: deno link ../dezero works from a sibling project"
