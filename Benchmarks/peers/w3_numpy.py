"""W3 in numpy: one SGD step of a 3072 -> 100 ReLU -> 10 net (softmax + L2
1e-3) on a batch of 200 rows, forward and backward written out as in CS231n's
TwoLayerNet, float64, from gradbook's data. ms per step, median of 50."""
import numpy as np

from common import emit, labels, load, median_step

X, y = load("cifar_X"), labels("cifar_y")
params = {"W1": load("cifar_W1"), "b1": np.zeros(100), "W2": load("cifar_W2"), "b2": np.zeros(10)}
reg, learning_rate = 1e-3, 1e-3
N = X.shape[0]


def loss_and_grads(p):
    hidden = np.maximum(0, X.dot(p["W1"]) + p["b1"])
    scores = hidden.dot(p["W2"]) + p["b2"]
    shifted = scores - scores.max(axis=1, keepdims=True)
    probs = np.exp(shifted)
    probs /= probs.sum(axis=1, keepdims=True)
    loss = -np.log(probs[np.arange(N), y]).mean() + 0.5 * reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))
    dscores = probs
    dscores[np.arange(N), y] -= 1
    dscores /= N
    grads = {"W2": hidden.T.dot(dscores) + reg * p["W2"], "b2": dscores.sum(axis=0)}
    dhidden = dscores.dot(p["W2"].T)
    dhidden[hidden <= 0] = 0
    grads["W1"] = X.T.dot(dhidden) + reg * p["W1"]
    grads["b1"] = dhidden.sum(axis=0)
    return loss, grads


last = None


def sgd_step():
    global last
    last, grads = loss_and_grads(params)
    for name in params:
        params[name] -= learning_rate * grads[name]


seconds = median_step(sgd_step)
emit("W3-step", "numpy", seconds * 1e3, "ms", loss=last)
