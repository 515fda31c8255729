extension Parser {
    /// statement → assignment | backward | expect | gradcheck | minimize | show
    ///
    /// The statement words are keywords only where a statement starts and no
    /// `=` follows, so a value may still be called `show`.
    mutating func statement() throws(ParseError) -> Statement {
        let start = peek.range.lowerBound
        if peek.kind == .identifier, !nextIsAssignment {
            switch peek.text {
            case "backward": advance(); return try backward(from: start)
            case "expect": advance(); return try expect(from: start)
            case "gradcheck": advance(); return try gradcheck(from: start)
            case "minimize": advance(); return try minimize(from: start)
            case "show": advance(); return .show(try expression(), range: start..<previous.range.upperBound)
            default: break
            }
        }
        return try assignment(from: start)
    }

    /// Whether the tokens ahead read `name =` or `name, name … =`.
    private var nextIsAssignment: Bool {
        var parser = self
        repeat {
            guard parser.match(.identifier) else { return false }
        } while parser.match(.comma)
        return parser.check(.equal)
    }

    /// assignment → IDENT (',' IDENT)* '=' expression
    private mutating func assignment(from start: Int) throws(ParseError) -> Statement {
        guard check(.identifier) else { throw error(Message.expectedStatement(peek)) }
        var names: [Name] = []
        repeat {
            let token = try consume(.identifier, Message.expectedName)
            names.append(Name(text: token.text, range: token.range))
        } while match(.comma)
        _ = try consume(.equal, { [names] in Message.expectedEqual(names.last?.text ?? "", $0) })
        let value = try expression()
        return .assign(names, value, range: start..<previous.range.upperBound)
    }

    /// backward → 'backward' IDENT?
    private mutating func backward(from start: Int) throws(ParseError) -> Statement {
        let name = check(.identifier) ? Name(text: peek.text, range: advance().range) : nil
        return .backward(name, range: start..<previous.range.upperBound)
    }

    /// expect → 'expect' expectation (',' expectation)*
    private mutating func expect(from start: Int) throws(ParseError) -> Statement {
        var expectations: [Expectation] = []
        repeat { expectations.append(try expectation()) } while match(.comma)
        return .expect(expectations, range: start..<previous.range.upperBound)
    }

    /// expectation → expression ('with' optimizer)? ('=' | '>=' | '<=') expression ('±' expression)?
    private mutating func expectation() throws(ParseError) -> Expectation {
        let target = try expression()
        var optimizer: Name?
        if match(word: "with") {
            let start = peek.range.lowerBound
            let name = try consume(.identifier, Message.expectedOptimizer)
            if match(.leftParen) { _ = try argumentList() }
            _ = name
            optimizer = Name(text: source.slice(start..<previous.range.upperBound), range: start..<previous.range.upperBound)
        }
        let relation: Relation
        if match(.equal) { relation = .equal } else if match(.greaterEqual) { relation = .atLeast } else if match(
            .lessEqual) { relation = .atMost } else { throw error(Message.expectedRelation(peek)) }
        let expected = try expression()
        let tolerance = match(.plusMinus) ? try expression() : nil
        return Expectation(target: target, optimizer: optimizer, relation: relation, expected: expected, tolerance: tolerance,
                           range: target.range.lowerBound..<previous.range.upperBound)
    }

    /// gradcheck → 'gradcheck' (IDENT (',' IDENT)*)? (','? 'samples' ':' expression)?
    private mutating func gradcheck(from start: Int) throws(ParseError) -> Statement {
        var names: [Name] = []
        var samples: Expression?
        while check(.identifier) {
            if check(word: "samples") {
                advance()
                _ = try consume(.colon, { Message.expectedColonAfter("samples", $0) })
                samples = try expression()
                break
            }
            names.append(Name(text: peek.text, range: advance().range))
            if !match(.comma), !check(word: "samples") { break }  // the comma before 'samples:' is optional
        }
        return .gradcheck(names, samples: samples, range: start..<previous.range.upperBound)
    }

    /// minimize → 'minimize' expression 'over' names 'with' optimizer (',' optimizer)*
    ///            'for' expression 'steps' ('batch' expression)?
    private mutating func minimize(from start: Int) throws(ParseError) -> Statement {
        let loss = try expression()
        try consume(word: "over", { Message.expectedWord("over", after: "the loss", $0) })
        var names: [Name] = []
        repeat {
            let token = try consume(.identifier, Message.expectedParameter)
            names.append(Name(text: token.text, range: token.range))
        } while match(.comma)
        try consume(word: "with", { Message.expectedWord("with", after: "the parameters", $0) })
        var optimizers: [OptimizerCall] = []
        repeat { optimizers.append(try optimizer()) } while match(.comma)
        try consume(word: "for", { Message.expectedWord("for", after: "the optimizer", $0) })
        let steps = try expression()
        try consume(word: "steps", { Message.expectedWord("steps", after: "the number of steps", $0) })
        let batch = match(word: "batch") ? try expression() : nil
        return .minimize(loss: loss, over: names, with: optimizers, steps: steps, batch: batch,
                         range: start..<previous.range.upperBound)
    }

    /// optimizer → IDENT ('(' arguments ')')?
    private mutating func optimizer() throws(ParseError) -> OptimizerCall {
        let token = try consume(.identifier, Message.expectedOptimizer)
        let arguments = match(.leftParen) ? try argumentList() : []
        return OptimizerCall(name: Name(text: token.text, range: token.range), arguments: arguments,
                             range: token.range.lowerBound..<previous.range.upperBound)
    }
}
