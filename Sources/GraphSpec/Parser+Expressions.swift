extension Parser {
    /// expression → term (('+' | '-') term)*
    mutating func expression() throws(ParseError) -> Expression {
        try nested { (parser: inout Parser) throws(ParseError) -> Expression in
            var left = try parser.term()
            while parser.check(.plus) || parser.check(.minus) {
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
        var left = try unary()
        while check(.star) || check(.slash) || check(.at) {
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
        var value = try primary()
        while check(.dotT) {
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
            _ = try consume(.rightParen, { Message.expectedClosing(")", opened: token, $0) })
            return inner
        case .leftBracket:
            advance()
            return try list(openedBy: token)
        default:
            throw error(Message.expectedValue(peek))
        }
    }

    /// items → (expression (',' expression)* ','?)? ']'
    private mutating func list(openedBy bracket: Token) throws(ParseError) -> Expression {
        var items: [Expression] = []
        while !check(.rightBracket) {
            items.append(try expression())
            if !match(.comma) { break }
        }
        _ = try consume(.rightBracket, { Message.expectedClosing("]", opened: bracket, $0) })
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
        _ = try consume(.rightParen, { Message.expectedClosing(")", opened: open, $0) })
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
        guard depth <= Parser.maximumDepth else { throw error(Message.nestedTooDeeply) }
        return try rule(&self)
    }
}
