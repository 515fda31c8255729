/// The syntax tree of a spec: what the parser makes and the evaluator walks.
/// Every piece keeps the scalars of the source it came from, for diagnostics.

/// An expression: `x`, `0.73`, `[[1, 2], [3, 4]]`, `-(a + b) * c`, `W @ x`, `relu(h).T`.
indirect enum Expression: Sendable {
    /// A number as written; the text decides an expectation's tolerance.
    case number(Double, text: String, range: Range<Int>)
    case name(String, range: Range<Int>)
    /// `[a, b, …]`: a vector, or a matrix when its items are lists.
    case list([Expression], range: Range<Int>)
    case negate(Expression, range: Range<Int>)
    case binary(BinaryOperator, Expression, Expression, operatorRange: Range<Int>, range: Range<Int>)
    case transpose(Expression, range: Range<Int>)
    case call(String, [Argument], nameRange: Range<Int>, range: Range<Int>)

    /// The scalars of the whole expression.
    var range: Range<Int> {
        switch self {
        case .number(_, _, let r), .name(_, let r), .list(_, let r), .negate(_, let r),
             .binary(_, _, _, _, let r), .transpose(_, let r), .call(_, _, _, let r):
            return r
        }
    }
}

/// An infix operator, with its symbol.
enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^", matrixProduct = "@"
}

/// One argument of a call: `x`, or labelled, `axis: 0`.
struct Argument: Sendable {
    var label: String?
    var labelRange: Range<Int>?
    var value: Expression
}

/// A name as written, with where.
struct Name: Sendable {
    var text: String
    var range: Range<Int>
}

/// How an expectation compares.
enum Relation: String, Sendable {
    case equal = "=", atLeast = ">=", atMost = "<="
}

/// One `target = value [± tolerance]` of an `expect` statement.
struct Expectation: Sendable {
    var target: Expression
    /// `with sgd`: judge the target at the values that optimizer's run reached.
    var optimizer: Name?
    var relation: Relation
    var expected: Expression
    var tolerance: Expression?
    var range: Range<Int>
}

/// An optimizer of a `minimize` statement: `adam(lr: 0.01)`, or a bare `sgd`.
struct OptimizerCall: Sendable {
    var name: Name
    var arguments: [Argument]
    var range: Range<Int>
}

/// One statement of a spec.
enum Statement: Sendable {
    /// `name = expr`, or `X, y = spiral(…)`.
    case assign([Name], Expression, range: Range<Int>)
    /// `backward` or `backward name`: the output gradients are taken from.
    case backward(Name?, range: Range<Int>)
    /// `expect a = 1, df/dx = -4 ± 1e-6, L <= 0.3`.
    case expect([Expectation], range: Range<Int>)
    /// `gradcheck`, `gradcheck W1, b1`, `gradcheck samples: 20`.
    case gradcheck([Name], samples: Expression?, range: Range<Int>)
    /// `minimize L over W, b with sgd(lr: 1), adam(lr: 0.01) for 200 steps batch 64`.
    case minimize(loss: Expression, over: [Name], with: [OptimizerCall], steps: Expression,
                  batch: Expression?, range: Range<Int>)
    /// `show expr`.
    case show(Expression, range: Range<Int>)
    /// An assignment that did not parse (its diagnostic is already recorded):
    /// the names it defines, and whether what follows '=' reads any name.
    case unparsed([Name], mentionsNames: Bool, range: Range<Int>)

    /// The scalars of the whole statement.
    var range: Range<Int> {
        switch self {
        case .assign(_, _, let r), .backward(_, let r), .expect(_, let r), .gradcheck(_, _, let r),
             .minimize(_, _, _, _, _, let r), .show(_, let r), .unparsed(_, _, let r):
            return r
        }
    }
}
