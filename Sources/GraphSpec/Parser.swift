import Diagnostics

/// Recursive descent over a spec's tokens: one function per grammar rule,
/// each with its rule in its doc comment, over five helpers (`check`,
/// `match`, `consume`, `advance`, `peek`).
///
/// A mistake ends its statement only: the parser records the diagnostic,
/// skips to the next line or `;`, and goes on, so one typo does not hide
/// the rest.
struct Parser {
    /// How deep brackets and operators may nest before the parser stops (a stack guard):
    /// the spec's `Limits.depth`, never more than `Limits.deepest`.
    let maximumDepth: Int

    let source: Source
    private let tokens: [Token]
    private var current = 0
    var depth = 0
    private(set) var diagnostics: [Diagnostic] = []

    init(_ source: Source, depth: Int = Limits().depth) {
        self.source = source
        maximumDepth = min(depth, Limits.deepest)
        tokens = Lexer.tokens(of: source)
    }

    /// Parses a whole spec: its statements and the diagnostics of the ones that failed.
    static func parse(_ source: Source, depth: Int = Limits().depth) -> (statements: [Statement], diagnostics: [Diagnostic]) {
        var parser = Parser(source, depth: depth)
        let statements = parser.spec()
        return (statements, parser.diagnostics)
    }

    /// spec → (statement? (NEWLINE | ';'))* END
    mutating func spec() -> [Statement] {
        var statements: [Statement] = []
        while !check(.end) {
            if match(.newline) || match(.semicolon) { continue }
            let (start, parsed) = (current, statements.count)
            do throws(ParseError) {
                statements.append(try statement())
                if !check(.end), !match(.newline), !match(.semicolon) {
                    throw error(Message.expectedEndOfStatement(peek))
                }
            } catch {
                diagnostics.append(error.diagnostic)
                synchronize()
                if statements.count == parsed, let unparsed = unparsedAssignment(from: start) {
                    statements.append(unparsed)
                }
            }
        }
        return statements
    }

    /// What can still be read of an assignment that failed to parse: the
    /// names it defines, so that later uses of them are not reported again.
    private func unparsedAssignment(from start: Int) -> Statement? {
        var i = start
        var names: [Name] = []
        while tokens[i].kind == .identifier {
            names.append(Name(text: tokens[i].text, range: tokens[i].range))
            i += 1
            if tokens[i].kind == .equal {
                let rest = tokens[min(i + 1, current)..<current]
                return .unparsed(names, mentionsNames: rest.contains { $0.kind == .identifier },
                                 range: tokens[start].range.lowerBound..<tokens[i].range.upperBound)
            }
            guard tokens[i].kind == .comma else { return nil }
            i += 1
        }
        return nil
    }

    /// Skips to the start of the next statement.
    private mutating func synchronize() {
        depth = 0
        while !check(.end) {
            if match(.newline) || match(.semicolon) { return }
            advance()
        }
    }

    // MARK: The five helpers

    var peek: Token { tokens[current] }

    var previous: Token { tokens[max(0, current - 1)] }

    func check(_ kind: Token.Kind) -> Bool { peek.kind == kind }

    /// Whether the next token is the word `word` (a keyword where it stands).
    func check(word: String) -> Bool { peek.kind == .identifier && peek.text == word }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[current]
        if token.kind != .end { current += 1 }
        return token
    }

    mutating func match(_ kind: Token.Kind) -> Bool {
        guard check(kind) else { return false }
        advance()
        return true
    }

    mutating func match(word: String) -> Bool {
        guard check(word: word) else { return false }
        advance()
        return true
    }

    /// The next token, which must be of `kind`; else the error `message` says what was found instead.
    mutating func consume(_ kind: Token.Kind, _ message: (Token) -> String) throws(ParseError) -> Token {
        guard check(kind) else { throw error(message(peek)) }
        return advance()
    }

    /// The keyword `word`, which must come next.
    mutating func consume(word: String, _ message: (Token) -> String) throws(ParseError) {
        guard match(word: word) else { throw error(message(peek)) }
    }

    /// An error at the next token (an invalid token says what is wrong with it).
    func error(_ message: String, hint: String? = nil) -> ParseError {
        if case .invalid(let why) = peek.kind {
            return ParseError(diagnostic: source.diagnostic(why, at: peek.range))
        }
        return ParseError(diagnostic: source.diagnostic(message, at: errorRange, hint: hint))
    }

    /// Where an error at the next token is shown: on it, or, when the line or
    /// the spec ends there, just after the last token (where the missing part goes).
    var errorRange: Range<Int> {
        guard peek.kind == .newline || peek.kind == .end, current > 0 else { return peek.range }
        return previous.range.upperBound..<previous.range.upperBound + 1
    }

    /// The `closing` bracket of `opening`; else an error that says where the opening one is.
    mutating func close(_ closing: Token.Kind, opened opening: Token) throws(ParseError) {
        guard !match(closing) else { return }
        let open = source.location(of: opening.range.lowerBound)
        let here = source.location(of: errorRange.lowerBound)
        let place = open.line == here.line ? "column \(open.column)" : "line \(open.line), column \(open.column)"
        throw error(Message.expectedClosing(opened: opening.text, at: place, peek))
    }

    /// An error at `range`.
    func error(_ message: String, at range: Range<Int>, hint: String? = nil) -> ParseError {
        ParseError(diagnostic: source.diagnostic(message, at: range, hint: hint))
    }
}

/// A syntax error, thrown to the statement being parsed and recorded there.
struct ParseError: Error {
    let diagnostic: Diagnostic
}
