"""Fixtures for the io/ tests, made and checked with NumPy.

Run from the repository root, after `deno task fixtures:io` has written our
files (the task runs both steps):

    /usr/bin/python3 io/testdata/make_fixtures.py

1. NumPy -> us: writes io/testdata/numpy/*.npy and *.npz (every dtype we
   read, both byte orders, Fortran order, 0-d, empty, format versions 2.0 and
   3.0, np.savez and np.savez_compressed with keys containing "/", a file as
   DeZero's save_weights writes it, and dtypes we must refuse) and
   numpy/expected.json with NumPy's own float64 conversion of each array.
2. Us -> NumPy: loads every file in io/testdata/ours/ (written by our encoder
   through make_ours.ts) with np.load and asserts dtype, shape, values, zip
   compression method and CRC-32 against ours/expected.json, whose values come
   from the inputs, not from our encoder.
"""

import io
import json
import math
import os
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
NUMPY_DIR = os.path.join(HERE, "numpy")
OURS_DIR = os.path.join(HERE, "ours")


def number(x):
    """A float for JSON; NaN and infinities as strings."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0 and math.copysign(1, x) < 0:
        return "-0"
    return x


def expected(a):
    a = np.asarray(a)
    return {
        "shape": list(a.shape),
        "values": [number(v) for v in a.astype(np.float64).ravel(order="C")],
    }


def npy_cases():
    rng = np.random.RandomState(0)
    specials = [0.0, -0.0, 1.5, -2.25, 1e-300, 1e300, np.inf, -np.inf, np.nan]
    cases = {
        "f8.npy": np.array(specials + [0.1, -1 / 3, 5e-324]).reshape(3, 4),
        "f4.npy": np.array([0.1, -1 / 3, 3.4e38, 1e-45, np.inf, np.nan], np.float32),
        "f2.npy": np.array([0.1, -1 / 3, 65504, 6e-8, 1e-5, -np.inf, np.nan, 0], np.float16),
        "i1.npy": np.array([-128, -1, 0, 1, 127], np.int8),
        "i2.npy": np.array([-32768, -1, 0, 32767], np.int16),
        "i4.npy": np.array([[-(2**31), -1], [0, 2**31 - 1]], np.int32),
        "i8.npy": np.array([-(2**63), -(2**53) - 1, -1, 0, 2**53 + 1, 2**63 - 1], np.int64),
        "u1.npy": np.array([0, 1, 128, 255], np.uint8),
        "u2.npy": np.array([0, 1, 65535], np.uint16),
        "u4.npy": np.array([0, 1, 2**32 - 1], np.uint32),
        "u8.npy": np.array([0, 1, 2**53 + 1, 2**64 - 1], np.uint64),
        "b1.npy": np.array([[True, False, True]]),
        "big_f8.npy": np.array([1.5, -2.25, 1e300, np.nan], ">f8"),
        "big_f4.npy": np.array([0.1, -3.5], ">f4"),
        "big_f2.npy": np.array([0.1, -3.5], ">f2"),
        "big_i2.npy": np.array([-2, 300], ">i2"),
        "big_i4.npy": np.array([-2, 70000], ">i4"),
        "big_i8.npy": np.array([-(2**40) - 3, 2**62 + 1], ">i8"),
        "big_u2.npy": np.array([1, 65000], ">u2"),
        "big_u4.npy": np.array([1, 4000000000], ">u4"),
        "big_u8.npy": np.array([1, 2**63 + 5], ">u8"),
        "fortran_f8.npy": np.asfortranarray(rng.randn(2, 3, 4)),
        "fortran_i4.npy": np.asfortranarray(np.arange(12, dtype=np.int32).reshape(3, 4)),
        "scalar_f8.npy": np.array(-7.25),
        "scalar_i8.npy": np.array(42, np.int64),
        "empty_1d.npy": np.zeros((0,)),
        "empty_3d.npy": np.zeros((2, 0, 3), np.float32),
        "c_f8.npy": rng.randn(2, 3),
    }
    return cases


def save(name, a, version=None):
    path = os.path.join(NUMPY_DIR, name)
    if version is None:
        np.save(path, a)
    else:
        with open(path, "wb") as f:
            np.lib.format.write_array(f, np.asarray(a), version=version)


def make_numpy_fixtures():
    os.makedirs(NUMPY_DIR, exist_ok=True)
    table = {}
    for name, a in npy_cases().items():
        save(name, a)
        table[name] = expected(a)
    assert np.load(os.path.join(NUMPY_DIR, "fortran_f8.npy")).flags.f_contiguous
    for version in [(2, 0), (3, 0)]:
        name = "version_%d.npy" % version[0]
        a = np.arange(6, dtype="<f8").reshape(2, 3) / 4
        save(name, a, version)
        table[name] = expected(a)

    weights = {
        "l0/W": np.arange(6, dtype=np.float64).reshape(2, 3) / 8 - 0.25,
        "l0/b": np.array([0.5, -0.5, 2.0]),
        "l1/W": np.array([[1.0], [2.0], [3.0]]),
        "l1/b": np.array([-1.0]),
        "step": np.array(3.0),
        "empty": np.zeros((0, 2)),
        "counts": np.array([1, 2, 3], np.int32),
    }
    np.savez(os.path.join(NUMPY_DIR, "savez.npz"), **weights)
    np.savez_compressed(os.path.join(NUMPY_DIR, "savez_compressed.npz"), **weights)
    np.savez(os.path.join(NUMPY_DIR, "positional.npz"), np.array([1.0, 2.0]), np.array(3.0))
    for name in ["savez.npz", "savez_compressed.npz"]:
        table[name] = {k: expected(v) for k, v in weights.items()}
    table["positional.npz"] = {"arr_0": expected([1.0, 2.0]), "arr_1": expected(3.0)}

    # As DeZero's Layer.save_weights writes them: float32 parameters (its
    # Linear default), keys from _flatten_params, np.savez_compressed.
    rng = np.random.RandomState(1)
    dezero = {
        "l0/W": (rng.randn(3, 4) * np.sqrt(1 / 3)).astype(np.float32),
        "l0/b": np.zeros(4, np.float32),
        "l1/W": (rng.randn(4, 2) * np.sqrt(1 / 4)).astype(np.float32),
        "l1/b": np.zeros(2, np.float32),
    }
    np.savez_compressed(os.path.join(NUMPY_DIR, "dezero_weights.npz"), **dezero)
    table["dezero_weights.npz"] = {k: expected(v) for k, v in dezero.items()}

    # Dtypes we must refuse, each with the dtype string the error must name.
    refused = {
        "object.npy": (np.array([1, "a", None], dtype=object), "|O"),
        "unicode.npy": (np.array(["ab", "c"]), "<U2"),
        "bytes.npy": (np.array([b"ab", b"c"]), "|S2"),
        "complex.npy": (np.array([1 + 2j]), "<c16"),
        "datetime.npy": (np.array(["2020-01-01"], dtype="datetime64[D]"), "<M8[D]"),
        "structured.npy": (np.zeros(2, dtype=[("a", "<i4"), ("b", "<f8")]), None),
    }
    table["refused"] = {}
    for name, (a, descr) in refused.items():
        save(name, a)
        table["refused"][name] = descr
    np.savez(os.path.join(NUMPY_DIR, "with_object.npz"), good=np.ones(2),
             bad=np.array([None], dtype=object))

    with open(os.path.join(NUMPY_DIR, "expected.json"), "w") as f:
        json.dump(table, f, indent=1, sort_keys=True)
        f.write("\n")


def close(actual, wanted):
    actual = np.asarray(actual, dtype=np.float64).ravel()
    wanted = np.array([float(v) for v in wanted], dtype=np.float64)
    assert actual.shape == wanted.shape, (actual.shape, wanted.shape)
    # Exact: float64 written and read back must be bit-for-bit (NaN with NaN).
    same = (actual == wanted) | (np.isnan(actual) & np.isnan(wanted))
    assert same.all(), (actual, wanted)
    assert (np.signbit(actual) == np.signbit(wanted)).all(), (actual, wanted)


def check_ours():
    with open(os.path.join(OURS_DIR, "expected.json")) as f:
        table = json.load(f)
    checked = 0
    for name, spec in sorted(table.items()):
        path = os.path.join(OURS_DIR, name)
        if name.endswith(".npy"):
            a = np.load(path)
            assert a.dtype == np.float64 and a.flags.c_contiguous, name
            assert list(a.shape) == spec["shape"], (name, a.shape)
            close(a, spec["values"])
            buffer = io.BytesIO()
            np.save(buffer, a)
            assert buffer.getvalue() == open(path, "rb").read(), name
        else:
            wanted = zipfile.ZIP_DEFLATED if spec["compressed"] else zipfile.ZIP_STORED
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None, name  # every CRC-32
                methods = {info.compress_type for info in archive.infolist()}
                assert methods <= {wanted}, (name, methods)
            with np.load(path) as npz:
                assert list(npz.files) == list(spec["arrays"]), (name, npz.files)
                for key, array_spec in spec["arrays"].items():
                    a = npz[key]
                    assert a.dtype == np.float64, (name, key, a.dtype)
                    assert list(a.shape) == array_spec["shape"], (name, key)
                    close(a, array_spec["values"])
        checked += 1
    print("np.load read %d files of ours correctly" % checked)


if __name__ == "__main__":
    make_numpy_fixtures()
    check_ours()
