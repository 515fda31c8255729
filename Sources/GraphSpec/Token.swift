/// One token of a spec: its kind and the scalars it spans.
struct Token: Equatable, Sendable {
    /// What a token is.
    enum Kind: Equatable, Sendable {
        case number, identifier
        case newline, semicolon, comma, colon
        case equal, greaterEqual, lessEqual, plusMinus
        case plus, minus, star, slash, caret, at, dotT
        case leftParen, rightParen, leftBracket, rightBracket
        case end
        /// A character that starts no token; the message says why.
        case invalid(String)
    }

    let kind: Kind
    /// The token's scalars in the source.
    let range: Range<Int>
    /// The token's text.
    let text: String

    /// How a reader would name the token in a message: `'+'`, `a number`, `the end of the line`.
    var described: String {
        switch kind {
        case .number: return "the number \(text)"
        case .identifier: return "'\(text)'"
        case .newline: return "the end of the line"
        case .end: return "the end of the spec"
        case .invalid: return "'\(text)'"
        default: return "'\(text)'"
        }
    }
}
