import Autodiff

/// The functions a spec can call: gates, constructors of inputs, data sets, and `jacobian`.
enum Functions {
    /// What a function takes and makes.
    struct Function: Sendable {
        /// How many positional arguments it takes.
        let positional: ClosedRange<Int>
        /// Its labelled arguments, with their defaults.
        let labels: [(String, Double)]
        let kind: Kind

        /// What calling it makes.
        enum Kind: Sendable {
            /// A gate over the positional arguments, made from the labelled ones.
            case gate(@Sendable ([String: Double]) -> any Gate)
            /// A constant tensor from sizes (the positional arguments) and the labelled arguments.
            case constructor(@Sendable ([Int], [String: Double]) -> Tensor)
            /// A constant tensor from numbers: the positional arguments.
            case numbers(@Sendable ([Double]) throws -> Tensor)
            /// A data set.
            case dataset(@Sendable ([String: Double]) -> Dataset)
            /// The Jacobian of its first argument with respect to its second.
            case jacobian
        }
    }

    /// Why a constructor refused its numbers.
    enum Refusal: Error { case count }

    /// Functions whose second argument holds labels.
    static let takesLabels: Set<String> = ["softmax_loss", "svm_loss", "accuracy"]

    private static func gate(_ count: ClosedRange<Int>, _ labels: [(String, Double)] = [],
                             _ make: @escaping @Sendable ([String: Double]) -> any Gate) -> Function {
        Function(positional: count, labels: labels, kind: .gate(make))
    }

    /// An axis argument: -1 (the default) means every entry.
    private static func axis(_ a: [String: Double]) -> Int? { a["axis"]! < 0 ? nil : Int(a["axis"]!) }

    /// Every function, by the name a spec calls it.
    static let table: [String: Function] = [
        "abs": gate(1...1) { _ in Abs() },
        "accuracy": gate(2...2) { _ in Accuracy() },
        "elu": gate(1...1, [("alpha", 1)]) { ELU(alpha: $0["alpha"]!) },
        "exp": gate(1...1) { _ in Exp() },
        "jacobian": Function(positional: 2...2, labels: [], kind: .jacobian),
        "l2": gate(1...1) { _ in L2() },
        "leaky_relu": gate(1...1, [("alpha", 0.01)]) { LeakyReLU(alpha: $0["alpha"]!) },
        "linspace": Function(positional: 3...3, labels: [], kind: .numbers { a in
            guard a[2] >= 2, a[2] == a[2].rounded(), a[2] <= 1_000_000 else { throw Functions.Refusal.count }
            let n = Int(a[2])
            return Tensor((0..<n).map { a[0] + (a[1] - a[0]) * Double($0) / Double(n - 1) })
        }),
        "log": gate(1...1) { _ in Log() },
        "matmul": gate(2...2) { _ in MatrixProduct() },
        "max": gate(2...2) { _ in Max() },
        "maxout": gate(2...64) { _ in Maxout() },
        "mean": gate(1...1, [("axis", -1), ("keepdims", 0)]) { Mean(axis: axis($0), keepDims: $0["keepdims"] != 0) },
        "min": gate(2...2) { _ in Min() },
        "ones": Function(positional: 0...8, labels: [], kind: .constructor { sizes, _ in .ones(sizes) }),
        "randn": Function(positional: 0...8, labels: [("seed", 0), ("scale", 1)], kind: .constructor { sizes, a in
            let (t, scale) = (Tensor.randn(sizes, seed: UInt64(a["seed"]!)), a["scale"]!)
            return Tensor(shape: t.shape, scalars: t.scalars.map { $0 * scale })
        }),
        "reciprocal": gate(1...1) { _ in Reciprocal() },
        "relu": gate(1...1) { _ in ReLU() },
        "sigmoid": gate(1...1) { _ in Sigmoid() },
        "softmax": gate(1...1) { _ in Softmax() },
        "softmax_loss": gate(2...2) { _ in SoftmaxLoss() },
        "spiral": Function(positional: 0...0, labels: [("points", 100), ("classes", 3), ("noise", 0.2), ("seed", 0)],
                           kind: .dataset { a in
            Spiral.make(points: Int(a["points"]!), classes: Int(a["classes"]!), noise: a["noise"]!,
                        seed: UInt64(a["seed"]!))
        }),
        "sqrt": gate(1...1) { _ in Sqrt() },
        "sum": gate(1...1, [("axis", -1), ("keepdims", 0)]) { Sum(axis: axis($0), keepDims: $0["keepdims"] != 0) },
        "svm_loss": gate(2...2, [("margin", 1)]) { SVMLoss(margin: $0["margin"]!) },
        "tanh": gate(1...1) { _ in Tanh() },
        "transpose": gate(1...1) { _ in Transpose() },
        "uniform": Function(positional: 0...8, labels: [("low", 0), ("high", 1), ("seed", 0)], kind: .constructor { sizes, a in
            .uniform(sizes, low: a["low"]!, high: a["high"]!, seed: UInt64(a["seed"]!))
        }),
        "zeros": Function(positional: 0...8, labels: [], kind: .constructor { sizes, _ in .zeros(sizes) }),
    ]
}
