"""W3 in PyTorch (float64): one SGD step (autograd, torch.optim.SGD) of a
3072 -> 100 ReLU -> 10 net on 200 rows, from gradbook's data. ms per step,
median of 50."""
import torch
import torch.nn.functional as F

from common import emit, labels, load, median_step

torch.set_default_dtype(torch.float64)
X, y = torch.from_numpy(load("cifar_X")), torch.from_numpy(labels("cifar_y"))
reg = 1e-3
W1, W2 = torch.from_numpy(load("cifar_W1")), torch.from_numpy(load("cifar_W2"))
params = [W1, torch.zeros(100), W2, torch.zeros(10)]
for p in params:
    p.requires_grad_()
optimizer = torch.optim.SGD(params, lr=1e-3)
last = None


def sgd_step():
    global last
    optimizer.zero_grad()
    scores = torch.relu(X @ W1 + params[1]) @ W2 + params[3]
    loss = F.cross_entropy(scores, y) + 0.5 * reg * ((W1 * W1).sum() + (W2 * W2).sum())
    loss.backward()
    optimizer.step()
    last = loss.item()


seconds = median_step(sgd_step)
emit("W3-step", "PyTorch", seconds * 1e3, "ms", loss=last)
