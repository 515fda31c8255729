extension Parser {
    /// expression → term (('+' | '-') term)*
    mutating func expression() throws(ParseError) -> Expression {
        try nested { (parser: inout Parser) throws(ParseError) -> Expression in
            let depth = parser.depth
            defer { parser.depth = depth }
            var left = try parser.term()
            while parser.check(.plus) || parser.check(.minus) {
                try parser.lengthen()
                let op = parser.advance()
                let right = try parser.term()
                left = .binary(op.kind == .plus ? .add : .subtract, left, right, operatorRange: op.range,
                               range: left.range.lowerBound..<right.range.upperBound)
            }
            return left
        }
    }

    /// term → unary (('*' | '/' | '@') unary)*
    private mutating func term() throws(ParseError) -> Expression {
        let depth = self.depth
        defer { self.depth = depth }
        var left = try unary()
        while check(.star) || check(.slash) || check(.at) {
            try lengthen()
            let op = advance()
            let kind: BinaryOperator = op.kind == .star ? .multiply : op.kind == .slash ? .divide : .matrixProduct
            let right = try unary()
            left = .binary(kind, left, right, operatorRange: op.range,
                           range: left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    /// unary → '-' unary | power
    private mutating func unary() throws(ParseError) -> Expression {
        guard check(.minus) else { return try power() }
        let minus = advance()
        let operand = try nested { (parser: inout Parser) throws(ParseError) in try parser.unary() }
        return .negate(operand, range: minus.range.lowerBound..<operand.range.upperBound)
    }

    /// power → postfix ('^' unary)?      — right-associative: 2^3^2 = 2^9, and -x^2 = -(x^2)
    private mutating func power() throws(ParseError) -> Expression {
        let base = try postfix()
        guard check(.caret) else { return base }
        let op = advance()
        let exponent = try nested { (parser: inout Parser) throws(ParseError) in try parser.unary() }
        return .binary(.power, base, exponent, operatorRange: op.range,
                       range: base.range.lowerBound..<exponent.range.upperBound)
    }

    /// postfix → primary ('.T')*
    private mutating func postfix() throws(ParseError) -> Expression {
        let depth = self.depth
        defer { self.depth = depth }
        var value = try primary()
        while check(.dotT) {
            try lengthen()
            let t = advance()
            value = .transpose(value, range: value.range.lowerBound..<t.range.upperBound)
        }
        return value
    }

    /// primary → NUMBER | IDENT | IDENT '(' arguments ')' | '(' expression ')' | '[' items ']'
    private mutating func primary() throws(ParseError) -> Expression {
        let token = peek
        switch token.kind {
        case .number:
            advance()
            guard let value = Double(token.text), value.isFinite else {
                throw error(Message.numberTooLarge(token.text), at: token.range)
            }
            return .number(value, text: token.text, range: token.range)
        case .identifier:
            advance()
            guard match(.leftParen) else { return .name(token.text, range: token.range) }
            let arguments = try argumentList()
            return .call(token.text, arguments, nameRange: token.range,
                         range: token.range.lowerBound..<previous.range.upperBound)
        case .leftParen:
            advance()
            let inner = try expression()
            try close(.rightParen, opened: token)
            return inner.spanning(token.range.lowerBound..<previous.range.upperBound)
        case .leftBracket:
            advance()
            return try list(openedBy: token)
        default:
            let power = check(.star) && previous.kind == .star && previous.range.upperBound == peek.range.lowerBound
            throw error(Message.expectedValue(peek), hint: power ? Message.powerIsCaret : nil)
        }
    }

    /// items → (expression (',' expression)* ','?)? ']'
    private mutating func list(openedBy bracket: Token) throws(ParseError) -> Expression {
        var items: [Expression] = []
        while !check(.rightBracket) {
            items.append(try expression())
            if !match(.comma) { break }
        }
        try close(.rightBracket, opened: bracket)
        return .list(items, range: bracket.range.lowerBound..<previous.range.upperBound)
    }

    /// arguments → (argument (',' argument)*)? ')'      argument → (IDENT ':')? expression
    mutating func argumentList() throws(ParseError) -> [Argument] {
        let open = previous
        var arguments: [Argument] = []
        while !check(.rightParen) {
            var argument = Argument(label: nil, labelRange: nil, value: .name("", range: peek.range))
            if check(.identifier), tokenAfterNext == .colon {
                let label = advance()
                advance()
                (argument.label, argument.labelRange) = (label.text, label.range)
            }
            argument.value = try expression()
            arguments.append(argument)
            if !match(.comma) { break }
        }
        try close(.rightParen, opened: open)
        return arguments
    }

    /// The kind of the token after the next one.
    private var tokenAfterNext: Token.Kind {
        var parser = self
        parser.advance()
        return parser.peek.kind
    }

    /// Runs a rule one level deeper, refusing to go past `maximumDepth`
    /// (10,000 brackets would otherwise overflow the stack).
    private mutating func nested<T>(_ rule: (inout Parser) throws(ParseError) -> T) throws(ParseError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= maximumDepth else { throw error(Message.nestedTooDeeply(maximumDepth), hint: Limits.raise("limit-depth")) }
        return try rule(&self)
    }

    /// One more operation in a chain: `a + b + c` is `(a + b) + c`, so a long
    /// chain nests as deeply as brackets do, and counts against the same limit.
    private mutating func lengthen() throws(ParseError) {
        depth += 1
        guard depth <= maximumDepth else { throw error(Message.tooManyOperations(maximumDepth), hint: Limits.raise("limit-depth")) }
    }
}

extension Expression {
    /// The same expression, spanning `range`: a parenthesized operation covers its
    /// parentheses. (A number or a name keeps its own range, which is its text.)
    fileprivate func spanning(_ range: Range<Int>) -> Expression {
        switch self {
        case .number, .name: return self
        case .list(let items, _): return .list(items, range: range)
        case .negate(let x, _): return .negate(x, range: range)
        case .binary(let op, let a, let b, let opRange, _): return .binary(op, a, b, operatorRange: opRange, range: range)
        case .transpose(let x, _): return .transpose(x, range: range)
        case .call(let name, let arguments, let nameRange, _): return .call(name, arguments, nameRange: nameRange, range: range)
        }
    }
}
