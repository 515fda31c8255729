import Autodiff

extension Evaluator {
    /// A call: a gate, a constructor, a data set or a Jacobian.
    mutating func call(_ name: String, _ arguments: [Argument], nameRange: Range<Int>,
                       range: Range<Int>) throws(EvalError) -> Value {
        guard let function = Functions.table[name] else {
            let hint = bindings[name] != nil ? Message.calledValue(name)
                : Suggestions.hint(for: name, in: Functions.table.keys.sorted())
            throw error(Message.unknownFunction(name), at: nameRange, hint: hint)
        }
        let positional = arguments.filter { $0.label == nil }.map(\.value)
        guard function.positional.contains(positional.count) else {
            throw error(Message.argumentCount(name, expected: Self.describe(function.positional), given: positional.count),
                        at: range)
        }
        let labels = try labelled(arguments, of: name, function)
        switch function.kind {
        case .gate(let make):
            return try apply(make(labels), positional, range)
        case .constructor(let make):
            var sizes: [Int] = []
            for size in positional { sizes.append(try positiveInteger(size, what: "a size")) }
            try withinLimits(sizes, range)
            return .constant(make(sizes, labels), text: source.slice(range))
        case .numbers(let make):
            var numbers: [Double] = []
            for argument in positional { numbers.append(try constantNumber(argument, what: "an argument of \(name)")) }
            do { return .constant(try make(numbers), text: source.slice(range)) } catch {
                throw self.error("\(name) takes a start, an end and a count of at least 2 points", at: range)
            }
        case .dataset(let make):
            for key in ["points", "classes"] where labels[key]! < 1 || labels[key]! != labels[key]!.rounded() {
                throw error(Message.positiveInteger("'\(key):'"), at: range)
            }
            guard labels["points"]! * labels["classes"]! * 2 <= Double(limits.elements) else {
                throw error(Message.tooManyElements(Int(exactly: labels["points"]! * labels["classes"]! * 2), limit: limits.elements),
                            at: range, hint: Limits.raise("limit-elements"))
            }
            return .dataset(make(labels))
        case .jacobian:
            return try jacobian(positional[0], positional[1], range)
        }
    }

    /// The labelled arguments, with defaults for those not given; each must be a number.
    private mutating func labelled(_ arguments: [Argument], of name: String,
                                   _ function: Functions.Function) throws(EvalError) -> [String: Double] {
        var values = Dictionary(uniqueKeysWithValues: function.labels)
        var given: Set<String> = []
        for argument in arguments {
            guard let label = argument.label, let labelRange = argument.labelRange else { continue }
            guard values[label] != nil else {
                let known = function.labels.map(\.0)
                throw error(Message.unknownArgument(label, of: name, known: known), at: labelRange,
                            hint: Suggestions.hint(for: label, in: known))
            }
            guard given.insert(label).inserted else { throw error(Message.duplicateLabel(label), at: labelRange) }
            values[label] = try constantNumber(argument.value, what: "'\(label):'")
        }
        return values
    }

    /// `jacobian(y, x)`: the full Jacobian of y with respect to the named x, to show.
    private mutating func jacobian(_ of: Expression, _ wrt: Expression, _ range: Range<Int>) throws(EvalError) -> Value {
        guard case .name(let name, let nameRange) = wrt else {
            throw error("the second argument of jacobian must be a name", at: wrt.range)
        }
        let x = try node(named: name, at: nameRange).node
        guard case .node(let y) = try value(of: of) else {
            throw error("the first argument of jacobian must depend on '\(name)'", at: of.range)
        }
        defer { gradientsFresh = false }
        do {
            return .constant(try result.graph.jacobian(of: y, wrt: x, limit: 1 << 16), text: source.slice(range))
        } catch {
            throw self.error(error, at: range)
        }
    }

    /// `one`, `two`, `one to three`, `two or more`.
    static func describe(_ counts: ClosedRange<Int>) -> String {
        let words = ["no argument", "one argument", "two arguments", "three arguments"]
        func word(_ n: Int) -> String { n < words.count ? words[n] : "\(n) arguments" }
        if counts.count == 1 { return word(counts.lowerBound) }
        if counts.upperBound >= 8 { return counts.lowerBound == 0 ? "any number of sizes" : "\(word(counts.lowerBound)) or more" }
        return "\(counts.lowerBound) to \(word(counts.upperBound))"
    }
}
