/// A mistake in what the engine was asked to compute: shapes that do not fit
/// an op, a value outside an op's domain, a label out of range, a non-finite
/// number. Each names the op and the shapes or values involved.
public struct AutodiffError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What kind of mistake it is.
    public enum Kind: String, Sendable {
        /// The inputs' shapes do not fit the op.
        case shape
        /// An input lies outside the op's domain (log of a negative number, division by zero).
        case domain
        /// A label is not an integer class index in range.
        case label
        /// A forward value or a gradient came out NaN or infinite.
        case nonFinite
        /// The engine was used in a way it does not support.
        case usage
        /// A computation was stopped at its deadline.
        case time
    }

    /// What kind of mistake it is.
    public var kind: Kind
    /// The message, lowercase, saying what is wrong and with what.
    public var message: String
    /// The graph node where it happened, when there is one.
    public var node: Int?
    /// For a shape error: the shapes of the op's inputs, in order.
    public var shapes: [[Int]] = []
    /// For a shape error: the rule the shapes break ("the inner sizes of @ must match").
    public var rule: String?

    /// An error of the given kind.
    public init(_ kind: Kind, _ message: String, node: Int? = nil) {
        self.kind = kind
        self.message = message
        self.node = node
    }

    public var description: String { message }
}

extension AutodiffError {
    /// The inputs of `op` have shapes that do not fit it.
    static func shapes(_ op: String, _ shapes: [[Int]], _ why: String) -> AutodiffError {
        let list = shapes.map(Shape.describe).joined(separator: " and ")
        var error = AutodiffError(.shape, "\(op) cannot take shapes \(list): \(why)")
        (error.shapes, error.rule) = (shapes, why)
        return error
    }

    /// `op` takes `expected` inputs but was given `given`.
    static func arity(_ op: String, expected: String, given: Int) -> AutodiffError {
        AutodiffError(.usage, "\(op) takes \(expected), not \(given)")
    }
}
