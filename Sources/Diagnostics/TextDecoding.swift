/// Reading a file's bytes as text, with a diagnostic for bytes that are not UTF-8.
public enum TextDecoding {
    /// The text of `bytes`, or a diagnostic at the line and column of the first byte that is not UTF-8.
    ///
    /// A byte-order mark at the start is dropped.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // Text as it should be is validated at once; only a file with a problem is
        // walked scalar by scalar to say where (a walk that took 1 ms per lecture).
        if !body.contains(0), let text = String(validating: body, as: UTF8.self) { return .success(text) }
        var decoder = UTF8()
        var iterator = body.makeIterator()
        var scalars = String.UnicodeScalarView()
        var (line, column, lineStart) = (1, 1, scalars.startIndex)
        var offset = body.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar) where scalar == "\0":
                // Valid UTF-8, but no text editor writes it: cmark would show it as U+FFFD.
                return .failure(Diagnostic(.error, "the file holds a NUL byte (0x00 here), which text does not",
                                           at: SourceLocation(path: path, line: line, column: column),
                                           sourceLine: String(String.UnicodeScalarView(scalars[lineStart...])),
                                           hint: "save the file as UTF-8 text"))
            case .scalarValue(let scalar):
                scalars.append(scalar)
                offset += UTF8.width(scalar)
                if scalar == "\n" { (line, column, lineStart) = (line + 1, 1, scalars.endIndex) } else { column += 1 }
            case .emptyInput:
                return .success(String(scalars))
            case .error:
                let lineText = String(String.UnicodeScalarView(scalars[lineStart...]))
                let byte = offset < body.endIndex ? body[offset] : 0
                return .failure(Diagnostic(.error, "the file is not valid UTF-8 (byte 0x\(hex(byte)) here)",
                                           at: SourceLocation(path: path, line: line, column: column),
                                           sourceLine: lineText, hint: "save the file as UTF-8"))
            }
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
