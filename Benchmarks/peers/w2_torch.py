"""W2 in PyTorch (float64): autograd and torch.optim.SGD (lr 1.0), L2 1e-3 in
the loss, from gradbook's data and initial weights. `net` or `linear`."""
import sys
import time

import torch
import torch.nn.functional as F

from common import emit, labels, load

torch.set_default_dtype(torch.float64)
X, y = torch.from_numpy(load("spiral_X")), torch.from_numpy(labels("spiral_y"))
reg = 1e-3


def predict(params, X):
    if len(params) == 2:
        W, b = params
        return X @ W + b
    W1, b1, W2, b2 = params
    return torch.relu(X @ W1 + b1) @ W2 + b2


def loss_of(params):
    return F.cross_entropy(predict(params, X), y) + sum(0.5 * reg * (W * W).sum() for W in params[::2])


which = sys.argv[1] if len(sys.argv) > 1 else "net"
if which == "net":
    params, steps = [torch.from_numpy(load("spiral_W1")), torch.zeros(100), torch.from_numpy(load("spiral_W2")), torch.zeros(3)], 10_000
else:
    params, steps = [torch.from_numpy(load("spiral_W")), torch.zeros(3)], 200
for p in params:
    p.requires_grad_()
optimizer = torch.optim.SGD(params, lr=1.0)
start = time.perf_counter()
for _ in range(steps):
    optimizer.zero_grad()
    loss = loss_of(params)
    loss.backward()
    optimizer.step()
seconds = time.perf_counter() - start
with torch.no_grad():
    accuracy = (predict(params, X).argmax(dim=1) == y).double().mean().item()
    emit("W2-" + which, "PyTorch", seconds, "s", loss=loss_of(params).item(), accuracy=accuracy)
