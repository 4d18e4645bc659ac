"""Run the book's steps 42 to 53 with DeZero and record what they print.

Usage: /usr/bin/python3 examples/testdata/make_book_output.py DEZERO_CHECKOUT [MNIST_NPZ]

DEZERO_CHECKOUT is a clone of github.com/oreilly-japan/deep-learning-from-scratch-3
(its steps/ and dezero/ folders are used as they are; nothing of it is
committed here). MNIST_NPZ is the packaged digits dumped by
examples/testdata/dump_mnist.ts; with it, steps 51 to 53 run on those digits
instead of downloading MNIST (seeded with np.random.seed(0), as our examples).

Steps 42 to 50 run twice:
- "float32": DeZero unchanged, as the book prints (its Linear layers hold
  float32 weights);
- "float64": DeZero with Linear's default dtype set to float64, which is
  what this library computes in. Our examples must agree with this run to
  within floating-point summation order, and with "float32" to the digits
  that float32 weights leave intact.
Steps 51 to 53 (minutes each) run once, "float32". The environment variable
STEPS=51,52,53 reruns only the steps listed and keeps the others' output.
matplotlib is replaced by a stub (the plots are not part of the output).
Writes examples/testdata/book_output.json.
"""
import contextlib
import io
import json
import os
import sys
import types

import numpy as np

dezero_dir = os.path.abspath(sys.argv[1])
mnist_npz = sys.argv[2] if len(sys.argv) > 2 else None
sys.path.insert(0, dezero_dir)

# A matplotlib that draws nothing.
pyplot = types.ModuleType("matplotlib.pyplot")
pyplot.__getattr__ = lambda name: (lambda *args, **kwargs: None)
matplotlib = types.ModuleType("matplotlib")
matplotlib.pyplot = pyplot
sys.modules["matplotlib"] = matplotlib
sys.modules["matplotlib.pyplot"] = pyplot

import dezero  # noqa: E402
import dezero.datasets  # noqa: E402
import dezero.layers  # noqa: E402

original_linear_init = dezero.layers.Linear.__init__


def linear_init(dtype):
    def init(self, out_size, nobias=False, dtype_=None, in_size=None):
        original_linear_init(self, out_size, nobias=nobias, dtype=dtype,
                             in_size=in_size)
    return init


if mnist_npz is not None:
    digits = np.load(mnist_npz)

    def prepare(self):
        split = "train" if self.train else "test"
        self.data = digits["x_" + split].astype(np.uint8)
        self.label = digits["t_" + split].astype(np.int64)

    dezero.datasets.MNIST.prepare = prepare

# The epochs kept for steps that print per epoch: the first ones and the last.
KEEP_EPOCHS = 20


def run(step, dtype):
    dezero.layers.Linear.__init__ = linear_init(dtype)
    path = os.path.join(dezero_dir, "steps", "step%02d.py" % step)
    source = open(path).read()
    if step in (51, 52, 53):
        # The book leaves these unseeded; our examples seed 0.
        source = "import numpy as np\nnp.random.seed(0)\n" + source
    if step == 52:
        # Times differ from run to run; keep the losses.
        source = source.replace(", time: {:.4f}[sec]", "").replace(
            ", elapsed_time))", "))")
    if step == 53 and os.path.exists("my_mlp.npz"):
        os.remove("my_mlp.npz")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, path, "exec"),
             {"__name__": "__main__", "__file__": path})
    if step == 53:
        os.remove("my_mlp.npz")
    return out.getvalue().rstrip("\n").split("\n")


def keep(step, lines):
    per_epoch = {48: 1, 49: 1, 50: 3, 51: 3}.get(step)
    if per_epoch is None:
        return lines
    return lines[:KEEP_EPOCHS * per_epoch] + lines[-per_epoch:]


here = os.path.dirname(os.path.abspath(__file__))
target = os.path.join(here, "book_output.json")
# STEPS=51,52,53 reruns only those steps and keeps the others' output.
only = os.environ.get("STEPS")
if only:
    steps = [int(s) for s in only.split(",")]
    output = json.load(open(target))
else:
    steps = list(range(42, 51)) + ([51, 52, 53] if mnist_npz else [])
    output = {"numpy": np.__version__, "keep_epochs": KEEP_EPOCHS}
for step in steps:
    # Steps 51 to 53 (minutes each) run as published only.
    dtypes = ("float32",) if step >= 51 else ("float32", "float64")
    output["step%02d" % step] = {
        dtype: keep(step, run(step, dtype)) for dtype in dtypes
    }
    print("step", step, "done", file=sys.stderr)
    with open(target, "w") as f:
        json.dump(output, f, indent=1)
        f.write("\n")

