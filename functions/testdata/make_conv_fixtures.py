"""Reference values for the convolution and pooling functions, from PyTorch.

Run with Debian's Python (numpy and torch from apt):

    /usr/bin/python3 functions/testdata/make_conv_fixtures.py

It writes conv_fixtures.json beside this script. Every case holds the inputs,
the parameters, the output, and under a random upstream gradient `gy`:

- `grads`: the gradient of every input;
- `v`, `hvp`: the derivative of sum(Σ grads[i] * v[i]) with respect to every
  input, a second-order reference (for conv2d this is where the book's
  Conv2DGradW.backward goes wrong);
- `ggy`: the derivative of the same sum with respect to `gy`, the double
  backward of the gradient as a function of the upstream gradient.

All in float64 by torch.nn.functional, never by our own code. Parameters use
our names: `stride`, `pad` (ints or pairs), `kernel` for pooling, and
`outsize` for deconv2d (PyTorch's output_padding is derived from it).
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


def rand(*shape):
    return rng.uniform(-2.0, 2.0, size=shape)


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def case(name, fn, inputs, params):
    tensors = [torch.tensor(x, requires_grad=True) for x in inputs]
    y = fn(*tensors)
    gy = torch.tensor(rand(*y.shape), requires_grad=True)
    grads = torch.autograd.grad(y, tensors, gy, create_graph=True)
    v = [torch.tensor(rand(*g.shape)) for g in grads]
    total = sum((g * vi).sum() for g, vi in zip(grads, v))
    second = torch.autograd.grad(total, tensors + [gy], allow_unused=True)
    zeros_if_none = [
        np.zeros(t.shape) if s is None else s.detach().numpy()
        for s, t in zip(second, tensors + [gy])
    ]
    return {
        "name": name,
        "params": params,
        "inputs": [nested(x) for x in inputs],
        "gy": nested(gy.detach().numpy()),
        "output": nested(y.detach().numpy()),
        "outputShape": list(y.shape),
        "grads": [nested(g.detach().numpy()) for g in grads],
        "v": [nested(vi.numpy()) for vi in v],
        "hvp": [nested(s) for s in zeros_if_none[:-1]],
        "ggy": nested(zeros_if_none[-1]),
    }


cases = []

# conv2d: x [N, C, H, W], W [OC, C, KH, KW], optional bias.
conv_configs = [
    # (x shape, W shape, stride, pad, bias)
    ((2, 3, 5, 5), (4, 3, 3, 3), 1, 0, True),
    ((1, 2, 6, 5), (3, 2, 3, 3), 2, 1, True),
    ((2, 1, 5, 7), (2, 1, 2, 3), [2, 1], [1, 0], False),
    ((1, 2, 7, 6), (2, 2, 3, 2), [1, 2], [0, 1], True),
    ((1, 1, 4, 4), (1, 1, 3, 3), 1, 1, False),
]
for xs, ws, stride, pad, bias in conv_configs:
    inputs = [rand(*xs), rand(*ws)] + ([rand(ws[0])] if bias else [])
    params = {"stride": stride, "pad": pad}
    cases.append(case(
        "conv2d",
        lambda x, w, b=None: F.conv2d(x, w, b, pair(stride), pair(pad)),
        inputs, params))

# deconv2d: x [N, C, H, W], W [C, OC, KH, KW]; outsize gives output_padding.
deconv_configs = [
    # (x shape, W shape, stride, pad, outsize, bias)
    ((2, 3, 3, 3), (3, 2, 3, 3), 1, 0, None, True),
    ((1, 2, 3, 4), (2, 3, 3, 3), 2, 1, None, True),
    ((1, 2, 3, 3), (2, 2, 3, 2), [2, 1], [1, 0], [6, 4], False),
    ((2, 1, 2, 3), (1, 2, 2, 3), 2, 0, [5, 8], True),
]
for xs, ws, stride, pad, outsize, bias in deconv_configs:
    inputs = [rand(*xs), rand(*ws)] + ([rand(ws[1])] if bias else [])
    s, p = pair(stride), pair(pad)
    if outsize is None:
        extra = (0, 0)
    else:
        extra = tuple(o - (si * (n - 1) + k - 2 * pi) for o, si, n, k, pi in
                      zip(outsize, s, xs[2:], ws[2:], p))
    params = {"stride": stride, "pad": pad, "outsize": outsize}
    cases.append(case(
        "deconv2d",
        lambda x, w, b=None: F.conv_transpose2d(x, w, b, s, p, extra),
        inputs, params))

# Pooling: distinct values so every window has one maximum.
pool_configs = [
    # (x shape, kernel, stride, pad)
    ((2, 2, 4, 4), 2, 2, 0),
    ((1, 2, 5, 5), 3, 1, 1),
    ((1, 1, 5, 7), [2, 3], [2, 1], [1, 1]),
    ((2, 1, 6, 5), [3, 2], 2, [1, 0]),
]
for xs, kernel, stride, pad in pool_configs:
    size = int(np.prod(xs))
    x = (rng.permutation(size).reshape(xs) - size / 2) / 7.0
    params = {"kernel": kernel, "stride": stride, "pad": pad}
    cases.append(case(
        "pooling",
        lambda x: F.max_pool2d(x, pair(kernel), pair(stride), pair(pad)),
        [x], params))
    cases.append(case(
        "averagePooling",
        lambda x: F.avg_pool2d(x, pair(kernel), pair(stride), pair(pad)),
        [rand(*xs)], params))

# The script's own hash goes into the file, so a test can tell when the
# script was changed without running it again.
with open(os.path.abspath(__file__), "rb") as f:
    script_hash = hashlib.sha256(f.read()).hexdigest()
path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                    "conv_fixtures.json")
with open(path, "w") as f:
    json.dump({"generator": "functions/testdata/make_conv_fixtures.py",
               "scriptSha256": script_hash,
               "numpy": np.__version__, "torch": torch.__version__,
               "cases": cases}, f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {len(cases)} cases to {path}")
