import Diagnostics
import Testing

/// How a diagnostic reads on the terminal and on GitHub: the header, the
/// source line with its gutter, the caret and tildes under the mistake, the
/// hint; long lines cut around the caret.
@Suite("Printing diagnostics")
struct DiagnosticPrinterTests {
    /// The lecture's example: an unknown function, six characters wide, with a hint.
    let sigmod = Diagnostic(.error, "unknown function 'sigmod'",
                            at: SourceLocation(path: "lectures/02-patterns.md", line: 41, column: 5), length: 6,
                            sourceLine: "f = sigmod(x)", hint: "did you mean 'sigmoid'?")

    @Test("a diagnostic prints as file:line:col, the line in a gutter, a caret with tildes, and the hint")
    func fullDiagnostic() {
        #expect(DiagnosticPrinter.render(sigmod) == """
            lectures/02-patterns.md:41:5: error: unknown function 'sigmod'
             41 | f = sigmod(x)
                |     ^~~~~~
            hint: did you mean 'sigmoid'?
            """)
    }

    @Test("a one-character mistake gets a caret alone, and no hint line when there is none")
    func caretAlone() {
        let d = Diagnostic(.error, "'z' is not defined", at: SourceLocation(path: "bad.graph", line: 2, column: 9),
                           sourceLine: "y = x + z")
        #expect(DiagnosticPrinter.render(d) == """
            bad.graph:2:9: error: 'z' is not defined
             2 | y = x + z
               |         ^
            """)
    }

    @Test("a diagnostic without a source line is its header and hint only")
    func noSourceLine() {
        let d = Diagnostic(.error, "cannot read 'x.graph': no such file, or it is not readable",
                           at: SourceLocation(path: "x.graph", line: 1, column: 1), hint: "give the path of a spec file")
        #expect(DiagnosticPrinter.render(d) == """
            x.graph:1:1: error: cannot read 'x.graph': no such file, or it is not readable
            hint: give the path of a spec file
            """)
    }

    @Test("a warning and a note name their severity")
    func severities() {
        let at = SourceLocation(path: "a.graph", line: 3, column: 1)
        #expect(DiagnosticPrinter.render(Diagnostic(.warning, "unused", at: at)) == "a.graph:3:1: warning: unused")
        #expect(DiagnosticPrinter.render(Diagnostic(.note, "defined here", at: at)) == "a.graph:3:1: note: defined here")
    }

    @Test("a caret just past the end of the line marks where something is missing")
    func caretAtEndOfLine() {
        let d = Diagnostic(.error, "expected a value, found the end of the line",
                           at: SourceLocation(path: "bad.graph", line: 7, column: 8), sourceLine: "e = x +")
        #expect(DiagnosticPrinter.render(d) == """
            bad.graph:7:8: error: expected a value, found the end of the line
             7 | e = x +
               |        ^
            """)
    }

    @Test("tildes stop at the end of the line")
    func tildesClipped() {
        let d = Diagnostic(.error, "too long", at: SourceLocation(path: "a.graph", line: 1, column: 5), length: 40,
                           sourceLine: "x = abc")
        #expect(DiagnosticPrinter.render(d) == """
            a.graph:1:5: error: too long
             1 | x = abc
               |     ^~~
            """)
    }

    @Test("tabs print as one space each, so the caret stays under its column")
    func tabs() {
        let d = Diagnostic(.error, "unexpected character '$'", at: SourceLocation(path: "t.graph", line: 4, column: 8),
                           sourceLine: "\tz = x $ 1")
        #expect(DiagnosticPrinter.render(d) == """
            t.graph:4:8: error: unexpected character '$'
             4 |  z = x $ 1
               |        ^
            """)
    }

    @Test("columns count characters, not bytes; the caret is drawn under σ at one column and 가 at two")
    func unicodeColumns() {
        // Column 18 is the 18th character; on a terminal 가중치 takes six columns, so the caret is 20 spaces in.
        let d = Diagnostic(.error, "'zz' is not defined", at: SourceLocation(path: "u.graph", line: 2, column: 18),
                           length: 2, sourceLine: "σ = 2; 가중치 = σ + zz")
        #expect(DiagnosticPrinter.render(d) == """
            u.graph:2:18: error: 'zz' is not defined
             2 | σ = 2; 가중치 = σ + zz
               |                     ^~
            """)
    }

    @Test("a wide name is underlined across its full width")
    func wideUnderline() {
        let d = Diagnostic(.error, "'가중치' is already defined (line 1); each name is defined once",
                           at: SourceLocation(path: "u.graph", line: 3, column: 1), length: 3, sourceLine: "가중치 = 2")
        #expect(DiagnosticPrinter.render(d) == """
            u.graph:3:1: error: '가중치' is already defined (line 1); each name is defined once
             3 | 가중치 = 2
               | ^~~~~~
            """)
    }

    @Test("a gutter is as wide as the line number")
    func wideGutter() {
        let d = Diagnostic(.error, "'q' is not defined", at: SourceLocation(path: "a.graph", line: 1024, column: 5),
                           sourceLine: "y = q")
        #expect(DiagnosticPrinter.render(d) == """
            a.graph:1024:5: error: 'q' is not defined
             1024 | y = q
                  |     ^
            """)
    }

    // MARK: Long lines

    /// A line of 150 x, the mistake, and 150 y.
    let longLine = String(repeating: "x", count: 150) + "$" + String(repeating: "y", count: 150)

    @Test("a long line is cut to 100 characters around the caret, with an ellipsis at each cut end")
    func longLineCutAroundCaret() {
        let d = Diagnostic(.error, "unexpected character '$'", at: SourceLocation(path: "l.graph", line: 1, column: 151),
                           sourceLine: longLine)
        // Characters 101 to 200 are shown: 50 x before the '$' and 49 y after it.
        #expect(DiagnosticPrinter.render(d) == """
            l.graph:1:151: error: unexpected character '$'
             1 | …\(String(repeating: "x", count: 50))$\(String(repeating: "y", count: 49))…
               | \(String(repeating: " ", count: 51))^
            """)
    }

    @Test("a mistake near the start of a long line is shown from the start, cut at the end only")
    func longLineCutAtEnd() {
        let d = Diagnostic(.error, "here", at: SourceLocation(path: "l.graph", line: 1, column: 3), length: 2,
                           sourceLine: longLine)
        #expect(DiagnosticPrinter.render(d) == """
            l.graph:1:3: error: here
             1 | \(String(repeating: "x", count: 100))…
               |   ^~
            """)
    }

    @Test("a mistake at the end of a long line is shown up to the end, cut at the start only")
    func longLineCutAtStart() {
        let d = Diagnostic(.error, "expected a value, found the end of the line",
                           at: SourceLocation(path: "l.graph", line: 1, column: 302), sourceLine: longLine)
        #expect(DiagnosticPrinter.render(d) == """
            l.graph:1:302: error: expected a value, found the end of the line
             1 | …\(String(repeating: "y", count: 100))
               | \(String(repeating: " ", count: 101))^
            """)
    }

    @Test("a line of exactly 100 characters is printed whole")
    func lineAtTheWindow() {
        let line = String(repeating: "a", count: 99) + "$"
        let d = Diagnostic(.error, "unexpected character '$'", at: SourceLocation(path: "l.graph", line: 1, column: 100),
                           sourceLine: line)
        #expect(DiagnosticPrinter.render(d) == """
            l.graph:1:100: error: unexpected character '$'
             1 | \(line)
               | \(String(repeating: " ", count: 99))^
            """)
    }

    // MARK: Several diagnostics, and GitHub

    @Test("several diagnostics print one after another, each ending its line")
    func several() {
        let second = Diagnostic(.error, "division by zero: 2 / 0", at: SourceLocation(path: "b.graph", line: 3, column: 5),
                                length: 5, sourceLine: "y = x / 0")
        #expect(DiagnosticPrinter.render([sigmod, second]) == """
            lectures/02-patterns.md:41:5: error: unknown function 'sigmod'
             41 | f = sigmod(x)
                |     ^~~~~~
            hint: did you mean 'sigmoid'?
            b.graph:3:5: error: division by zero: 2 / 0
             3 | y = x / 0
               |     ^~~~~

            """)
        #expect(DiagnosticPrinter.render([]) == "")
    }

    @Test("on GitHub Actions a diagnostic is an ::error annotation on its file, line and column")
    func githubAnnotation() {
        #expect(DiagnosticPrinter.githubAnnotation(sigmod)
            == "::error file=lectures/02-patterns.md,line=41,col=5::unknown function 'sigmod'")
    }

    @Test("an annotation escapes %, carriage returns and newlines in its message")
    func githubAnnotationEscapes() {
        let d = Diagnostic(.warning, "100% done\r\nnext", at: SourceLocation(path: "a.graph", line: 2, column: 1))
        #expect(DiagnosticPrinter.githubAnnotation(d) == "::warning file=a.graph,line=2,col=1::100%25 done%0D%0Anext")
    }

    @Test("an annotation escapes ',' and ':' in the file name, which would end the property")
    func githubAnnotationEscapesPath() {
        let d = Diagnostic(.error, "bad", at: SourceLocation(path: "c:/specs/a,b.graph", line: 1, column: 1))
        #expect(DiagnosticPrinter.githubAnnotation(d) == "::error file=c%3A/specs/a%2Cb.graph,line=1,col=1::bad")
    }
}

/// A lecture cannot drive the terminal through a quoted line or message.
@Suite("Printing control characters")
struct ControlCharacterTests {
    @Test("an escape sequence in the source line or the message is printed as U+FFFD, columns kept")
    func escapesAreShownNotSent() {
        let d = Diagnostic(.error, "unexpected character '\u{1B}'", at: SourceLocation(path: "a.graph", line: 1, column: 7),
                           sourceLine: "x = 1 \u{1B}[2J y")
        #expect(DiagnosticPrinter.render(d) == """
            a.graph:1:7: error: unexpected character '\u{FFFD}'
             1 | x = 1 \u{FFFD}[2J y
               |       ^
            """)
    }
}
