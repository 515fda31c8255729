extension Expression {
    /// Whether the expression reads any named value (then it is a node, not an input).
    var mentionsNames: Bool {
        switch self {
        case .number: return false
        case .name: return true
        case .list(let items, _): return items.contains { $0.mentionsNames }
        case .negate(let x, _), .transpose(let x, _): return x.mentionsNames
        case .binary(_, let a, let b, _, _): return a.mentionsNames || b.mentionsNames
        case .call(_, let arguments, _, _): return arguments.contains { $0.value.mentionsNames }
        }
    }

    /// The names passed as labels (the second argument of a loss or of accuracy) anywhere inside.
    var labelNames: Set<String> {
        switch self {
        case .number, .name: return []
        case .list(let items, _): return items.reduce(into: []) { $0.formUnion($1.labelNames) }
        case .negate(let x, _), .transpose(let x, _): return x.labelNames
        case .binary(_, let a, let b, _, _): return a.labelNames.union(b.labelNames)
        case .call(let function, let arguments, _, _):
            var names = arguments.reduce(into: Set<String>()) { $0.formUnion($1.value.labelNames) }
            let positional = arguments.filter { $0.label == nil }
            if Functions.takesLabels.contains(function), positional.count >= 2, case .name(let n, _) = positional[1].value {
                names.insert(n)
            }
            return names
        }
    }
}
