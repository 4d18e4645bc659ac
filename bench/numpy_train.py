"""DeZero (NumPy) and PyTorch times for the steps of bench/train_bench.ts.

Usage: /usr/bin/python3 bench/numpy_train.py DEZERO_CHECKOUT

DEZERO_CHECKOUT is a clone of github.com/oreilly-japan/deep-learning-from-scratch-3
(not part of this repository). One thread each (OPENBLAS_NUM_THREADS=1,
torch.set_num_threads(1)), float64 everywhere (DeZero's Linear is given
dtype float64), as this library computes. Prints the minimum and median time
per step (on a shared machine the minimum is the steadier of the two).
"""
import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"

import sys  # noqa: E402
import time  # noqa: E402
import types  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)
sys.path.insert(0, sys.argv[1])
for name in ("matplotlib", "matplotlib.pyplot"):
    sys.modules[name] = types.ModuleType(name)
sys.modules["matplotlib"].pyplot = sys.modules["matplotlib.pyplot"]

import dezero.functions as F  # noqa: E402
import dezero.layers as L  # noqa: E402
from dezero import Variable, optimizers  # noqa: E402
from dezero.models import Model  # noqa: E402


def timed(step, seconds=3.0, warmup=3):
    for _ in range(warmup):
        step()
    times = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(times) < 10:
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return float(np.min(times)), float(np.median(times))


def show(name, times):
    low, median = times
    unit, scale = ("ms", 1e3) if median >= 1e-3 else ("µs", 1e6)
    print("%-58s min %9.1f %s, median %9.1f %s" % (
        name, low * scale, unit, median * scale, unit))


np.random.seed(0)

# Step 43: 1-10-1, batch 100, sigmoid, mean squared error, SGD lr 0.2.
x = np.random.rand(100, 1)
t = np.sin(2 * np.pi * x)
W1 = Variable(np.random.randn(1, 10))
b1 = Variable(np.zeros(10))
W2 = Variable(np.random.randn(10, 1))
b2 = Variable(np.zeros(1))


def dezero43():
    y = F.linear(F.sigmoid(F.linear(x, W1, b1)), W2, b2)
    loss = F.mean_squared_error(y, t)
    for p in (W1, b1, W2, b2):
        p.cleargrad()
    loss.backward()
    for p in (W1, b1, W2, b2):
        p.data -= 0.2 * p.grad.data


tx, tt = torch.tensor(x), torch.tensor(t)
tW1 = torch.tensor(W1.data, requires_grad=True)
tb1 = torch.zeros(10, dtype=torch.float64, requires_grad=True)
tW2 = torch.tensor(W2.data, requires_grad=True)
tb2 = torch.zeros(1, dtype=torch.float64, requires_grad=True)
topt43 = torch.optim.SGD([tW1, tb1, tW2, tb2], lr=0.2)


def torch43():
    y = torch.sigmoid(tx @ tW1 + tb1) @ tW2 + tb2
    loss = torch.nn.functional.mse_loss(y, tt, reduction="sum") / 100
    topt43.zero_grad()
    loss.backward()
    topt43.step()


# MNIST MLP: 784-1000-10, batch 100, sigmoid, softmax cross entropy, SGD.
class TwoLayer(Model):
    def __init__(self):
        super().__init__()
        self.l0 = L.Linear(1000, dtype=np.float64)
        self.l1 = L.Linear(10, dtype=np.float64)

    def forward(self, x):
        return self.l1(F.sigmoid(self.l0(x)))


xm = np.random.rand(100, 784)
tm = np.random.randint(0, 10, 100)
model = TwoLayer()
optimizer = optimizers.SGD().setup(model)


def dezero_mnist():
    loss = F.softmax_cross_entropy(model(xm), tm)
    model.cleargrads()
    loss.backward()
    optimizer.update()


tnet = torch.nn.Sequential(torch.nn.Linear(784, 1000), torch.nn.Sigmoid(),
                           torch.nn.Linear(1000, 10)).double()
topt = torch.optim.SGD(tnet.parameters(), lr=0.01)
txm, ttm = torch.tensor(xm), torch.tensor(tm)


def torch_mnist():
    loss = torch.nn.functional.cross_entropy(tnet(txm), ttm)
    topt.zero_grad()
    loss.backward()
    topt.step()


print("numpy", np.__version__, "torch", torch.__version__)
show("step 43 (1-10-1, batch 100): DeZero + NumPy", timed(dezero43))
show("step 43 (1-10-1, batch 100): PyTorch", timed(torch43))
show("MNIST MLP (784-1000-10, batch 100, SGD): DeZero + NumPy",
     timed(dezero_mnist))
show("MNIST MLP (784-1000-10, batch 100, SGD): PyTorch", timed(torch_mnist))
