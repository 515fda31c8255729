import Autodiff
import Diagnostics

/// Everything one spec computed: the graph with its values and gradients,
/// the named nodes, every check, shown value and training run, and the
/// diagnostics of what could not be computed.
public struct Evaluation {
    /// The graph, with forward values and (from `output`) gradients.
    public let graph: Graph
    /// The named nodes, in the order they were defined.
    public internal(set) var named: [NamedNode] = []
    /// The node gradients are taken from, if there is one.
    public internal(set) var output: Node?
    /// Whether the nodes' gradients are those of `output` (false when there is no scalar output).
    public internal(set) var hasGradients = false
    /// Every `expect` and `gradcheck`, in order.
    public internal(set) var checks: [CheckResult] = []
    /// Every `show`, in order.
    public internal(set) var shown: [ShownValue] = []
    /// Every `minimize`, in order.
    public internal(set) var minimizations: [Minimization] = []
    /// Every optimizer's run of every `minimize`, in order.
    public var trainings: [Training] { minimizations.flatMap(\.runs) }
    /// What could not be parsed or computed.
    public internal(set) var diagnostics: [Diagnostic] = []
    /// One error per failed check, at its line: "expected df/dx = -3, computed -4".
    public internal(set) var failures: [Diagnostic] = []
    /// The nodes made by `expect` and `show` expressions rather than by the program itself.
    public internal(set) var auxiliary: Set<Int> = []
    /// Where in the source each node was made.
    public internal(set) var locations: [Int: SourceLocation] = [:]

    /// Whether every check passed and nothing went wrong.
    public var passed: Bool { !diagnostics.containsError && checks.allSatisfy(\.passed) }
}

/// A name bound to a node of the graph.
public struct NamedNode {
    /// The name as written.
    public let name: String
    /// The node.
    public let node: Node
    /// Where the name was defined.
    public let location: SourceLocation
    /// Whether it came from a data set (no gradient is shown for data).
    public let isData: Bool
}

/// The result of one expectation or gradient check.
public struct CheckResult {
    /// What kind of check it is.
    public enum Kind: String, Sendable { case expect, gradcheck }

    /// What kind of check it is.
    public let kind: Kind
    /// The check as written: `df/dx = -4`.
    public let text: String
    /// Where it is written.
    public let location: SourceLocation
    /// What was expected, as written (`-4`, `[0.44, 0.52]`), or the gradient check's threshold.
    public let expected: String
    /// What the engine computed: the value compared, or the worst relative error.
    public let computed: Tensor?
    /// Whether it passed.
    public let passed: Bool
    /// How it was judged: the tolerance, or the worst entry of a gradient check.
    public let detail: String
}

/// The value of a `show` statement.
public struct ShownValue {
    /// The expression as written.
    public let text: String
    /// Where it is written.
    public let location: SourceLocation
    /// Its value.
    public internal(set) var value: Tensor
    /// For `show plot(y, x)`: the values along the horizontal axis (0, 1, 2, … for `plot(y)`).
    public internal(set) var abscissa: Tensor? = nil
}

/// One `minimize` statement: a run per optimizer, and what to draw of them.
public struct Minimization {
    /// Where the statement is written.
    public let location: SourceLocation
    /// One run per optimizer, in the order written.
    public internal(set) var runs: [Training]
    /// The loss over a window around the runs' paths, when the parameters are two scalars.
    public internal(set) var surface: Surface?
    /// The classes the trained model predicts over the plane, when it classifies 2-D data.
    public internal(set) var boundary: Boundary?
}

/// A loss of two scalar parameters sampled on a grid: `losses[j][i]` at (xs[i], ys[j]).
public struct Surface: Sendable {
    public let xs: [Double]
    public let ys: [Double]
    public let losses: [[Double]]
}

/// A trained classifier of 2-D points: the class it predicts at each grid point
/// (`classes[j][i]` at (xs[i], ys[j])), and the data with their labels.
public struct Boundary: Sendable {
    public let xs: [Double]
    public let ys: [Double]
    public let classes: [[Int]]
    public let points: [[Double]]
    public let labels: [Int]
}

/// One optimizer's run of a `minimize` statement.
public struct Training {
    /// The optimizer as written: `adam(lr: 0.01)`.
    public let optimizer: String
    /// The loss before each step, then after the last one (steps + 1 numbers).
    public let losses: [Double]
    /// The parameters before each step and after the last, when they are at most two scalars.
    public let path: [[Double]]
    /// The names of the parameters trained.
    public let parameters: [String]
    /// The parameters' values after the last step.
    public let final: [Tensor]
    /// Where the statement is written.
    public let location: SourceLocation
}
