"""W1 by hand in plain Python: the CS231n notes' forward and backward of the
sigmoid neuron, written out as arithmetic (no graph). µs per iteration."""
import math

from common import emit, median_block

w = [2.0, -3.0, -3.0]
x = [-1.0, -2.0]


def forward_backward():
    # forward pass
    dot = w[0] * x[0] + w[1] * x[1] + w[2]
    f = 1.0 / (1 + math.exp(-dot))  # sigmoid function
    # backward pass through the neuron (backpropagation)
    ddot = (1 - f) * f  # gradient on dot variable, using the sigmoid gradient derivation
    dx = [w[0] * ddot, w[1] * ddot]  # backprop into x
    dw = [x[0] * ddot, x[1] * ddot, 1.0 * ddot]  # backprop into w
    return f, dx, dw


seconds = median_block(forward_backward, 200_000)
f, dx, dw = forward_backward()
emit("W1", "plain Python", seconds * 1e6, "µs", f=f, dw0=dw[0])
