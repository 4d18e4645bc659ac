// Writes io/testdata/ours/: the files our encoder makes from the arrays in
// _fixtures.ts, and expected.json with those arrays' values (spelled from the
// inputs, not read back from the files). make_fixtures.py then checks that
// np.load reads them; encode_npz_test.ts checks that the encoder still makes
// exactly these bytes. Run both with `deno task fixtures:io`.

import { encodeNpy, encodeNpz } from "../mod.ts";
import { fixtureArrays, ourFixtures, OURS_DIR } from "./_fixtures.ts";

function spell(value: number): number | string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (Object.is(value, -0)) return "-0";
  return value;
}

const expected: Record<string, unknown> = {};
Deno.mkdirSync(OURS_DIR, { recursive: true });
for (const fixture of ourFixtures()) {
  const arrays = fixtureArrays(fixture);
  const bytes = fixture.file.endsWith(".npy")
    ? encodeNpy(arrays[""])
    : encodeNpz(arrays, { compressed: fixture.compressed });
  Deno.writeFileSync(new URL(fixture.file, OURS_DIR), bytes);
  const spelled = Object.fromEntries(
    Object.entries(fixture.arrays).map(([name, { shape, values }]) => [
      name,
      { shape, values: values.map(spell) },
    ]),
  );
  expected[fixture.file] = fixture.file.endsWith(".npy")
    ? spelled[""]
    : { compressed: fixture.compressed, arrays: spelled };
}
Deno.writeTextFileSync(
  new URL("expected.json", OURS_DIR),
  JSON.stringify(expected, null, 1) + "\n",
);
console.log(`Wrote ${ourFixtures().length} files to ${OURS_DIR.pathname}`);
