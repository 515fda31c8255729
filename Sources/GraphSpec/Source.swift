import Diagnostics

/// The text of one spec and where it sits in the file the user edits.
///
/// A bare spec file starts at line 1, column 1; a ```graph block of a lecture
/// starts at the line after its fence, and inside a list its lines are
/// indented. Positions inside the spec are offsets in Unicode scalars;
/// `location(of:)` turns them into the file's line and column.
public struct Source: Sendable {
    /// The spec's text.
    public let text: String
    /// The file's path, for diagnostics.
    public let path: String
    /// The file line of the spec's first line.
    public let firstLine: Int
    /// The columns that precede every line of the spec in the file (its indentation there).
    public let indent: Int
    let scalars: [Unicode.Scalar]
    private let lineStarts: [Int]
    /// The text's UTF-8 bytes, and where each scalar starts in them (one more for the end), for `slice`.
    private let utf8: [UInt8]
    private let utf8Starts: [Int]

    /// A spec of `text` that starts at `firstLine` of `path`, each line indented by `indent` columns.
    public init(_ text: String, path: String = "<spec>", firstLine: Int = 1, indent: Int = 0) {
        self.text = text
        self.path = path
        self.firstLine = firstLine
        self.indent = indent
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
        lineStarts = starts
        utf8 = Array(text.utf8)
        var (byteStarts, byte) = ([Int](), 0)
        byteStarts.reserveCapacity(scalars.count + 1)
        for s in scalars {
            byteStarts.append(byte)
            byte += UTF8.width(s)
        }
        byteStarts.append(byte)
        utf8Starts = byteStarts
    }

    /// The spec's line (from 0) holding scalar `offset`.
    func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The file location of scalar `offset`.
    public func location(of offset: Int) -> SourceLocation {
        let line = lineIndex(of: offset)
        return SourceLocation(path: path, line: firstLine + line, column: indent + offset - lineStarts[line] + 1)
    }

    /// The text of the spec's line `index` (from 0), indented as in the file, without its newline.
    func lineText(_ index: Int) -> String {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : scalars.count
        if end > start, scalars[end - 1] == "\r" { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<max(start, end)])
        return String(repeating: " ", count: indent) + String(view)
    }

    /// A diagnostic for the scalars `range` of the spec.
    func diagnostic(_ message: String, at range: Range<Int>, hint: String? = nil) -> Diagnostic {
        let line = lineIndex(of: range.lowerBound)
        let lineEnd = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : scalars.count
        let length = max(1, min(range.upperBound, lineEnd) - range.lowerBound)
        return Diagnostic(.error, message, at: location(of: range.lowerBound), length: length,
                          sourceLine: lineText(line), hint: hint)
    }

    /// The spec's text in `range`, its bytes copied at once: the lexer slices every
    /// token, and appending scalar by scalar was a fifth of evaluating a long spec.
    func slice(_ range: Range<Int>) -> String {
        let r = range.clamped(to: 0..<scalars.count)
        return String(decoding: utf8[utf8Starts[r.lowerBound]..<utf8Starts[r.upperBound]], as: UTF8.self)
    }
}
