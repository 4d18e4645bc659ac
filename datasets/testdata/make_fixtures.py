"""Write the NumPy fixtures the dataset and data loader tests compare against.

Run with Debian's NumPy (1.24): /usr/bin/python3 datasets/testdata/make_fixtures.py
The functions below follow DeZero's datasets.py and dataloaders.py step for
step (get_spiral, SinCurve, DataLoader, SeqDataLoader), written out here so
the script needs only NumPy. Doubles are stored as the 16 hex digits of their
bits, so the tests compare exactly.
"""

import json
import math
import struct
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent


def bits(values):
    return [struct.pack(">d", float(v)).hex() for v in np.ravel(values)]


def spiral(train):
    """DeZero's get_spiral: seeds the global generator, float32 points."""
    np.random.seed(seed=1984 if train else 2020)
    per_class, classes = 100, 3
    x = np.zeros((per_class * classes, 2), dtype=np.float32)
    t = np.zeros(per_class * classes, dtype=int)
    for j in range(classes):
        for i in range(per_class):
            rate = i / per_class
            radius = 1.0 * rate
            theta = j * 4.0 + 4.0 * rate + np.random.randn() * 0.2
            k = per_class * j + i
            x[k] = np.array([radius * np.sin(theta), radius * np.cos(theta)])
            t[k] = j
    order = np.random.permutation(per_class * classes)
    return x[order], t[order]


def sin_curve(train):
    """DeZero's SinCurve.prepare: noise is drawn for both splits."""
    x = np.linspace(0, 2 * np.pi, 1000)
    noise = np.random.uniform(-0.05, 0.05, size=x.shape)
    y = np.sin(x) + noise if train else np.cos(x)
    y = y.astype(np.float64)
    return y[:-1][:, np.newaxis], y[1:][:, np.newaxis]


def loader_batches(size, batch_size, epochs, shuffle=True):
    """The example indices of each batch of DeZero's DataLoader: one
    permutation at construction and one more at the end of every epoch."""
    max_iter = math.ceil(size / batch_size)
    index = np.random.permutation(size) if shuffle else np.arange(size)
    out = []
    for _ in range(epochs):
        for i in range(max_iter):
            out.append([int(k) for k in
                        index[i * batch_size:(i + 1) * batch_size]])
        index = np.random.permutation(size) if shuffle else np.arange(size)
    return out


def seq_batches(size, batch_size):
    max_iter = math.ceil(size / batch_size)
    jump = size // batch_size
    return [[(i * jump + it) % size for i in range(batch_size)]
            for it in range(max_iter)]


def main():
    fixtures = {"numpy": np.__version__}
    for name, train in [("spiral_train", True), ("spiral_test", False)]:
        x, t = spiral(train)
        fixtures[name] = {"x": bits(x.astype(np.float64)),
                          "t": [int(v) for v in t],
                          "after": bits(np.random.rand(3))}
    np.random.seed(0)
    data, label = sin_curve(True)
    fixtures["sin_train_seed0"] = {"data": bits(data), "label": bits(label)}
    data, label = sin_curve(False)
    fixtures["sin_test_after"] = {"data": bits(data), "label": bits(label),
                                  "after": bits(np.random.rand(3))}
    # Book step 49/50: spiral, then a loader of batch 30 shuffled per epoch.
    spiral(True)
    fixtures["loader_spiral_batch30"] = {
        "batches": loader_batches(300, 30, 2),
        "after": bits(np.random.rand(2)),
    }
    np.random.seed(5)
    fixtures["loader_partial"] = {"seed": 5,
                                  "batches": loader_batches(10, 4, 3)}
    fixtures["seq_999_30"] = seq_batches(999, 30)
    path = HERE / "dezero_data.json"
    path.write_text(json.dumps(fixtures, separators=(",", ":")) + "\n")
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
