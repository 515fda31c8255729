"""W2 in JAX (float64), the loop compiled: `jax.grad` of the loss inside
`lax.fori_loop`, the whole training jit-compiled once (compile time reported
apart), from gradbook's data and initial weights. `net` or `linear`."""
import sys
import time

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp
from jax import lax

from common import emit, labels, load

X, y = jnp.asarray(load("spiral_X")), jnp.asarray(labels("spiral_y"))
step_size, reg = 1.0, 1e-3


def predict(params, X):
    if len(params) == 2:
        W, b = params
        return X @ W + b
    W1, b1, W2, b2 = params
    return jax.nn.relu(X @ W1 + b1) @ W2 + b2


def loss(params, X, y):
    logprobs = jax.nn.log_softmax(predict(params, X))
    data_loss = -jnp.mean(logprobs[jnp.arange(X.shape[0]), y])
    return data_loss + sum(0.5 * reg * jnp.sum(W * W) for W in params[::2])


def train(params, steps):
    def step(i, params):
        grads = jax.grad(loss)(params, X, y)
        return [p - step_size * g for p, g in zip(params, grads)]
    return lax.fori_loop(0, steps, step, params)


which = sys.argv[1] if len(sys.argv) > 1 else "net"
if which == "net":
    params, steps = [jnp.asarray(load("spiral_W1")), jnp.zeros(100), jnp.asarray(load("spiral_W2")), jnp.zeros(3)], 10_000
else:
    params, steps = [jnp.asarray(load("spiral_W")), jnp.zeros(3)], 200
start = time.perf_counter()
compiled = jax.jit(train, static_argnums=1).lower(params, steps).compile()
compile_seconds = time.perf_counter() - start
start = time.perf_counter()
trained = jax.block_until_ready(compiled(params))
seconds = time.perf_counter() - start
accuracy = jnp.mean(jnp.argmax(predict(trained, X), axis=1) == y)
emit("W2-" + which, "JAX fori_loop", seconds, "s", loss=float(loss(trained, X, y)), accuracy=float(accuracy),
     compile=compile_seconds, dtype=str(trained[0].dtype))
