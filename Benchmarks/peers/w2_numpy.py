"""W2 in numpy, as the CS231n case study writes it: full-batch gradient descent
(step 1.0, L2 1e-3) on the spiral data, from gradbook's data and initial
weights. `net`: 2 -> 100 ReLU -> 3, 10,000 steps; `linear`: softmax classifier,
200 steps. Seconds of the loop; the final loss and training accuracy."""
import sys
import time

import numpy as np

from common import emit, labels, load

X, y = load("spiral_X"), labels("spiral_y")
num_examples = X.shape[0]
step_size, reg = 1.0, 1e-3


def softmax_loss(scores, weights):
    """The loss and the gradient on the scores."""
    exp_scores = np.exp(scores - np.max(scores, axis=1, keepdims=True))
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    correct_logprobs = -np.log(probs[range(num_examples), y])
    data_loss = np.sum(correct_logprobs) / num_examples
    reg_loss = sum(0.5 * reg * np.sum(W * W) for W in weights)
    dscores = probs
    dscores[range(num_examples), y] -= 1
    dscores /= num_examples
    return data_loss + reg_loss, dscores


def train_net(steps=10_000):
    W, W2 = load("spiral_W1"), load("spiral_W2")
    b, b2 = np.zeros((1, W.shape[1])), np.zeros((1, W2.shape[1]))
    for i in range(steps):
        hidden_layer = np.maximum(0, np.dot(X, W) + b)
        scores = np.dot(hidden_layer, W2) + b2
        loss, dscores = softmax_loss(scores, [W, W2])
        dW2 = np.dot(hidden_layer.T, dscores)
        db2 = np.sum(dscores, axis=0, keepdims=True)
        dhidden = np.dot(dscores, W2.T)
        dhidden[hidden_layer <= 0] = 0
        dW = np.dot(X.T, dhidden)
        db = np.sum(dhidden, axis=0, keepdims=True)
        dW2 += reg * W2
        dW += reg * W
        W += -step_size * dW
        b += -step_size * db
        W2 += -step_size * dW2
        b2 += -step_size * db2
    return lambda X: np.dot(np.maximum(0, np.dot(X, W) + b), W2) + b2, [W, W2]


def train_linear(steps=200):
    W, b = load("spiral_W"), np.zeros((1, 3))
    for i in range(steps):
        scores = np.dot(X, W) + b
        loss, dscores = softmax_loss(scores, [W])
        dW = np.dot(X.T, dscores) + reg * W
        db = np.sum(dscores, axis=0, keepdims=True)
        W += -step_size * dW
        b += -step_size * db
    return lambda X: np.dot(X, W) + b, [W]


which = sys.argv[1] if len(sys.argv) > 1 else "net"
start = time.perf_counter()
model, weights = train_net() if which == "net" else train_linear()
seconds = time.perf_counter() - start
scores = model(X)
loss, _ = softmax_loss(scores, weights)
emit("W2-" + which, "numpy", seconds, "s", loss=loss, accuracy=np.mean(np.argmax(scores, axis=1) == y))
