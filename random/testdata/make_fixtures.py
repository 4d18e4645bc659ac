"""Write the NumPy fixtures the random tests compare against, bit for bit.

Run with Debian's NumPy (1.24): /usr/bin/python3 random/testdata/make_fixtures.py
Doubles are stored as the 16 hex digits of their IEEE-754 bits, integers as
JSON numbers, so the comparison in random_state_test.ts is exact.
"""

import json
import struct
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent


def bits(values):
    """The IEEE-754 bits of each double as 16 hex digits."""
    return [struct.pack(">d", float(v)).hex() for v in np.ravel(values)]


SEEDS = [0, 1, 42, 1984, 2020, 2**32 - 1, [0], [1, 2, 3], [2**32 - 1, 0, 5],
         list(range(700))]


def streams(seed):
    """Several samplers from one seed, in an order that exercises the cache
    of the polar Gauss (odd counts of randn followed by other draws)."""
    r = np.random.RandomState(seed)
    calls = []
    calls.append(("rand", [400], bits(r.rand(400))))
    calls.append(("randn", [501], bits(r.randn(501))))
    calls.append(("rand", [3], bits(r.rand(3))))
    calls.append(("randn", [3], bits(r.randn(3))))
    calls.append(("randn", [], bits([r.randn()])))
    calls.append(("uniform", [-2.0, 3.0, 7], bits(r.uniform(-2.0, 3.0, 7))))
    calls.append(("randn", [1], bits(r.randn(1))))
    calls.append(("normal", [1.0, 2.0, 5], bits(r.normal(1.0, 2.0, 5))))
    calls.append(("randn", [2, 3], bits(r.randn(2, 3))))
    calls.append(("random_sample", [4], bits(r.random_sample(4))))
    return {"seed": seed, "calls": calls,
            "key_after": [int(k) for k in r.get_state()[1][:8]],
            "pos_after": int(r.get_state()[2]),
            "has_gauss_after": int(r.get_state()[3])}


def seeded_keys():
    """The state words right after seeding: init_genrand and init_by_array."""
    out = []
    for seed in [0, 5, 2**32 - 1, [5], [0, 1], list(range(700))]:
        state = np.random.RandomState(seed).get_state()
        out.append({"seed": seed, "key": [int(k) for k in state[1]],
                    "pos": int(state[2])})
    return out


RANGES = [(0, 1), (5, 6), (0, 2), (0, 3), (0, 10), (-3, 3), (0, 256),
          (0, 257), (0, 2**16), (0, 2**16 + 1), (0, 1000), (0, 2**31),
          (0, 2**31 + 1), (0, 2**32 - 1), (0, 2**32), (0, 2**32 + 1),
          (-2**40, 2**40), (0, 2**52 + 3), (-2**53, 2**53)]


def randint_cases():
    out = []
    r = np.random.RandomState(1234)
    for low, high in RANGES:
        out.append({"low": low, "high": high,
                    "values": [int(v) for v in r.randint(low, high, 50)]})
    out.append({"low": 7, "high": None,
                "values": [int(v) for v in r.randint(7, size=20)]})
    out.append({"low": 0, "high": 10, "shape": [3, 4],
                "values": [int(v) for v in np.ravel(r.randint(0, 10, (3, 4)))]})
    out.append({"low": 0, "high": 10, "scalar": int(r.randint(0, 10))})
    out.append({"low": -5, "high": 5, "after": bits(r.rand(3))})
    return out


def permutations():
    r = np.random.RandomState(2020)
    perms = [[int(v) for v in r.permutation(n)] for n in range(1, 301)]
    r = np.random.RandomState(7)
    matrix = np.arange(24.0).reshape(6, 4)
    r.shuffle(matrix)
    cube = np.arange(60.0).reshape(5, 3, 4)
    cube_perm = r.permutation(cube)
    items = list("abcdefghij")
    r.shuffle(items)
    rows = r.permutation(np.arange(10.0) * 1.5)
    after = bits(r.rand(2))
    return {"perms_seed": 2020, "perms": perms,
            "seed": 7,
            "matrix": matrix.tolist(), "cube": cube_perm.tolist(),
            "items": items, "rows": rows.tolist(), "after": after}


def choices():
    r = np.random.RandomState(3)
    p = [0.1, 0.2, 0.3, 0.15, 0.25]
    return {"seed": 3, "results": [
        [int(v) for v in r.choice(5, 10)],
        [int(v) for v in r.choice(5, 10, p=p)],
        [int(v) for v in r.choice(5, 3, replace=False)],
        [int(v) for v in r.choice(5, 4, replace=False, p=p)],
        [float(v) for v in r.choice([1.5, 2.5, 3.5], 6)],
        [int(r.choice(100))],
        [int(v) for v in np.ravel(r.choice(300, (2, 3), replace=False))],
    ]}


def main():
    fixtures = {
        "numpy": np.__version__,
        "streams": [streams(s) for s in SEEDS],
        "seeded_keys": seeded_keys(),
        "randint": randint_cases(),
        "permutations": permutations(),
        "choice": choices(),
    }
    path = HERE / "numpy_random.json"
    path.write_text(json.dumps(fixtures, separators=(",", ":")) + "\n")
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
