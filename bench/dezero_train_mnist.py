"""DeZero's side of `deno task train`: the same network, data and seed.

Usage:
  deno run --allow-read --allow-write examples/testdata/dump_mnist.ts /tmp/mnist_packaged.npz
  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/dezero_train_mnist.py DEZERO_CHECKOUT /tmp/mnist_packaged.npz [HIDDEN] [EPOCHS]

DEZERO_CHECKOUT is a clone of github.com/oreilly-japan/deep-learning-from-scratch-3
(not part of this repository). Trains MLP((H, H, 10), activation=relu) with
Adam, batch 100, on the 8,000 packaged training digits and tests on the other
2,000 after every epoch, with DeZero's default MNIST transform, and prints the
loss, accuracy and time as examples/train_mnist.ts does.
"""
import sys
import time
import types

import numpy as np

sys.path.insert(0, sys.argv[1])
for name in ("matplotlib", "matplotlib.pyplot"):
    sys.modules[name] = types.ModuleType(name)
sys.modules["matplotlib"].pyplot = sys.modules["matplotlib.pyplot"]

import dezero  # noqa: E402
import dezero.functions as F  # noqa: E402
from dezero import DataLoader, optimizers  # noqa: E402
from dezero.models import MLP  # noqa: E402

digits = np.load(sys.argv[2])
hidden = int(sys.argv[3]) if len(sys.argv) > 3 else 256
epochs = int(sys.argv[4]) if len(sys.argv) > 4 else 5


def prepare(self):
    split = "train" if self.train else "test"
    self.data = digits["x_" + split].astype(np.uint8)
    self.label = digits["t_" + split].astype(np.int64)


dezero.datasets.MNIST.prepare = prepare

np.random.seed(0)
train_set = dezero.datasets.MNIST(train=True)
test_set = dezero.datasets.MNIST(train=False)
train_loader = DataLoader(train_set, 100)
test_loader = DataLoader(test_set, 100, shuffle=False)
model = MLP((hidden, hidden, 10), activation=F.relu)
optimizer = optimizers.Adam().setup(model)

start = time.perf_counter()
for epoch in range(epochs):
    sum_loss, sum_acc = 0, 0
    for x, t in train_loader:
        y = model(x)
        loss = F.softmax_cross_entropy(y, t)
        acc = F.accuracy(y, t)
        model.cleargrads()
        loss.backward()
        optimizer.update()
        sum_loss += float(loss.data) * len(t)
        sum_acc += float(acc.data) * len(t)
    train_loss, train_acc = sum_loss / len(train_set), sum_acc / len(train_set)
    sum_loss, sum_acc = 0, 0
    with dezero.no_grad():
        for x, t in test_loader:
            y = model(x)
            sum_loss += float(F.softmax_cross_entropy(y, t).data) * len(t)
            sum_acc += float(F.accuracy(y, t).data) * len(t)
    print("epoch %d: train loss %.4f, accuracy %.4f | test loss %.4f, "
          "accuracy %.4f | %.1f s" % (
              epoch + 1, train_loss, train_acc, sum_loss / len(test_set),
              sum_acc / len(test_set), time.perf_counter() - start))
print("Test accuracy %.4f after %.1f s of training" % (
    sum_acc / len(test_set), time.perf_counter() - start))
