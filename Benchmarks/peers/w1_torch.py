"""W1 in PyTorch (float64): tensors that require grad, the neuron, backward,
every iteration (eager autograd builds its graph as it computes)."""
import torch

from common import emit, median_block

torch.set_default_dtype(torch.float64)


def neuron():
    w = torch.tensor([2.0, -3.0, -3.0], requires_grad=True)
    x = torch.tensor([-1.0, -2.0], requires_grad=True)
    f = torch.sigmoid(w[0] * x[0] + w[1] * x[1] + w[2])
    f.backward()
    return f, w


seconds = median_block(neuron, 5_000)
f, w = neuron()
emit("W1", "PyTorch", seconds * 1e6, "µs", f=f.item(), dw0=w.grad[0].item())
