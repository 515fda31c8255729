"""W1 in JAX: the sigmoid neuron's value and gradient, jit-compiled once, then
called every iteration (float64). µs per call, waiting for the result."""
import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp

from common import emit, median_block


def neuron(w, x):
    return 1 / (1 + jnp.exp(-(w[0] * x[0] + w[1] * x[1] + w[2])))


step = jax.jit(jax.value_and_grad(neuron, argnums=(0, 1)))
w = jnp.array([2.0, -3.0, -3.0])
x = jnp.array([-1.0, -2.0])


def forward_backward():
    return jax.block_until_ready(step(w, x))


forward_backward()  # compiles
seconds = median_block(forward_backward, 20_000)
f, (dw, dx) = forward_backward()
emit("W1", "JAX jit", seconds * 1e6, "µs", f=float(f), dw0=float(dw[0]), dtype=str(f.dtype))
