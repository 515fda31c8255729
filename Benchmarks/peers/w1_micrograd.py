"""W1 in micrograd: build the sigmoid neuron from Values, then backward, every
iteration (micrograd builds its graph as it computes). micrograd has no exp, so
it is added the way micrograd writes its ops: the output and its _backward."""
import math

from micrograd.engine import Value

from common import emit, median_block


def exp(v):
    out = Value(math.exp(v.data), (v,), "exp")

    def _backward():
        v.grad += out.data * out.grad
    out._backward = _backward
    return out


def neuron():
    w0, x0, w1, x1, w2 = Value(2.0), Value(-1.0), Value(-3.0), Value(-2.0), Value(-3.0)
    f = 1 / (1 + exp(-(w0 * x0 + w1 * x1 + w2)))
    f.backward()
    return f, w0


seconds = median_block(neuron, 20_000)
f, w0 = neuron()
emit("W1", "micrograd", seconds * 1e6, "µs", f=f.data, dw0=w0.grad)
