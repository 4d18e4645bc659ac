"""Reference values for the neural-network functions, from PyTorch and NumPy.

Run with Debian's Python (numpy and torch from apt):

    /usr/bin/python3 functions/testdata/make_nn_fixtures.py

It writes nn_fixtures.json beside this script. Each case holds the inputs,
the upstream gradient `gy`, the output and the gradient of every input, all
computed in float64 by PyTorch (or NumPy for indexing and accuracy), never by
our own code. Where DeZero's definition differs from PyTorch's default (losses
divided by the length of the first axis, not by the number of elements), the
reference uses reduction="sum" and divides by N, which is DeZero's formula.
`outputShape` keeps the shape of an empty result, which nested lists lose.
A few cases also hold `hvp`: the derivative of sum(gx * v) with respect to each
input, a second-order reference.
"""

import hashlib
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(20261130)


def nested(a):
    return np.asarray(a, dtype=np.float64).tolist()


def rand(*shape, low=-2.0, high=2.0):
    return rng.uniform(low, high, size=shape)


def case(name, fn, inputs, params=None, grad_inputs=None, hvp=False):
    """Evaluate fn on float64 tensors; record output and input gradients."""
    grad_inputs = range(len(inputs)) if grad_inputs is None else grad_inputs
    tensors = [
        torch.tensor(x, dtype=torch.float64, requires_grad=i in grad_inputs)
        for i, x in enumerate(inputs)
    ]
    y = fn(*tensors)
    gy = torch.tensor(rand(*y.shape)) if y.dim() > 0 else torch.tensor(1.7)
    wrt = [tensors[i] for i in grad_inputs]
    grads = torch.autograd.grad(y, wrt, gy, create_graph=hvp)
    out = {
        "name": name,
        "params": params or {},
        "inputs": [nested(x) for x in inputs],
        "gy": nested(gy.detach().numpy()),
        "output": nested(y.detach().numpy()),
        "outputShape": list(y.shape),
        "grads": [nested(g.detach().numpy()) for g in grads],
        "gradInputs": list(grad_inputs),
    }
    if hvp:
        v = [torch.tensor(rand(*g.shape)) for g in grads]
        total = sum((g * vi).sum() for g, vi in zip(grads, v))
        second = torch.autograd.grad(total, wrt, allow_unused=True)
        out["v"] = [nested(vi.numpy()) for vi in v]
        out["hvp"] = [
            nested(np.zeros(w.shape) if s is None else s.detach().numpy())
            for s, w in zip(second, wrt)
        ]
    return out


cases = []

# Elementwise and softmax family. Values stay away from 0 for leaky ReLU and
# from the bounds for clip, where the derivative jumps.
x34 = rand(3, 4)
x34[np.abs(x34) < 0.05] = 0.3
x234 = rand(2, 3, 4)
extreme = np.array([[1000.0, -1000.0, 0.0], [-1000.0, -1000.0, -1000.0],
                    [1000.0, 1000.0, -1000.0]])
for slope in (0.2, 0.01):
    cases.append(case("leakyRelu", lambda x: F.leaky_relu(x, slope), [x34],
                      {"slope": slope}))
for name, fn in (("softmax", torch.softmax), ("logSoftmax", torch.log_softmax)):
    cases.append(case(name, lambda x: fn(x, 1), [x34], {"axis": 1}, hvp=True))
    cases.append(case(name, lambda x: fn(x, 0), [x34], {"axis": 0}))
    cases.append(case(name, lambda x: fn(x, -1), [x234], {"axis": -1}))
    cases.append(case(name, lambda x: fn(x, 1), [extreme], {"axis": 1}))
cases.append(case("logsumexp", lambda x: torch.logsumexp(x, 1), [x34],
                  {"axis": 1}, hvp=True))
cases.append(case("logsumexp",
                  lambda x: torch.logsumexp(x, (0, 2), keepdim=True), [x234],
                  {"axis": [0, 2], "keepdims": True}))
cases.append(case("logsumexp", lambda x: torch.logsumexp(x, (0, 1, 2)),
                  [x234], {}))
cases.append(case("logsumexp", lambda x: torch.logsumexp(x, 1), [extreme],
                  {"axis": 1}))

# Reductions (random values have no ties) and clip.
cases.append(case("max", lambda x: torch.amax(x, 1), [x34], {"axis": 1}))
cases.append(case("max", lambda x: torch.amax(x, 0, keepdim=True), [x34],
                  {"axis": 0, "keepdims": True}))
cases.append(case("max", lambda x: torch.amax(x, (0, 2)), [x234],
                  {"axis": [0, 2]}))
cases.append(case("max", lambda x: torch.amax(x), [x234], {}))
cases.append(case("min", lambda x: torch.amin(x, 1), [x34], {"axis": 1}))
cases.append(case("min", lambda x: torch.amin(x, -1, keepdim=True), [x234],
                  {"axis": -1, "keepdims": True}))
cases.append(case("min", lambda x: torch.amin(x), [x34], {}))
xc = rand(3, 4)
xc[np.abs(np.abs(xc) - 0.5) < 0.05] = 0.1
cases.append(case("clip", lambda x: torch.clamp(x, -0.5, 0.5), [xc],
                  {"min": -0.5, "max": 0.5}))
cases.append(case("mean", lambda x: torch.mean(x), [x234], {}))
cases.append(case("mean", lambda x: torch.mean(x, (0, 2), keepdim=True),
                  [x234], {"axis": [0, 2], "keepdims": True}))

# Losses, scaled as DeZero: a sum divided by the length of the first axis.
x0 = rand(5, 1)
x1 = rand(5, 1)
cases.append(case("meanSquaredError",
                  lambda a, b: ((a - b) ** 2).sum() / a.shape[0], [x0, x1]))
cases.append(case("meanSquaredError",
                  lambda a, b: ((a - b) ** 2).sum() / a.shape[0],
                  [rand(4, 3), rand(3)]))
scores = rand(5, 4)
labels = np.array([3, 0, 1, 1, 2], dtype=np.int64)
cases.append(case("softmaxCrossEntropy",
                  lambda x: F.cross_entropy(x, torch.tensor(labels)),
                  [scores], {"t": labels.tolist()}, hvp=True))
extreme_labels = np.array([0, 1, 2], dtype=np.int64)
cases.append(case("softmaxCrossEntropy",
                  lambda x: F.cross_entropy(x, torch.tensor(extreme_labels)),
                  [extreme], {"t": extreme_labels.tolist()}))
logits = rand(6, 1, low=-4, high=4)
targets = rng.uniform(0, 1, size=(6, 1))
targets[:2] = [[0.0], [1.0]]
cases.append(case("sigmoidCrossEntropy",
                  lambda x, t: F.binary_cross_entropy_with_logits(
                      x, t, reduction="sum") / x.shape[0],
                  [logits, targets], hvp=True))
big = np.array([[1000.0], [-1000.0], [1000.0], [-1000.0], [30.0]])
big_t = np.array([[1.0], [0.0], [0.0], [1.0], [0.25]])
cases.append(case("sigmoidCrossEntropy",
                  lambda x, t: F.binary_cross_entropy_with_logits(
                      x, t, reduction="sum") / x.shape[0],
                  [big, big_t]))
probabilities = rng.uniform(0.05, 0.95, size=(4, 2))
soft_targets = rng.uniform(0, 1, size=(4, 2))
cases.append(case("binaryCrossEntropy",
                  lambda p, t: F.binary_cross_entropy(
                      p, t, reduction="sum") / p.shape[0],
                  [probabilities, soft_targets], hvp=True))
cases.append(case("binaryCrossEntropy",
                  lambda p, t: F.binary_cross_entropy(
                      p, t, reduction="sum") / p.shape[0],
                  [np.array([0.0, 1.0, 0.0, 1.0, 0.5]),
                   np.array([1.0, 0.0, 0.0, 1.0, 1.0])], grad_inputs=[0]))

# Indexing, by NumPy. Entries: {"int": k}, {"slice": [start, stop, step]}
# with nulls, or {"array": nested integers}.
indexed = rand(3, 4, 5)
index_cases = [
    [{"int": 1}],
    [{"int": -1}, {"int": 2}],
    [{"slice": [None, None, None]}, {"int": -2}],
    [{"slice": [1, None, None]}, {"slice": [None, None, -1]},
     {"slice": [0, 5, 2]}],
    [{"slice": [-1, -4, -2]}, {"slice": [10, -10, -3]}],
    [{"slice": [5, 1, 1]}],
    [{"array": [0, 2, 2, 0]}],
    [{"array": [[1, 0], [2, 2]]}],
    [{"array": [0, 1, 2, 1]}, {"array": [3, 0, 1, 3]}],
    [{"array": [0, 1, 2]}, {"slice": [None, None, None]}, {"array": [4, 0, 4]}],
    [{"slice": [None, None, None]}, {"array": [[0], [3]]}, {"array": [1, 2, 1]}],
    [{"int": 1}, {"slice": [None, None, None]}, {"array": [0, 4, 4]}],
    [{"slice": [None, None, None]}, {"int": -1}, {"array": [2, 2]}],
    [{"array": [-1, 0, -3]}],
]


def numpy_index(entries):
    out = []
    for entry in entries:
        if "int" in entry:
            out.append(entry["int"])
        elif "slice" in entry:
            out.append(slice(*entry["slice"]))
        else:
            out.append(np.array(entry["array"], dtype=np.int64))
    return tuple(out)


for entries in index_cases:
    index = numpy_index(entries)
    y = indexed[index]
    gy = rand(*y.shape)
    gx = np.zeros_like(indexed)
    np.add.at(gx, index, gy)
    cases.append({
        "name": "getItem",
        "params": {"index": entries},
        "inputs": [nested(indexed)],
        "gy": nested(gy),
        "output": nested(y),
        "outputShape": list(y.shape),
        "grads": [nested(gx)],
        "gradInputs": [0],
    })

# Paired fancy indexing as the book writes cross entropy: logP[arange(N), t].
log_p = torch.log_softmax(torch.tensor(scores), 1).numpy()
cases.append({
    "name": "getItem",
    "params": {"index": [{"array": list(range(5))},
                         {"array": labels.tolist()}]},
    "inputs": [nested(log_p)],
    "gy": nested(np.ones(5)),
    "output": nested(log_p[np.arange(5), labels]),
    "outputShape": [5],
    "grads": [nested(np.eye(4)[labels])],
    "gradInputs": [0],
})

accuracy_scores = rand(8, 3)
accuracy_labels = rng.integers(0, 3, size=8)
cases.append({
    "name": "accuracy",
    "params": {"t": accuracy_labels.tolist()},
    "inputs": [nested(accuracy_scores)],
    "output": float((accuracy_scores.argmax(axis=1)
                     == accuracy_labels).mean()),
})

# The script's own hash goes into the file, so a test can tell when the
# script was changed without running it again.
with open(os.path.abspath(__file__), "rb") as f:
    script_hash = hashlib.sha256(f.read()).hexdigest()
path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                    "nn_fixtures.json")
with open(path, "w") as f:
    json.dump({"generator": "functions/testdata/make_nn_fixtures.py",
               "scriptSha256": script_hash,
               "numpy": np.__version__, "torch": torch.__version__,
               "cases": cases}, f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {len(cases)} cases to {path}")
