/// Every message of the spec language, in one catalogue, alphabetical:
/// lowercase, no full stop, saying what was expected.
enum Message {
    static func alreadyDefined(_ name: String, line: Int) -> String {
        "'\(name)' is already defined (line \(line)); each name is defined once"
    }
    static func argumentCount(_ function: String, expected: String, given: Int) -> String {
        "\(function) takes \(expected), not \(given)"
    }
    static func batchNeedsData() -> String {
        "'batch' samples rows of a data set, and this spec has none; define one with X, y = spiral(…)"
    }
    static func calledValue(_ name: String) -> String {
        "'\(name)' is a value, not a function; to multiply, write '\(name) * (…)'"
    }
    static func checkOutOfTime(_ what: String, seconds: Double) -> String {
        "\(what): the example ran longer than its limit of \(Limits.describe(seconds)) s"
    }
    static func constantExpected(_ what: String) -> String { "\(what) must be a number written in the spec" }
    static func dataNotAParameter(_ name: String, _ doing: String) -> String {
        "'\(name)' is data from a data set, which takes no gradient, so it cannot be \(doing)"
    }
    static func definedLater(_ name: String, line: Int) -> String {
        "'\(name)' is used before it is defined (line \(line))"
    }
    static func duplicateLabel(_ label: String) -> String { "the argument '\(label):' is given twice" }
    static let emptySpec = "the spec is empty: write at least one statement, such as 'x = 1'"
    static func expectedClosing(opened: String, at place: String, _ found: Token) -> String {
        "expected '\(opened == "(" ? ")" : "]")' to close the '\(opened)' at \(place), found \(found.described)"
    }
    static func expectedColonAfter(_ label: String, _ found: Token) -> String {
        "expected ':' after '\(label)', found \(found.described)"
    }
    static func expectedEndOfStatement(_ found: Token) -> String {
        "expected the end of the statement (a new line or ';'), found \(found.described)"
    }
    static func expectedEqual(_ name: String, _ found: Token) -> String {
        "expected '=' after '\(name)', found \(found.described)"
    }
    static func expectedName(_ found: Token) -> String { "expected a name, found \(found.described)" }
    static func expectedOptimizer(_ found: Token) -> String {
        "expected an optimizer (gd, sgd, momentum, nesterov, adagrad, rmsprop, adam), found \(found.described)"
    }
    static func expectedParameter(_ found: Token) -> String {
        "expected the name of a parameter to train, found \(found.described)"
    }
    static func expectedRelation(_ found: Token) -> String {
        "expected '=', '>=' or '<=' after what is expected, found \(found.described)"
    }
    static func expectedStatement(_ found: Token) -> String {
        "expected a statement (name = value, expect, gradcheck, minimize, show, backward), found \(found.described)"
    }
    static func expectedValue(_ found: Token) -> String {
        "expected a value (a number, a name, a call, '(' or '['), found \(found.described)"
    }
    static func expectedWord(_ word: String, after what: String, _ found: Token) -> String {
        "expected '\(word)' after \(what), found \(found.described)"
    }
    static func gradientBeforeOutput(_ output: String) -> String {
        "gradients are taken from '\(output)', which is not defined yet here; move this after it"
    }
    static func gradientNotOfOutput(_ of: String, output: String) -> String {
        "'\(of)' is not the output: gradients are taken from '\(output)'; write 'backward \(of)' to take them from '\(of)'"
    }
    static func gradientOfNothing(_ name: String) -> String {
        "'d\(name)' needs a name after the 'd': '\(name)' is not defined"
    }
    static func labelsNotAParameter(_ name: String, _ doing: String) -> String {
        "'\(name)' holds labels, which take no gradient, so it cannot be \(doing)"
    }
    static func listRagged() -> String { "the rows of a matrix must all have the same length" }
    static func listTooDeep() -> String { "lists nest at most two deep: a vector or a matrix" }
    static func nestedTooDeeply(_ depth: Int) -> String {
        "the expression is nested too deeply (more than \(depth) levels)"
    }
    static func noGradient() -> String { "there is no node to take gradients from: define one with an operation" }
    static func notAParameter(_ name: String, _ doing: String) -> String {
        "'\(name)' is computed from other values; only inputs (defined from numbers) can be \(doing)"
    }
    static func noSuchRun(_ name: String, known: [String]) -> String {
        known.isEmpty ? "no minimize has run yet, so there is no run of '\(name)' to check"
            : "no minimize ran '\(name)'; the runs so far: \(known.map { "'\($0)'" }.joined(separator: ", "))"
    }
    static func notScalarOutput(_ name: String, shape: String) -> String {
        "gradients need a scalar output, and '\(name)' has shape \(shape); reduce it first, e.g. with sum(…)"
    }
    static func numberTooLarge(_ text: String) -> String { "the number \(text) is too large for a double" }
    static func outOfTime(_ seconds: Double) -> String {
        "the example ran longer than its limit of \(Limits.describe(seconds)) s; the statements from here on were not run"
    }
    static func plotShapes(_ y: String, _ x: String) -> String {
        "plot draws a vector against a vector of the same length; here they are \(y) and \(x)"
    }
    static func positiveInteger(_ what: String) -> String { "\(what) must be a positive whole number" }
    static let powerIsCaret = "to raise to a power, write '^': x ^ 2"
    static func tooManyElements(_ count: Int?, limit: Int) -> String {
        "this value would have \(count.map(String.init) ?? "more than 2^63") entries, more than the limit-elements of \(limit) for one value"
    }
    static func tooManyNodes(_ limit: Int) -> String {
        "the graph would have more than \(limit) nodes, the limit-nodes for one example"
    }
    static func tooManySteps(_ steps: Int, limit: Int) -> String {
        "\(steps) steps are more than the limit-steps of \(limit) for one minimize"
    }
    static func tooManyOperations(_ depth: Int) -> String {
        "the expression chains too many operations (at most \(depth) levels); split it over several names"
    }
    static func trainingOutOfTime(_ optimizer: String, step: Int, of steps: Int, seconds: Double) -> String {
        "training with \(optimizer) stopped at step \(step) of \(steps): the example ran longer than its limit of \(Limits.describe(seconds)) s"
    }
    static func tupleNeedsDataSet(_ count: Int) -> String {
        "only a data set such as spiral(…) can be unpacked into \(count) names"
    }
    static func undefined(_ name: String) -> String { "'\(name)' is not defined" }
    static func unknownArgument(_ label: String, of function: String, known: [String]) -> String {
        known.isEmpty ? "\(function) takes no argument '\(label):'"
            : "\(function) has no argument '\(label):'; it takes \(known.map { "'\($0):'" }.joined(separator: ", "))"
    }
    static func unknownFunction(_ name: String) -> String { "unknown function '\(name)'" }
    static func unknownOptimizer(_ name: String) -> String { "unknown optimizer '\(name)'" }
    static func unusedTuple(_ names: Int, values: Int) -> String {
        "\(names) names cannot take the \(values) parts of this data set"
    }
}
