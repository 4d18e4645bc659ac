"""Write pow_edge_cases.json: np.power on float64 for IEEE edge cases.

Run with `/usr/bin/python3 functions/testdata/make_pow_edge_cases.py` from
the repository root. Numbers that JSON cannot hold (inf, -inf, nan, -0) are
written as the strings "inf", "-inf", "nan", "-0".
"""

import json
import pathlib

import numpy as np

INF = float("inf")
NAN = float("nan")
BASES = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, -8.0, 3.0, INF, -INF, NAN]
EXPONENTS = [0.0, -0.0, 1.0, -1.0, 2.0, 3.0, -2.0, -3.0, 0.5, 1 / 3, 2.5,
             INF, -INF, NAN]


def encode(value: float):
    if np.isnan(value):
        return "nan"
    if np.isinf(value):
        return "inf" if value > 0 else "-inf"
    if value == 0 and np.signbit(value):
        return "-0"
    return value


def main() -> None:
    cases = []
    with np.errstate(all="ignore"):
        for base in BASES:
            for exponent in EXPONENTS:
                result = np.power(np.float64(base), np.float64(exponent))
                cases.append([encode(base), encode(exponent),
                              encode(float(result))])
    out = pathlib.Path(__file__).with_name("pow_edge_cases.json")
    out.write_text(json.dumps({"numpy": np.__version__, "cases": cases},
                              indent=None) + "\n")


if __name__ == "__main__":
    main()
