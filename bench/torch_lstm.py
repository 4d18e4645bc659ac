"""One LSTM time step with PyTorch and with DeZero on NumPy, for bench/README.md.

The same step as bench/lstm_bench.ts: batch 30, input 1, hidden 100, float64,
starting from a kept state (h, c), forward and forward + backward of h.sum().
One thread, as Deno runs our kernels. DeZero is not part of this repository;
pass the directory of a checkout of github.com/oreilly-japan/
deep-learning-from-scratch-3 to time it too:

    /usr/bin/python3 bench/torch_lstm.py [/tmp/dz]
"""
import os
import sys
import timeit
import types

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
N, I, H = 30, 1, 100


def report(name, fn, number=200, repeat=7):
    fn()
    best = min(timeit.repeat(fn, number=number, repeat=repeat)) / number
    mean = sum(timeit.repeat(fn, number=number, repeat=3)) / (3 * number)
    print(f"{name}: avg {mean * 1e6:.1f} µs, best {best * 1e6:.1f} µs")


print(f"torch {torch.__version__}, numpy {np.__version__}, 1 thread")
cell = torch.nn.LSTMCell(I, H)
x = torch.rand(N, I) * 2 - 1
with torch.no_grad():
    h0, c0 = cell(x)


def torch_forward():
    with torch.no_grad():
        cell(x, (h0, c0))


def torch_backward():
    cell.zero_grad()
    h, _ = cell(x, (h0, c0))
    h.sum().backward()


report("PyTorch LSTMCell step: forward", torch_forward)
report("PyTorch LSTMCell step: forward + backward", torch_backward)

if len(sys.argv) > 1:
    sys.path.insert(0, sys.argv[1])
    # DeZero's datasets module imports matplotlib for its plots only.
    try:
        import matplotlib.pyplot  # noqa: F401
    except ImportError:
        sys.modules["matplotlib"] = types.ModuleType("matplotlib")
        sys.modules["matplotlib.pyplot"] = types.ModuleType("matplotlib.pyplot")
    import dezero
    import dezero.layers as L

    np.random.seed(0)
    lstm = L.LSTM(H, in_size=I)
    xd = np.random.uniform(-1, 1, (N, I))
    lstm(xd)
    hd, cd = lstm.h.data, lstm.c.data

    def dezero_step():
        lstm.h, lstm.c = dezero.Variable(hd), dezero.Variable(cd)
        return lstm(xd)

    def dezero_forward():
        with dezero.no_grad():
            dezero_step()

    def dezero_backward():
        lstm.cleargrads()
        dezero.functions.sum(dezero_step()).backward()

    report("DeZero (NumPy) LSTM step: forward", dezero_forward)
    report("DeZero (NumPy) LSTM step: forward + backward", dezero_backward)
