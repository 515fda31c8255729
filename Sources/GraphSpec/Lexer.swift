/// Turns a spec's text into tokens.
///
/// Newlines end statements, except inside brackets and parentheses, so a
/// matrix may span several lines. `#` starts a comment to the end of the line.
struct Lexer {
    private let source: Source
    private var position = 0
    private var depth = 0  // open ( and [

    init(_ source: Source) { self.source = source }

    /// Every token of the spec, ending with `.end`.
    static func tokens(of source: Source) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var scalars: [Unicode.Scalar] { source.scalars }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private func token(_ kind: Token.Kind, from start: Int) -> Token {
        Token(kind: kind, range: start..<position, text: source.slice(start..<position))
    }

    /// The next token.
    mutating func next() -> Token {
        skipBlanks()
        let start = position
        guard let c = peek() else { return Token(kind: .end, range: start..<start, text: "") }
        position += 1
        switch c {
        case "\n":
            depth = 0  // brackets still open here were never closed (see `skipBlanks`)
            return token(.newline, from: start)
        case ";": return token(.semicolon, from: start)
        case ",": return token(.comma, from: start)
        case ":": return token(.colon, from: start)
        case "=": return token(.equal, from: start)
        case "±": return token(.plusMinus, from: start)
        case "+": return token(.plus, from: start)
        case "-", "−": return token(.minus, from: start)
        case "*", "·", "×": return token(.star, from: start)
        case "/": return token(.slash, from: start)
        case "^": return token(.caret, from: start)
        case "@": return token(.at, from: start)
        case "(": depth += 1; return token(.leftParen, from: start)
        case ")": depth = max(0, depth - 1); return token(.rightParen, from: start)
        case "[": depth += 1; return token(.leftBracket, from: start)
        case "]": depth = max(0, depth - 1); return token(.rightBracket, from: start)
        case ">", "<": return comparison(c, from: start)
        case "≥": return token(.greaterEqual, from: start)
        case "≤": return token(.lessEqual, from: start)
        case ".": return dot(from: start)
        default:
            if c.isDigit { return number(from: start) }
            if c.startsIdentifier { return identifier(from: start) }
            let what = c == "\u{FFFD}" ? "text that is not valid UTF-8" : "unexpected character '\(c)'"
            return token(.invalid(what), from: start)
        }
    }

    /// Spaces, tabs, carriage returns, comments, and newlines inside brackets.
    ///
    /// A newline inside brackets continues the statement (a matrix may span
    /// lines) unless the next line starts a statement of its own: then the
    /// brackets were left open, and the statement ends here, so the error is
    /// reported on its line and the next statement is read as usual.
    private mutating func skipBlanks() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\r" || c == "\u{FEFF}" {
                position += 1
            } else if c == "#" {
                while let d = peek(), d != "\n" { position += 1 }
            } else if c == "\n", depth > 0, !statementStarts(after: position) {
                position += 1
            } else {
                return
            }
        }
    }

    /// Whether the line after the newline at `newline` starts with a statement:
    /// `name =`, `X, y =`, or a statement word and what follows it (`expect f`).
    private func statementStarts(after newline: Int) -> Bool {
        var i = newline + 1
        func skipSpaces() { while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 } }
        func word() -> String {
            let start = i
            while i < scalars.count, i == start ? scalars[i].startsIdentifier : scalars[i].continuesIdentifier { i += 1 }
            return source.slice(start..<i)
        }
        skipSpaces()
        let first = word()
        guard !first.isEmpty else { return false }
        if Lexer.statementWords.contains(first) {
            let afterWord = i
            skipSpaces()
            guard i < scalars.count else { return true }
            if scalars[i] == "\n" || scalars[i] == "\r" || scalars[i] == "#" { return true }
            if i > afterWord, scalars[i].startsIdentifier { return true }
        }
        while true {
            skipSpaces()
            guard i < scalars.count else { return false }
            if scalars[i] == "=" { return true }
            guard scalars[i] == "," else { return false }
            i += 1
            skipSpaces()
            guard !word().isEmpty else { return false }
        }
    }

    /// The words that start a statement when a name follows them or they end the line.
    private static let statementWords: Set<String> = ["backward", "expect", "gradcheck", "minimize", "show"]

    /// `>=`, `<=` (or `≥`, `≤`).
    private mutating func comparison(_ c: Unicode.Scalar, from start: Int) -> Token {
        guard peek() == "=" else { return token(.invalid("expected '\(c)=': only >= and <= compare"), from: start) }
        position += 1
        return token(c == ">" ? .greaterEqual : .lessEqual, from: start)
    }

    /// `.T`, or a number that starts with its decimal point (`.5`).
    private mutating func dot(from start: Int) -> Token {
        if peek() == "T", !(peek(1)?.continuesIdentifier ?? false) {
            position += 1
            return token(.dotT, from: start)
        }
        if peek()?.isDigit ?? false { return number(from: start) }
        return token(.invalid("unexpected '.': only '.T' (transpose) follows a value"), from: start)
    }

    /// Digits, an optional fraction, an optional exponent: `12`, `0.73`, `1e-5`, `2.5E+3`.
    private mutating func number(from start: Int) -> Token {
        while peek()?.isDigit ?? false { position += 1 }
        if peek() == ".", peek(1)?.isDigit ?? false {
            position += 1
            while peek()?.isDigit ?? false { position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
            if peek(1 + sign)?.isDigit ?? false {
                position += 1 + sign
                while peek()?.isDigit ?? false { position += 1 }
            }
        }
        return token(.number, from: start)
    }

    private mutating func identifier(from start: Int) -> Token {
        while peek()?.continuesIdentifier ?? false { position += 1 }
        return token(.identifier, from: start)
    }
}

extension Unicode.Scalar {
    var isDigit: Bool { ("0"..."9").contains(self) }
    /// A letter of any script (x, σ, 가) or `_`. ASCII is decided without the
    /// Unicode property tables, which cost a tenth of evaluating a long spec.
    var startsIdentifier: Bool {
        if isASCII { return ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
        return properties.isAlphabetic
    }
    /// A letter, a digit, `_`, or a subscript digit (x₁).
    var continuesIdentifier: Bool {
        startsIdentifier || isDigit || ("₀"..."₉").contains(self)
    }
}
