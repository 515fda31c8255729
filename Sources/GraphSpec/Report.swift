import Autodiff
import Diagnostics

/// An evaluation as plain data, the shape `gradbook eval --json` prints:
/// values and gradients by name (tensors as nested arrays), checks, shown
/// values, training runs and diagnostics. Encoded with sorted keys, so the
/// same spec always prints the same bytes.
public struct Report: Codable, Equatable, Sendable {
    /// A tensor as JSON: a number, or nested arrays of numbers.
    public indirect enum Value: Codable, Equatable, Sendable {
        case number(Double)
        case array([Value])

        /// The tensor's entries nested by its shape.
        public init(_ tensor: Tensor) {
            func nest(_ scalars: ArraySlice<Double>, _ shape: ArraySlice<Int>) -> Value {
                guard let size = shape.first else { return .number(scalars.first ?? 0) }
                let step = size == 0 ? 0 : scalars.count / size
                return .array((0..<size).map { i in
                    let start = scalars.startIndex + i * step
                    return nest(scalars[start..<start + step], shape.dropFirst())
                })
            }
            self = nest(tensor.scalars[...], tensor.shape[...])
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let x = try? container.decode(Double.self) { self = .number(x) } else { self = .array(try container.decode([Value].self)) }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let x): try container.encode(x)
            case .array(let items): try container.encode(items)
            }
        }
    }

    /// One check: what was written, what was computed, and whether it passed.
    public struct Check: Codable, Equatable, Sendable {
        public var kind: String
        public var text: String
        public var line: Int
        public var column: Int
        public var expected: String
        public var computed: Value?
        public var passed: Bool
        public var detail: String
    }

    /// One `show`.
    public struct Shown: Codable, Equatable, Sendable {
        public var text: String
        public var line: Int
        public var value: Value
    }

    /// One optimizer's training run.
    public struct Run: Codable, Equatable, Sendable {
        public var optimizer: String
        public var line: Int
        public var steps: Int
        public var initialLoss: Double
        public var finalLoss: Double
    }

    /// The named nodes, in the order they were defined.
    public var names: [String]
    /// Each named node's shape.
    public var shapes: [String: [Int]]
    /// Each named node's value.
    public var values: [String: Value]
    /// Each named node's gradient, when there is a scalar output (data sets have none).
    public var gradients: [String: Value]
    /// The name gradients are taken from.
    public var output: String?
    public var checks: [Check]
    public var shown: [Shown]
    public var trainings: [Run]
    public var diagnostics: [Diagnostic]
    /// True when every check passed and there is no error.
    public var passed: Bool

    /// The report of `evaluation`.
    public init(_ evaluation: Evaluation) {
        names = evaluation.named.map(\.name)
        var (shapes, values, gradients) = ([String: [Int]](), [String: Value](), [String: Value]())
        for n in evaluation.named {
            shapes[n.name] = n.node.shape
            values[n.name] = Value(n.node.value)
            if evaluation.hasGradients, n.node.needsGradient { gradients[n.name] = Value(n.node.gradient) }
        }
        (self.shapes, self.values, self.gradients) = (shapes, values, gradients)
        output = evaluation.named.first { $0.node === evaluation.output }?.name
        checks = evaluation.checks.map {
            Check(kind: $0.kind.rawValue, text: $0.text, line: $0.location.line, column: $0.location.column,
                  expected: $0.expected, computed: $0.computed.map(Value.init), passed: $0.passed, detail: $0.detail)
        }
        shown = evaluation.shown.map { Shown(text: $0.text, line: $0.location.line, value: Value($0.value)) }
        trainings = evaluation.trainings.map {
            Run(optimizer: $0.optimizer, line: $0.location.line, steps: $0.losses.count - 1,
                initialLoss: $0.losses.first ?? 0, finalLoss: $0.losses.last ?? 0)
        }
        diagnostics = evaluation.diagnostics
        passed = evaluation.passed
    }
}
