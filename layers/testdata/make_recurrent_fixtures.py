"""Reference values for layers/recurrent_test.ts, computed with PyTorch.

Run with /usr/bin/python3 (torch 1.13, numpy) from the repository root:
    /usr/bin/python3 layers/testdata/make_recurrent_fixtures.py
It writes layers/testdata/recurrent_fixtures.json. Weights and inputs come
from numpy's RandomState(0); the tests copy them into our layers, run the
same steps and compare outputs and gradients.

Our layers follow DeZero, PyTorch's modules are the reference:
- RNN: torch.nn.RNN (tanh) with W_ih = Wx^T, W_hh = Wh^T, b_ih = bx,
  b_hh = 0 and h0 = 0, so its first step is DeZero's tanh(x Wx + bx).
- LSTM: torch.nn.LSTMCell, whose gates are stacked i, f, g, o (DeZero's
  x2i, x2f, x2u, x2o) with bias_hh = 0 and h0 = c0 = 0.
- EmbedID: torch.nn.Embedding.
- BatchNorm: torch.nn.BatchNorm1d / BatchNorm2d with eps 2e-5 and momentum
  0.1 (DeZero's decay 0.9).
Gradients are of sum(output * G) for a random G, through all time steps.
"""
import json
import os

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
rng = np.random.RandomState(0)


def t(a):
    return torch.tensor(a, dtype=torch.float64, requires_grad=True)


def L(a):
    return np.asarray(a.detach().numpy() if hasattr(a, "detach") else a).tolist()


out = {}

# RNN: N=2, I=3, H=4, T=4.
N, I, H, T = 2, 3, 4, 4
Wx = rng.randn(I, H) * 0.5
bx = rng.randn(H) * 0.1
Wh = rng.randn(H, H) * 0.5
xs = rng.randn(T, N, I)
G = rng.randn(T, N, H)
rnn = torch.nn.RNN(I, H, nonlinearity="tanh", bias=True)
with torch.no_grad():
    rnn.weight_ih_l0.copy_(torch.tensor(Wx.T))
    rnn.weight_hh_l0.copy_(torch.tensor(Wh.T))
    rnn.bias_ih_l0.copy_(torch.tensor(bx))
    rnn.bias_hh_l0.zero_()
x = t(xs)
hs, _ = rnn(x)  # (T, N, H), h0 = 0
(hs * torch.tensor(G)).sum().backward()
out["rnn"] = {
    "Wx": L(Wx), "bx": L(bx), "Wh": L(Wh), "xs": L(xs), "G": L(G),
    "hs": L(hs),
    "gx": L(x.grad),
    "gWx": L(rnn.weight_ih_l0.grad.T),
    "gbx": L(rnn.bias_ih_l0.grad),
    "gWh": L(rnn.weight_hh_l0.grad.T),
}

# LSTM: N=2, I=3, H=4, T=3.
N, I, H, T = 2, 3, 4, 3
W = {k: rng.randn(I, H) * 0.5 for k in "fiou"}
b = {k: rng.randn(H) * 0.1 for k in "fiou"}
U = {k: rng.randn(H, H) * 0.5 for k in "fiou"}
xs = rng.randn(T, N, I)
G = rng.randn(T, N, H)
cell = torch.nn.LSTMCell(I, H, bias=True)
order = "ifuo"  # PyTorch's i, f, g, o
with torch.no_grad():
    cell.weight_ih.copy_(torch.tensor(np.concatenate([W[k].T for k in order])))
    cell.weight_hh.copy_(torch.tensor(np.concatenate([U[k].T for k in order])))
    cell.bias_ih.copy_(torch.tensor(np.concatenate([b[k] for k in order])))
    cell.bias_hh.zero_()
x = t(xs)
h = torch.zeros(N, H)
c = torch.zeros(N, H)
hs, cs = [], []
for step in range(T):
    h, c = cell(x[step], (h, c))
    hs.append(h)
    cs.append(c)
hs = torch.stack(hs)
(hs * torch.tensor(G)).sum().backward()


def split(grad, transpose):
    parts = torch.split(grad, H)  # i, f, g, o
    return {k: L(p.T if transpose else p) for k, p in zip(order, parts)}


out["lstm"] = {
    "W": {k: L(v) for k, v in W.items()},
    "b": {k: L(v) for k, v in b.items()},
    "U": {k: L(v) for k, v in U.items()},
    "xs": L(xs), "G": L(G),
    "hs": L(hs), "cs": L(torch.stack(cs)),
    "gx": L(x.grad),
    "gW": split(cell.weight_ih.grad, True),
    "gb": split(cell.bias_ih.grad, False),
    "gU": split(cell.weight_hh.grad, True),
}

# EmbedID: 5 ids into 3, ids with repeats.
Wemb = rng.randn(5, 3)
ids = np.array([[1, 4, 1], [0, 1, 2]])
G = rng.randn(2, 3, 3)
emb = torch.nn.Embedding(5, 3)
with torch.no_grad():
    emb.weight.copy_(torch.tensor(Wemb))
y = emb(torch.tensor(ids))
(y * torch.tensor(G)).sum().backward()
out["embed"] = {"W": L(Wemb), "ids": ids.tolist(), "G": L(G), "y": L(y),
                "gW": L(emb.weight.grad)}


# BatchNorm: two training calls (running statistics), then one in eval mode.
def batch_norm_case(module, shape, C):
    gamma = rng.randn(C) * 0.5 + 1
    beta = rng.randn(C) * 0.1
    x1 = rng.randn(*shape) * 2 + 1
    x2 = rng.randn(*shape) * 0.5 - 1
    x3 = rng.randn(*shape)
    G = rng.randn(*shape)
    bn = module(C, eps=2e-5, momentum=0.1)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor(gamma))
        bn.bias.copy_(torch.tensor(beta))
    bn.train()
    x = t(x1)
    y1 = bn(x)
    (y1 * torch.tensor(G)).sum().backward()
    gx, ggamma, gbeta = x.grad, bn.weight.grad, bn.bias.grad
    y2 = bn(torch.tensor(x2))
    bn.eval()
    y3 = bn(torch.tensor(x3))
    return {
        "gamma": L(gamma), "beta": L(beta), "x1": L(x1), "x2": L(x2),
        "x3": L(x3), "G": L(G), "y1": L(y1), "y2": L(y2), "y3": L(y3),
        "gx": L(gx), "ggamma": L(ggamma), "gbeta": L(gbeta),
        "running_mean": L(bn.running_mean), "running_var": L(bn.running_var),
    }


out["batchnorm1d"] = batch_norm_case(torch.nn.BatchNorm1d, (5, 3), 3)
out["batchnorm2d"] = batch_norm_case(torch.nn.BatchNorm2d, (3, 2, 3, 2), 2)

path = os.path.join(os.path.dirname(__file__), "recurrent_fixtures.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
