"""The per-epoch loss lines of the book's step59.py and step60.py, with seeds.

The book's scripts set no seed, so the lines it prints cannot be
reproduced; this runs their training loops (copied from steps/step59.py and
steps/step60.py, without the plots) after np.random.seed(0), which our
examples/step59.ts and step60.ts call as seed(0). DeZero itself is not
part of this repository: fetch it (github.com/oreilly-japan/
deep-learning-from-scratch-3) to a directory outside it and run

    /usr/bin/python3 examples/testdata/make_recurrent_reference.py /tmp/dz [epochs]

which writes examples/testdata/recurrent_reference.json (100 epochs by
default; each step takes a few minutes).
"""
import json
import os
import sys

sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else "/tmp/dz")
max_epoch = int(sys.argv[2]) if len(sys.argv) > 2 else 100

import types  # noqa: E402

# DeZero's datasets module imports matplotlib (for its plots only), which
# these runs do not need: stand in an empty module if it is not installed.
try:
    import matplotlib.pyplot  # noqa: F401
except ImportError:
    sys.modules["matplotlib"] = types.ModuleType("matplotlib")
    sys.modules["matplotlib.pyplot"] = types.ModuleType("matplotlib.pyplot")

import numpy as np  # noqa: E402
import dezero  # noqa: E402
from dezero import Model, SeqDataLoader  # noqa: E402
import dezero.functions as F  # noqa: E402
import dezero.layers as L  # noqa: E402

hidden_size = 100
bptt_length = 30


def step59():
    np.random.seed(0)
    train_set = dezero.datasets.SinCurve(train=True)
    seqlen = len(train_set)

    class SimpleRNN(Model):
        def __init__(self, hidden_size, out_size):
            super().__init__()
            self.rnn = L.RNN(hidden_size)
            self.fc = L.Linear(out_size)

        def reset_state(self):
            self.rnn.reset_state()

        def __call__(self, x):
            return self.fc(self.rnn(x))

    model = SimpleRNN(hidden_size, 1)
    optimizer = dezero.optimizers.Adam().setup(model)
    lines = []
    for epoch in range(max_epoch):
        model.reset_state()
        loss, count = 0, 0
        for x, t in train_set:
            x = x.reshape(1, 1)
            y = model(x)
            loss += F.mean_squared_error(y, t)
            count += 1
            if count % bptt_length == 0 or count == seqlen:
                model.cleargrads()
                loss.backward()
                loss.unchain_backward()
                optimizer.update()
        avg_loss = float(loss.data) / count
        lines.append('| epoch %d | loss %f' % (epoch + 1, avg_loss))
        print(lines[-1], flush=True)
    return lines


def step60():
    np.random.seed(0)
    batch_size = 30
    train_set = dezero.datasets.SinCurve(train=True)
    dataloader = SeqDataLoader(train_set, batch_size=batch_size)
    seqlen = len(train_set)

    class BetterRNN(Model):
        def __init__(self, hidden_size, out_size):
            super().__init__()
            self.rnn = L.LSTM(hidden_size)
            self.fc = L.Linear(out_size)

        def reset_state(self):
            self.rnn.reset_state()

        def __call__(self, x):
            return self.fc(self.rnn(x))

    model = BetterRNN(hidden_size, 1)
    optimizer = dezero.optimizers.Adam().setup(model)
    lines = []
    for epoch in range(max_epoch):
        model.reset_state()
        loss, count = 0, 0
        for x, t in dataloader:
            y = model(x)
            loss += F.mean_squared_error(y, t)
            count += 1
            if count % bptt_length == 0 or count == seqlen:
                model.cleargrads()
                loss.backward()
                loss.unchain_backward()
                optimizer.update()
        avg_loss = float(loss.data) / count
        lines.append('| epoch %d | loss %f' % (epoch + 1, avg_loss))
        print(lines[-1], flush=True)
    return lines


which = sys.argv[3] if len(sys.argv) > 3 else "both"
out_path = os.path.join(os.path.dirname(__file__), "recurrent_reference.json")
result = json.load(open(out_path)) if os.path.exists(out_path) else {}
if which in ("both", "step60"):
    result["step60"] = step60()
if which in ("both", "step59"):
    result["step59"] = step59()
with open(out_path, "w") as f:
    json.dump(result, f, indent=1)
    f.write("\n")
