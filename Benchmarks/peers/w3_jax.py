"""W3 in JAX (float64): one jit-compiled SGD step (jax.grad of the loss, then
the update) of a 3072 -> 100 ReLU -> 10 net on 200 rows, from gradbook's data.
ms per step, median of 50, waiting for each."""
import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp

from common import emit, labels, load, median_step

X, y = jnp.asarray(load("cifar_X")), jnp.asarray(labels("cifar_y"))
reg, learning_rate = 1e-3, 1e-3


def loss(params, X, y):
    W1, b1, W2, b2 = params
    scores = jax.nn.relu(X @ W1 + b1) @ W2 + b2
    logprobs = jax.nn.log_softmax(scores)
    return -jnp.mean(logprobs[jnp.arange(X.shape[0]), y]) + 0.5 * reg * (jnp.sum(W1 * W1) + jnp.sum(W2 * W2))


@jax.jit
def update(params, X, y):
    value, grads = jax.value_and_grad(loss)(params, X, y)
    return [p - learning_rate * g for p, g in zip(params, grads)], value


params = [jnp.asarray(load("cifar_W1")), jnp.zeros(100), jnp.asarray(load("cifar_W2")), jnp.zeros(10)]
value = None


def sgd_step():
    global params, value
    params, value = jax.block_until_ready(update(params, X, y))


seconds = median_step(sgd_step)
emit("W3-step", "JAX jit", seconds * 1e3, "ms", loss=float(value), dtype=str(params[0].dtype))
