"""The CS231n case study in numpy, as its notes write it: a 2-layer network
(2 -> 100 ReLU -> 3, softmax loss + L2 1e-3, step 1.0) trained for 10,000
full-batch steps on the spiral data. Prints the median seconds of a few runs
and the final training accuracy. Run with the system's python3 and numpy."""
import statistics
import sys
import time

import numpy as np


def spiral(points=100, classes=3, seed=0):
    rng = np.random.default_rng(seed)
    X = np.zeros((points * classes, 2))
    y = np.zeros(points * classes, dtype=np.int64)
    for j in range(classes):
        ix = range(points * j, points * (j + 1))
        r = np.linspace(0.0, 1, points)
        t = np.linspace(j * 4, (j + 1) * 4, points) + rng.standard_normal(points) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        y[ix] = j
    return X, y


def train(X, y, steps=10_000, hidden=100, step_size=1.0, reg=1e-3):
    rng = np.random.default_rng(1)
    D, K, N = X.shape[1], int(y.max()) + 1, X.shape[0]
    W = 0.01 * rng.standard_normal((D, hidden)); b = np.zeros((1, hidden))
    W2 = 0.01 * rng.standard_normal((hidden, K)); b2 = np.zeros((1, K))
    for _ in range(steps):
        hidden_layer = np.maximum(0, X @ W + b)
        scores = hidden_layer @ W2 + b2
        exp_scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs = exp_scores / exp_scores.sum(axis=1, keepdims=True)
        dscores = probs
        dscores[range(N), y] -= 1
        dscores /= N
        dW2 = hidden_layer.T @ dscores + reg * W2
        db2 = dscores.sum(axis=0, keepdims=True)
        dhidden = dscores @ W2.T
        dhidden[hidden_layer <= 0] = 0
        dW = X.T @ dhidden + reg * W
        db = dhidden.sum(axis=0, keepdims=True)
        W -= step_size * dW; b -= step_size * db
        W2 -= step_size * dW2; b2 -= step_size * db2
    scores = np.maximum(0, X @ W + b) @ W2 + b2
    return float(np.mean(np.argmax(scores, axis=1) == y))


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    X, y = spiral()
    times, accuracy = [], 0.0
    for _ in range(runs):
        start = time.perf_counter()
        accuracy = train(X, y)
        times.append(time.perf_counter() - start)
    print(f"numpy {np.__version__}: {statistics.median(times):.3f} s (training accuracy {accuracy:.3f})")
