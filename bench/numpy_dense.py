"""NumPy and PyTorch on the workloads of bench/dense_bench.ts.

Run with `/usr/bin/python3 bench/numpy_dense.py` (one thread, the issue's
reference) or `/usr/bin/python3 bench/numpy_dense.py 2` (two threads, as this
library's matmul uses on two cores). Prints a Markdown table of the median of
several timed repetitions (after a warm-up) for each workload; the figures
recorded in bench/README.md come from it. `numpy.show_config()` says which
BLAS NumPy links (Debian's NumPy takes whatever `libblas.so.3` is: the
reference BLAS, or OpenBLAS once `libopenblas0-pthread` is installed).
"""

import os
import sys

THREADS = sys.argv[1] if len(sys.argv) > 1 else "1"
os.environ["OPENBLAS_NUM_THREADS"] = THREADS
os.environ["OMP_NUM_THREADS"] = THREADS
os.environ["MKL_NUM_THREADS"] = THREADS

import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(int(THREADS))
torch.set_default_dtype(torch.float64)


def timed(body, repeat):
    body()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def numpy_matmul_fwd_bwd(a, b):
    # What DeZero does: y = a @ b, then gy = ones, ga = gy @ b.T, gb = a.T @ gy.
    y = a @ b
    gy = np.ones_like(y)
    return gy @ b.T, a.T @ gy


def numpy_chain(x):
    # square(exp(square(x))) forward and backward, as DeZero computes it.
    a = x**2
    b = np.exp(a)
    y = b**2
    gy = np.ones_like(y)
    gb = gy * (2 * b)
    ga = gb * b
    gx = ga * (2 * x)
    return gx


def torch_chain(x):
    x.grad = None
    y = torch.square(torch.exp(torch.square(x)))
    y.backward(torch.ones_like(y))
    return x.grad


def main():
    rng = np.random.default_rng(0)
    rows = []
    for n in (256, 1024):
        a = rng.uniform(-1, 1, (n, n))
        b = rng.uniform(-1, 1, (n, n))
        repeat = 50 if n == 256 else 7
        t = timed(lambda: a @ b, repeat)
        rows.append((f"matmul {n} forward", "numpy", t, 2 * n**3 / t / 1e9))
        t = timed(lambda: numpy_matmul_fwd_bwd(a, b), repeat)
        rows.append((f"matmul {n} forward + backward", "numpy", t, 6 * n**3 / t / 1e9))
        ta = torch.tensor(a, requires_grad=True)
        tb = torch.tensor(b, requires_grad=True)

        def torch_mm():
            ta.grad = None
            tb.grad = None
            y = ta @ tb
            y.backward(torch.ones_like(y))

        t = timed(torch_mm, repeat)
        rows.append((f"matmul {n} forward + backward", "torch", t, 6 * n**3 / t / 1e9))

    million = 1_000_000
    inputs = {
        "exp": rng.uniform(-5, 5, million),
        "log": rng.uniform(0.01, 10, million),
        "tanh": rng.uniform(-3, 3, million),
        "sin": rng.uniform(-10, 10, million),
        "cos": rng.uniform(-10, 10, million),
    }
    for name, x in inputs.items():
        f = getattr(np, name)
        rows.append((f"{name} 1e6", "numpy", timed(lambda: f(x), 30), None))
        out = np.empty_like(x)
        rows.append((f"{name} 1e6 into an existing array", "numpy",
                     timed(lambda: f(x, out=out), 30), None))
        tx = torch.tensor(x)
        g = getattr(torch, name)
        rows.append((f"{name} 1e6", "torch", timed(lambda: g(tx), 30), None))

    for label, size in (("1e6", million), ("1e7", 10 * million)):
        x = np.full(size, 0.5)
        repeat = 20 if size == million else 7
        rows.append(
            (f"square(exp(square(x))) {label} forward + backward", "numpy",
             timed(lambda: numpy_chain(x), repeat), None))
        tx = torch.full((size,), 0.5, requires_grad=True)
        rows.append(
            (f"square(exp(square(x))) {label} forward + backward", "torch",
             timed(lambda: torch_chain(tx), repeat), None))

    print(f"NumPy {np.__version__}, PyTorch {torch.__version__}, {THREADS} thread(s)")
    print()
    print("| workload | library | time (median) | GFLOP/s |")
    print("| --- | --- | --- | --- |")
    for workload, library, seconds, gflops in rows:
        rate = f"{gflops:.1f}" if gflops is not None else ""
        print(f"| {workload} | {library} | {seconds * 1e3:.3f} ms | {rate} |")


if __name__ == "__main__":
    main()
