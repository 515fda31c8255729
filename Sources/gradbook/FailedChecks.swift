import Diagnostics
import GraphSpec

/// Failed checks as diagnostics, so that standard error (and GitHub Actions'
/// annotations) points at the line of every wrong figure, as it does for errors.
///
/// They are printed only: a failed check is not an input error, and the run
/// still exits 1, not 2.
enum FailedChecks {
    /// One error per failed check of `evaluation`, showing the line of `text` it is written on.
    static func diagnostics(_ evaluation: Evaluation, text: String) -> [Diagnostic] {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        return evaluation.checks.filter { !$0.passed }.map { check in
            let index = check.location.line - 1
            var line = lines.indices.contains(index) ? String(String.UnicodeScalarView(lines[index])) : ""
            if line.unicodeScalars.last == "\r" { line.unicodeScalars.removeLast() }
            return Diagnostic(.error, message(check), at: check.location, length: check.text.unicodeScalars.count,
                              sourceLine: line)
        }
    }

    /// "expected f = -10, computed -12 (exact: to 1e-9)", or the gradient check's worst entry.
    static func message(_ check: CheckResult) -> String {
        switch check.kind {
        case .expect:
            let computed = check.computed.map { $0.description.replacingNewlines() } ?? "nothing"
            let isBound = check.detail == ">=" || check.detail == "<="  // already in the text
            return "expected \(check.text), computed \(computed)" + (isBound ? "" : " (\(check.detail))")
        case .gradcheck:
            return "gradient check failed: \(check.detail)"
        }
    }
}
