"""Make optimizers.json: parameters after each of several optimizer steps.

Run from anywhere with /usr/bin/python3 (needs numpy and torch):

    /usr/bin/python3 optimizers/testdata/make_fixtures.py

Every case starts from the same parameters and applies the same gradients
(recorded in the file), so the TypeScript tests need neither Python nor any
gradient computation. PyTorch's optimizers are the reference where DeZero and
PyTorch agree (SGD, momentum, AdaGrad, AdaDelta, weight decay, gradient
clipping, AdamW). DeZero's Adam puts eps outside the bias correction of the
second moment, unlike PyTorch's, so it is checked against a NumPy transcription
of DeZero's formula (and against PyTorch with eps = 0, where the two agree).
"""

import json
import os

import numpy as np
import torch

STEPS = 5
SHAPES = [(3, 4), (4,), ()]

rng = np.random.RandomState(0)
initial = [np.asarray(rng.randn(*shape)) for shape in SHAPES]
grads = [[np.asarray(rng.randn(*shape)) for shape in SHAPES] for _ in range(STEPS)]


def run_torch(make, clip=None):
    params = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in initial]
    opt = make(params)
    steps = []
    for step in range(STEPS):
        for p, g in zip(params, grads[step]):
            p.grad = torch.tensor(g, dtype=torch.float64)
        if clip is not None:
            torch.nn.utils.clip_grad_norm_(params, clip)
        opt.step()
        steps.append([p.detach().numpy().tolist() for p in params])
    return steps


def run_dezero_adam(alpha, beta1, beta2, eps):
    """DeZero's Adam.update_one, transcribed with NumPy."""
    params = [p.copy() for p in initial]
    ms = [np.zeros_like(p) for p in params]
    vs = [np.zeros_like(p) for p in params]
    steps = []
    for t in range(1, STEPS + 1):
        fix1 = 1.0 - beta1 ** t
        fix2 = 1.0 - beta2 ** t
        lr = alpha * np.sqrt(fix2) / fix1
        for i, p in enumerate(params):
            g = grads[t - 1][i]
            ms[i] += (1 - beta1) * (g - ms[i])
            vs[i] += (1 - beta2) * (g * g - vs[i])
            params[i] = p - lr * ms[i] / (np.sqrt(vs[i]) + eps)
        steps.append([np.asarray(p).tolist() for p in params])
    return steps


optim = torch.optim
cases = {
    "sgd": run_torch(lambda ps: optim.SGD(ps, lr=0.1)),
    "momentum_sgd": run_torch(lambda ps: optim.SGD(ps, lr=0.1, momentum=0.9)),
    "adagrad": run_torch(lambda ps: optim.Adagrad(ps, lr=0.1, eps=1e-8)),
    "adadelta": run_torch(lambda ps: optim.Adadelta(ps, lr=1.0, rho=0.95, eps=1e-6)),
    "adadelta_lr": run_torch(lambda ps: optim.Adadelta(ps, lr=0.5, rho=0.9, eps=1e-4)),
    "adam_torch_eps0": run_torch(lambda ps: optim.Adam(ps, lr=0.01, eps=0.0)),
    "adam_torch_eps01": run_torch(lambda ps: optim.Adam(ps, lr=0.01, eps=0.1)),
    "adam_dezero_eps01": run_dezero_adam(0.01, 0.9, 0.999, 0.1),
    "adam_dezero": run_dezero_adam(0.001, 0.9, 0.999, 1e-8),
    "adamw": run_torch(lambda ps: optim.AdamW(ps, lr=0.01, weight_decay=0.1)),
    "adamw_eps01": run_torch(
        lambda ps: optim.AdamW(ps, lr=0.01, betas=(0.8, 0.99), eps=0.1, weight_decay=0.5)
    ),
    "sgd_weight_decay": run_torch(lambda ps: optim.SGD(ps, lr=0.1, weight_decay=0.05)),
    "sgd_clip": run_torch(lambda ps: optim.SGD(ps, lr=0.1), clip=1.0),
}

out = {
    "torch": torch.__version__,
    "numpy": np.__version__,
    "initial": [p.tolist() for p in initial],
    "grads": [[g.tolist() for g in step] for step in grads],
    "cases": cases,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optimizers.json")
with open(path, "w") as f:
    json.dump(out, f)
    f.write("\n")
print("wrote", path)
