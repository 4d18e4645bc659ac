"""The workload of bench/conv_bench.ts in DeZero's algorithm on NumPy, and in
PyTorch, single-threaded and in float64.

    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 \
        /usr/bin/python3 bench/numpy_conv.py

conv2d of x [100, 1, 28, 28] with W [8, 1, 3, 3] and b [8], stride 1, pad 1:
forward alone, and forward + backward (gx, gW, gb under an all-ones gy).

The NumPy part is DeZero's functions_conv.py (Conv2d.forward, and its
backward: Deconv2d.forward for gx, Conv2DGradW.forward for gW, a sum for gb)
reimplemented with the same NumPy calls (np.pad, the strided-slice im2col,
tensordot, rollaxis), without the Variable bookkeeping, which costs
microseconds against milliseconds here.
"""

import os
import statistics
import timeit

for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(name, "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(1)


def pair(x):
    return (x, x) if isinstance(x, int) else x


def get_conv_outsize(input_size, kernel_size, stride, pad):
    return (input_size + pad * 2 - kernel_size) // stride + 1


def get_deconv_outsize(size, k, s, p):
    return s * (size - 1) + k - 2 * p


def im2col_array(img, kernel_size, stride, pad, to_matrix=True):
    N, C, H, W = img.shape
    KH, KW = pair(kernel_size)
    SH, SW = pair(stride)
    PH, PW = pair(pad)
    OH = get_conv_outsize(H, KH, SH, PH)
    OW = get_conv_outsize(W, KW, SW, PW)
    img = np.pad(img, ((0, 0), (0, 0), (PH, PH + SH - 1), (PW, PW + SW - 1)),
                 mode="constant", constant_values=(0,))
    col = np.ndarray((N, C, KH, KW, OH, OW), dtype=img.dtype)
    for j in range(KH):
        j_lim = j + SH * OH
        for i in range(KW):
            i_lim = i + SW * OW
            col[:, :, j, i, :, :] = img[:, :, j:j_lim:SH, i:i_lim:SW]
    if to_matrix:
        col = col.transpose((0, 4, 5, 1, 2, 3)).reshape((N * OH * OW, -1))
    return col


def col2im_array(col, img_shape, kernel_size, stride, pad, to_matrix=True):
    N, C, H, W = img_shape
    KH, KW = pair(kernel_size)
    SH, SW = pair(stride)
    PH, PW = pair(pad)
    OH = get_conv_outsize(H, KH, SH, PH)
    OW = get_conv_outsize(W, KW, SW, PW)
    if to_matrix:
        col = col.reshape(N, OH, OW, C, KH, KW).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((N, C, H + 2 * PH + SH - 1, W + 2 * PW + SW - 1),
                   dtype=col.dtype)
    for j in range(KH):
        j_lim = j + SH * OH
        for i in range(KW):
            i_lim = i + SW * OW
            img[:, :, j:j_lim:SH, i:i_lim:SW] += col[:, :, j, i, :, :]
    return img[:, :, PH:H + PH, PW:W + PW]


def conv2d_forward(x, W, b, stride, pad):  # Conv2d.forward
    KH, KW = W.shape[2:]
    col = im2col_array(x, (KH, KW), stride, pad, to_matrix=False)
    y = np.tensordot(col, W, ((1, 2, 3), (1, 2, 3)))
    if b is not None:
        y += b
    return np.rollaxis(y, 3, 1)


def deconv2d_forward(x, W, stride, pad, outsize):  # Deconv2d.forward
    C, OC, KH, KW = W.shape
    N, C, H, Wd = x.shape
    out_h, out_w = outsize
    gcol = np.tensordot(W, x, (0, 1))
    gcol = np.rollaxis(gcol, 3)
    return col2im_array(gcol, (N, OC, out_h, out_w), (KH, KW), stride, pad,
                        to_matrix=False)


def conv2d_grad_w_forward(x, gy, kernel_size, stride, pad):  # Conv2DGradW
    col = im2col_array(x, kernel_size, stride, pad, to_matrix=False)
    return np.tensordot(gy, col, ((0, 2, 3), (0, 4, 5)))


def numpy_forward_backward(x, W, b):
    y = conv2d_forward(x, W, b, 1, 1)
    gy = np.ones_like(y)  # y.backward() seeds ones
    gx = deconv2d_forward(gy, W, 1, 1, x.shape[2:])
    gW = conv2d_grad_w_forward(x, gy, W.shape[2:], 1, 1)
    gb = gy.sum(axis=(0, 2, 3))
    return y, gx, gW, gb


def torch_forward_backward(x, W, b):
    xt = torch.from_numpy(x).requires_grad_()
    Wt = torch.from_numpy(W).requires_grad_()
    bt = torch.from_numpy(b).requires_grad_()
    y = F.conv2d(xt, Wt, bt, 1, 1)
    y.backward(torch.ones_like(y))
    return y, xt.grad, Wt.grad, bt.grad


def report(name, fn, number):
    times = timeit.repeat(fn, number=number, repeat=7)
    per = [t / number * 1000 for t in times]
    print(f"| {name} | {statistics.median(per):.1f} ms | {min(per):.1f} ms |")


rng = np.random.default_rng(0)
x = rng.uniform(-1, 1, (100, 1, 28, 28))
W = rng.uniform(-1, 1, (8, 1, 3, 3))
b = rng.uniform(-1, 1, 8)

# The two implementations agree before anything is timed.
ny, ngx, ngW, ngb = numpy_forward_backward(x, W, b)
ty, tgx, tgW, tgb = torch_forward_backward(x, W, b)
for a, t in ((ny, ty), (ngx, tgx), (ngW, tgW), (ngb, tgb)):
    assert np.allclose(a, t.detach().numpy(), rtol=1e-10, atol=1e-10)

print(f"numpy {np.__version__}, torch {torch.__version__}, "
      f"torch threads {torch.get_num_threads()}")
print("| workload | median | min |")
print("| --- | --- | --- |")
report("DeZero on NumPy: conv2d forward",
       lambda: conv2d_forward(x, W, b, 1, 1), 10)
report("DeZero on NumPy: conv2d forward + backward",
       lambda: numpy_forward_backward(x, W, b), 5)
xt = torch.from_numpy(x)
Wt = torch.from_numpy(W)
bt = torch.from_numpy(b)
with torch.no_grad():
    report("PyTorch: conv2d forward", lambda: F.conv2d(xt, Wt, bt, 1, 1), 10)
report("PyTorch: conv2d forward + backward",
       lambda: torch_forward_backward(x, W, b), 10)
