/// A mistake in what the user wrote, with where it is and how to fix it.
///
/// Diagnostics are values: the stages collect them and the command line
/// prints them once, at the end; the exit code follows from whether any is
/// an error.
public struct Diagnostic: Error, Hashable, Sendable, Codable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Codable {
        case error, warning, note
    }

    /// How serious it is.
    public var severity: Severity
    /// What is wrong: lowercase, no full stop, saying what was expected.
    public var message: String
    /// Where the mistake starts.
    public var location: SourceLocation
    /// How many characters of the line the mistake spans (the caret's width), at least 1.
    public var length: Int
    /// The text of the line, to print under the message.
    public var sourceLine: String
    /// A suggestion, when one helps: "did you mean 'sigmoid'?".
    public var hint: String?

    /// An error at `location`.
    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation,
                length: Int = 1, sourceLine: String = "", hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.length = max(length, 1)
        self.sourceLine = sourceLine
        self.hint = hint
    }

    /// Whether it is an error (and so fails the run).
    public var isError: Bool { severity == .error }
}

extension Array where Element == Diagnostic {
    /// Whether any of them is an error.
    public var containsError: Bool { contains { $0.isError } }
}
