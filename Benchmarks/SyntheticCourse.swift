/// A course the size the real one will be: ten lectures of prose and math,
/// each with five examples of varied size — the first circuit of lecture 4,
/// the sigmoid neuron (or the staged example), a small matrix product, an
/// unrolled recurrent net that grows with the lecture (12 to 48 gates), and a
/// 100-step training run on the spiral data.
/// Every check is written to pass, so a build of it exits 0.
enum SyntheticCourse {
    static let lectures = 10

    /// The lecture files, by name.
    static func files() -> [(name: String, text: String)] {
        (1...lectures).map { i in (String(format2(i)) + "-synthetic.md", lecture(i)) }
    }

    static func lecture(_ i: Int) -> String {
        """
        ---
        title: Synthetic lecture \(i)
        order: \(i)
        ---

        # Synthetic lecture \(i)

        \(prose(i))

        \(block("circuit", "f = (x + y) · z", circuit(i)))

        The mul gate hands each input the *other* input times the upstream gradient:
        $\\partial f/\\partial z = q$ and $\\partial f/\\partial q = z$.

        \(i % 2 == 1 ? block("sigmoid", "The sigmoid neuron", sigmoid) : block("staged", "Staged backprop", staged))

        \(prose(i + 1))

        \(block("matrix", "A small matrix product", matrix(i)))

        $$L = \\frac{1}{N} \\sum_i L_i + \\lambda R(W)$$

        \(block("rnn", "A recurrent net unrolled over \(2 + i) steps", unrolled(i)))

        \(prose(i + 2))

        \(block("training", "Training on the spiral", training(i)))

        """
    }

    static func block(_ id: String, _ title: String, _ spec: String) -> String {
        "```graph id=\(id) title=\"\(title)\"\n\(spec)```"
    }

    /// A paragraph of lecture prose with inline math, emphasis and a list.
    static func prose(_ i: Int) -> String {
        """
        Any expression can be drawn as a circuit of gates. Take $f(x, y, z) = (x + y)\\,z$
        at $x = -\(i)$, $y = 5$, $z = -4$: the forward pass computes values from left to
        right, and the backward pass applies the **chain rule** from right to left, so that
        each gate only needs its *local* gradient and the upstream one.

        - the add gate distributes the gradient unchanged;
        - the max gate routes it to the larger input;
        - the mul gate swaps its inputs, scaled by the upstream gradient.
        """
    }

    /// f = (x + y) · z at x = −i, y = 5, z = −4: every figure exact.
    static func circuit(_ i: Int) -> String {
        let (x, y, z) = (-i, 5, -4)
        return """
            x = \(x)
            y = \(y)
            z = \(z)
            q = x + y
            f = q * z

            expect f = \((x + y) * z)
            expect df/dz = \(x + y), df/dq = \(z), df/dx = \(z), df/dy = \(z)

            """
    }

    static let sigmoid = """
        w0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3
        f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))
        expect f = 0.73
        expect df/dw0 = -0.20, df/dx0 = 0.39
        expect df/dw1 = -0.39, df/dx1 = -0.59
        expect df/dw2 = 0.20

        """

    /// f = (x + σ(y)) / (σ(x) + (x + y)²) at x = 3, y = −4, the lecture's staged example.
    static let staged = """
        x = 3; y = -4
        sigy = 1 / (1 + exp(-y))
        num = x + sigy
        sigx = 1 / (1 + exp(-x))
        xpy = x + y
        den = sigx + xpy ^ 2
        f = num * (1 / den)
        expect num = 3.02, den = 1.95, f = 1.55
        gradcheck

        """

    /// An n×n matrix times a vector, n from 2 to 4, and its squared norm.
    static func matrix(_ i: Int) -> String {
        let n = 2 + i % 3
        return """
            W = randn(\(n), \(n), seed: \(i), scale: 0.5)
            x = randn(\(n), seed: \(i + 100))
            h = relu(W @ x)
            f = l2(h)
            expect f >= 0
            gradcheck W, x

            """
    }

    /// A scalar recurrent net unrolled over 2 + i steps (4 gates a step), its two
    /// weights shared by every step as in the RNN lecture: the graph grows with the lecture.
    static func unrolled(_ i: Int) -> String {
        let steps = 2 + i
        var lines = ["w = 0.5; u = 1.2; h0 = 0"]
        for t in 1...steps { lines.append("x\(t) = \(Double(t % 5) * 0.4 - 0.8)") }
        for t in 1...steps { lines.append("h\(t) = tanh(w * h\(t - 1) + u * x\(t))") }
        lines.append("expect h\(steps) >= -1, h\(steps) <= 1")
        lines.append("gradcheck w, u")
        return lines.joined(separator: "\n") + "\n"
    }

    /// 100 steps on 60 spiral points: a softmax classifier, or a small 2-layer net.
    static func training(_ i: Int) -> String {
        let data = "X, y = spiral(points: 20, classes: 3, seed: \(i))\n"
        if i % 2 == 0 {
            return data + """
                W = randn(2, 3, seed: \(i), scale: 0.01)
                b = zeros(3)
                scores = X @ W + b
                L = softmax_loss(scores, y) + 0.5e-3 * l2(W)
                minimize L over W, b with adam(lr: 0.1) for 100 steps
                expect L <= 1.0987

                """
        }
        return data + """
            W1 = randn(2, 16, seed: \(i), scale: 0.1)
            b1 = zeros(16)
            W2 = randn(16, 3, seed: \(i + 1), scale: 0.1)
            b2 = zeros(3)
            scores = relu(X @ W1 + b1) @ W2 + b2
            L = softmax_loss(scores, y) + 0.5e-3 * (l2(W1) + l2(W2))
            minimize L over W1, b1, W2, b2 with momentum(lr: 0.1) for 100 steps
            expect L <= 1.0987

            """
    }

    private static func format2(_ i: Int) -> String { i < 10 ? "0\(i)" : "\(i)" }
}
