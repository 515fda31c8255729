"""W5 in numpy: the CS231n gradient check — the analytic gradient of W1 by the
hand-written backward, then the centered difference (f(x+h) - f(x-h)) / 2h,
h = 1e-5, entry by entry (eval_numerical_gradient; grad_check_sparse for a
sample). `spiral`: every entry of the 2 x 100 W1; `cifar`: 100 random entries
of the 3072 x 100 W1. ms for the whole check; the worst relative error."""
import sys
import time

import numpy as np

from common import emit, labels, load

reg, h = 1e-3, 1e-5
which = sys.argv[1] if len(sys.argv) > 1 else "spiral"
X, y = load(which + "_X"), labels(which + "_y")
W1, W2 = load(which + "_W1"), load(which + "_W2")
b1, b2 = np.zeros(W1.shape[1]), np.zeros(W2.shape[1])
N = X.shape[0]


def loss(W1, gradient=False):
    hidden = np.maximum(0, X.dot(W1) + b1)
    scores = hidden.dot(W2) + b2
    probs = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    value = -np.log(probs[np.arange(N), y]).mean() + 0.5 * reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
    if not gradient:
        return value
    dscores = probs
    dscores[np.arange(N), y] -= 1
    dhidden = (dscores / N).dot(W2.T)
    dhidden[hidden <= 0] = 0
    return value, X.T.dot(dhidden) + reg * W1


def check():
    _, analytic = loss(W1, gradient=True)
    rng = np.random.default_rng(0)
    entries = np.ndindex(W1.shape) if which == "spiral" else \
        [tuple(rng.integers(m) for m in W1.shape) for _ in range(100)]
    errors = []
    for ix in entries:
        old = W1[ix]
        W1[ix] = old + h
        plus = loss(W1)
        W1[ix] = old - h
        minus = loss(W1)
        W1[ix] = old
        numerical = (plus - minus) / (2 * h)
        errors.append(abs(numerical - analytic[ix]) / max(abs(numerical), abs(analytic[ix]), 1e-12))
    return errors


start = time.perf_counter()
errors = check()
emit("W5-" + which, "numpy", (time.perf_counter() - start) * 1e3, "ms", entries=len(errors), worst=max(errors))
