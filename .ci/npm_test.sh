#!/usr/bin/env bash
# The npm package under Node: build dist/npm/ (deno task build:npm), pack it
# with `npm pack`, install the tarball into a new Node project in a temporary
# folder and run .ci/npm_smoke.mjs there (quick start, gradient check,
# training loop). Needs deno, node >= 20 and npm on PATH.
#
#   bash .ci/npm_test.sh [path-to-repo]
set -euo pipefail
repo=$(cd "${1:-$(dirname "$0")/..}" && pwd)

major=$(node -p 'process.versions.node.split(".")[0]')
if [[ "$major" -lt 20 ]]; then
  echo "npm test: Node $(node --version) is too old, the package needs Node 20 or later" >&2
  exit 1
fi

(cd "$repo" && deno task build:npm)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo/dist/npm" && npm pack --silent --pack-destination "$work" >/dev/null)
tarball=$(ls "$work"/*.tgz)
echo "npm test: packed $(basename "$tarball") ($(du -k "$tarball" | cut -f1) KiB)"

mkdir "$work/app"
cd "$work/app"
echo '{ "name": "app", "private": true, "type": "module" }' >package.json
npm install --silent --no-audit --no-fund "$tarball"
cp "$repo/.ci/npm_smoke.mjs" main.mjs
node main.mjs
