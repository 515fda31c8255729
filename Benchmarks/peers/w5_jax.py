"""W5 in JAX (float64): jax.grad for the analytic gradient of W1, then the
centered difference (f(x+h) - f(x-h)) / 2h, h = 1e-5, entry by entry through
the jit-compiled loss. `spiral`: every entry of the 2 x 100 W1; `cifar`: 100
random entries of the 3072 x 100 W1. ms for the whole check (compiles
included, as a user runs it once); the worst relative error."""
import sys
import time

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp
import numpy as np

from common import emit, labels, load

reg, h = 1e-3, 1e-5
which = sys.argv[1] if len(sys.argv) > 1 else "spiral"
X, y = jnp.asarray(load(which + "_X")), jnp.asarray(labels(which + "_y"))
W1, W2 = jnp.asarray(load(which + "_W1")), jnp.asarray(load(which + "_W2"))
b1, b2 = jnp.zeros(W1.shape[1]), jnp.zeros(W2.shape[1])


@jax.jit
def loss(W1):
    scores = jax.nn.relu(X @ W1 + b1) @ W2 + b2
    logprobs = jax.nn.log_softmax(scores)
    return -jnp.mean(logprobs[jnp.arange(X.shape[0]), y]) + 0.5 * reg * (jnp.sum(W1 * W1) + jnp.sum(W2 * W2))


def check():
    analytic = np.asarray(jax.jit(jax.grad(loss))(W1))
    rng = np.random.default_rng(0)
    entries = np.ndindex(W1.shape) if which == "spiral" else \
        [tuple(int(rng.integers(m)) for m in W1.shape) for _ in range(100)]
    errors = []
    for ix in entries:
        plus = float(loss(W1.at[ix].add(h)))
        minus = float(loss(W1.at[ix].add(-h)))
        numerical = (plus - minus) / (2 * h)
        errors.append(abs(numerical - analytic[ix]) / max(abs(numerical), abs(analytic[ix]), 1e-12))
    return errors


start = time.perf_counter()
errors = check()
emit("W5-" + which, "JAX jit", (time.perf_counter() - start) * 1e3, "ms", entries=len(errors), worst=max(errors))
