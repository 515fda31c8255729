/// A place in a file the user edits: path, line and column, all as the user
/// sees them (lines from 1, columns in characters from 1).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file's path as given on the command line or found in the course.
    public var path: String
    /// The line, from 1.
    public var line: Int
    /// The column, in characters from 1.
    public var column: Int

    /// A location in `path`.
    public init(path: String, line: Int, column: Int) {
        (self.path, self.line, self.column) = (path, line, column)
    }

    /// `path:line:col`, as compilers print it.
    public var description: String { "\(path):\(line):\(column)" }
}
