"""Reference strings for printing: NumPy's str() of float64 arrays.

Run with `/usr/bin/python3 core/testdata/make_print_fixtures.py` (NumPy and
`deno` needed); it rewrites core/testdata/print_fixtures.json, laid out by
`deno fmt`. The output is deterministic (a seeded generator), so running it
again must leave the committed file unchanged. The tests
(core/_format_test.ts) compare every string character for character.

Each case holds a shape, the values as strings (JavaScript's Number() reads
them back exactly: repr() for finite values, "NaN", "Infinity", "-Infinity")
and NumPy's str(). Arrays bigger than the list of values repeat it (tiling),
so the summarised cases stay small in the file. `view` optionally names a
view to print instead of the array itself: "transpose" (reverse the axes),
"reverse" (step -1 along the last axis) or "broadcast" (the values, a row,
broadcast to the shape without copying: far more elements than memory holds).
"""

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np

OUT = Path(__file__).with_name("print_fixtures.json")
rng = np.random.default_rng(20261130)


def encode(value):
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return repr(value)


cases = []


def add(shape, values, view=None, note=""):
    shape = tuple(int(n) for n in shape)
    size = int(np.prod(shape, dtype=np.int64))
    values = np.asarray(values, dtype=np.float64).ravel()
    if view == "broadcast":
        cases.append({
            "note": note,
            "shape": list(shape),
            "values": [encode(v) for v in values],
            "str": str(np.broadcast_to(values, shape)),
            "view": view,
        })
        return
    if size > 0 and len(values) == 0:
        raise ValueError("values needed")
    if size <= len(values):
        values = values[:size]
        data = values.reshape(shape) if size > 0 else np.zeros(shape)
    else:
        data = np.resize(values, size).reshape(shape)
    shown = data
    if view == "transpose":
        shown = data.T
    elif view == "reverse":
        shown = data[..., ::-1]
    case = {
        "note": note,
        "shape": list(shape),
        "values": [encode(v) for v in values],
        "str": str(shown),
    }
    if view is not None:
        case["view"] = view
    cases.append(case)


def random_shape(max_dims=4, max_size=24):
    ndim = int(rng.integers(1, max_dims + 1))
    while True:
        shape = [int(rng.integers(1, 7)) for _ in range(ndim)]
        if np.prod(shape) <= max_size:
            return shape


# 0-d: str() of a 0-d array is the scalar's str, not limited to 8 digits.
for value in [16.0, 0.1 + 0.2, 1.0, 0.0, -0.0, 100.0, 1e16, 9999999999999998.0,
              1e-4, 9e-5, 1e-5, 1.5e-7, 123456789.123, 1e22, 1e21, 1e23,
              -2.5, 5e-324, 1.7976931348623157e308, 2.0 ** 60, 0.5,
              math.pi, -math.e, 3.297442541400256, 1.648721270700128,
              4.000000000004, float("nan"), float("inf"), float("-inf"),
              0.040000000000000036, -5376.0, 1e15 + 0.3, 12345678901234567.0]:
    add([], [value], note="0-d")

# Hand-picked 1-d cases around NumPy's decisions.
hand = [
    ([1, 2, 3], "integers"),
    ([1.5, 2.25, -3], "short fractions"),
    ([0.001953125, 1.0], "exact tie at the 9th digit rounds to even"),
    ([0.005859375, 1.0], "exact tie rounding up to even"),
    ([123456788.5, 1.0], "exact tie in scientific rounds down to even"),
    ([123456789.5, 1.0], "exact tie in scientific rounds up to even"),
    ([1e-5, 1e100, -3.0], "exponent padding"),
    ([-0.0, 1.0], "negative zero"),
    ([0.0, 0.0], "zeros"),
    ([-0.0], "only negative zero"),
    ([float("nan"), float("-inf")], "only non-finite"),
    ([float("nan"), 1.5, float("inf")], "nan and inf with numbers"),
    ([float("nan"), 1e-7, float("-inf")], "nan and inf in scientific"),
    ([1e8, 1.0], "1e8 switches to scientific"),
    ([99999999.0, 1.0], "just below 1e8"),
    ([99999999.999999, 0.5], "rounds up to 1e8 positionally"),
    ([1e-4, 0.1], "1e-4 stays positional"),
    ([9.99e-5, 0.1], "below 1e-4 is scientific"),
    ([1.0, 1000.0], "ratio 1000 stays positional"),
    ([1.0, 1000.0001], "ratio above 1000 is scientific"),
    ([0.999999999, 1.0], "rounding to 1"),
    ([9.99999999999, 1e-3], "scientific carry to 1.e+01"),
    ([0.1, 0.2, 0.30000000000000004], "shortest repr"),
    ([1 / 3, 2 / 3], "long fractions"),
    ([-1 / 3, 1e-3], "negative and small"),
    ([123456.789, 0.001], "mixed widths"),
    ([5e-324, 1.0], "subnormal"),
    ([1.7976931348623157e308, -1.7976931348623157e308], "largest"),
    ([1e-300, 1e300], "huge exponent range"),
    ([0.5, 0.25, 0.125, 0.0625], "powers of two"),
    ([1e-9, 1e-10], "tiny"),
    ([2.5e-9, 1.0], "tiny with one"),
    ([0.84147098, 2.0], "the issue's example"),
    ([12345678.123456789, 1.0], "many digits in the integer part"),
    ([67108864.00000001, 67108865.0], "near 2**26, ulp above 1e-8"),
    ([3.0, -0.0, float("nan")], "mixed specials"),
]
for values, note in hand:
    add([len(values)], values, note=note)

add([2, 2], [1, 2, 3, 4], note="2-d integers")
add([2, 1, 2], [1, 2, 3, 4], note="3-d integers")
add([2, 3], [1, 2, 3, 4, 5, 6], view="transpose", note="transpose view")
add([2, 3], [1.5, 2, 3, 4, 5, 6.25], view="reverse", note="reversed view")
add([0], [], note="empty")
add([2, 0], [], note="empty 2-d")
add([0, 3, 2], [], note="empty 3-d")
add([1, 1, 1, 1], [7.0], note="one element 4-d")
add([2, 10], np.sin(np.arange(20.0)), note="sin rows that wrap")
add([2, 3], np.sin(np.arange(6.0)), note="sin")


def random_values(kind, size):
    if kind == "int":
        return rng.integers(-20, 21, size).astype(float)
    if kind == "bigint":
        return rng.integers(-10 ** 7, 10 ** 7, size).astype(float)
    if kind == "hugeint":
        return rng.integers(-10 ** 12, 10 ** 12, size).astype(float)
    if kind == "quarter":
        return rng.integers(-40, 41, size) / 4.0
    if kind == "uniform":
        return rng.uniform(-1, 1, size)
    if kind == "positive":
        return rng.uniform(0, 1, size)
    if kind == "normal":
        return rng.normal(0, 1, size) * 10.0 ** rng.integers(-3, 4)
    if kind == "scaled":
        return rng.normal(0, 1, size) * 10.0 ** rng.integers(-15, 16)
    if kind == "mixed":
        return rng.normal(0, 1, size) * 10.0 ** rng.integers(-8, 9, size)
    if kind == "tiny":
        return rng.uniform(-1, 1, size) * 1e-6
    if kind == "huge":
        return rng.uniform(-1, 1, size) * 1e12
    if kind == "rounded":
        return np.round(rng.normal(0, 100, size), int(rng.integers(0, 10)))
    if kind == "nearint":
        return rng.integers(-5, 6, size) + rng.choice([0, 1e-9, -1e-9, 1e-12], size)
    raise ValueError(kind)


kinds = ["int", "bigint", "hugeint", "quarter", "uniform", "positive", "normal",
         "scaled", "mixed", "tiny", "huge", "rounded", "nearint"]


def sprinkle(values):
    values = values.copy()
    for special in [float("nan"), float("inf"), float("-inf"), -0.0, 0.0]:
        if rng.random() < 0.25 and len(values) > 0:
            values[int(rng.integers(0, len(values)))] = special
    return values


# Random 0-d arrays of every magnitude.
for i in range(40):
    add([], random_values(kinds[i % len(kinds)], 1), note="random 0-d")

# Random small arrays, 1-d to 4-d.
for i in range(220):
    kind = kinds[i % len(kinds)]
    shape = random_shape()
    size = int(np.prod(shape))
    values = random_values(kind, size)
    if rng.random() < 0.3:
        values = sprinkle(values)
    view = [None, None, None, "transpose", "reverse"][int(rng.integers(0, 5))]
    add(shape, values, view=view, note=f"random {kind}")

# Wide rows that wrap at 75 characters.
for i in range(30):
    kind = kinds[i % len(kinds)]
    length = int(rng.integers(8, 90))
    rows = int(rng.integers(1, 3))
    values = random_values(kind, 23)
    if rng.random() < 0.3:
        values = sprinkle(values)
    shape = [length] if rows == 1 else [rows, length]
    add(shape, values, note=f"wide {kind}")

# Above 1000 elements: summarised with 3 edge items and "...".
big_shapes = [[1001], [2000], [10, 200], [200, 10], [3, 500], [40, 40],
              [2, 3, 200], [11, 11, 11], [2, 2, 2, 130], [1, 1001], [1001, 1],
              [7, 7, 7, 7], [6, 6, 6, 6], [100, 11], [5, 5, 41], [1, 2, 501],
              [1000, 2], [3, 3, 3, 3, 13]]
for i, shape in enumerate(big_shapes):
    kind = kinds[i % len(kinds)]
    period = int(rng.choice([37, 41, 43, 47, 53]))
    values = random_values(kind, period)
    if i % 4 == 3:
        values = sprinkle(values)
    view = "transpose" if i % 5 == 4 else None
    add(shape, values, view=view, note=f"summarised {kind}")
add([1000], np.arange(41.0) / 8, note="exactly 1000 elements")
add([1001], np.arange(41.0) / 7, note="1001 elements")
add([2000], [1.0, 2.0, 3.0], note="summarised integers")

# Broadcast views far bigger than memory: only the shown elements are read.
add([2, 3], [1.0, 2.0, 3.0], view="broadcast", note="broadcast rows")
add([10 ** 8], [2.5], view="broadcast", note="1e8 broadcast elements")
add([5 * 10 ** 9], [1.5], view="broadcast", note="5e9 broadcast elements")
add([10 ** 5, 10 ** 5, 3], [0.5, -1.25, 3.0], view="broadcast",
    note="3e10 broadcast elements in 3-d")
add([7, 10 ** 6, 1, 2], [1e-9, 7.0], view="broadcast",
    note="4-d broadcast in scientific notation")

OUT.write_text(json.dumps({"numpy": np.__version__, "cases": cases}) + "\n")
# Lay the file out as `deno fmt` does, so that `deno fmt --check` passes.
subprocess.run(["deno", "fmt", "--quiet", str(OUT)], check=True)
print(f"Wrote {len(cases)} cases to {OUT}", file=sys.stderr)
