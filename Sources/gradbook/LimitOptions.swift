import ArgumentParser
import GraphSpec

/// The flags that raise or lower what one example may take (`Limits`); a
/// lecture's front matter may change them again for itself.
struct LimitOptions: ParsableArguments {
    @Option(help: "Entries in one value (default 50000000).")
    var limitElements: Int?

    @Option(help: "Nodes in one example's graph (default 100000).")
    var limitNodes: Int?

    @Option(help: "Steps of one minimize (default 1000000).")
    var limitSteps: Int?

    @Option(help: "Seconds one example may run (default 60).")
    var limitSeconds: Double?

    @Option(help: "Levels of nesting in an expression (default 200, at most 1000).")
    var limitDepth: Int?

    @Option(help: "Bytes of one lecture file (default 10000000).")
    var limitLectureBytes: Int?

    /// The limits, the defaults changed by the flags given.
    var limits: Limits {
        var limits = Limits()
        if let limitElements { limits.elements = limitElements }
        if let limitNodes { limits.nodes = limitNodes }
        if let limitSteps { limits.steps = limitSteps }
        if let limitSeconds { limits.seconds = limitSeconds }
        if let limitDepth { limits.depth = limitDepth }
        if let limitLectureBytes { limits.lectureBytes = limitLectureBytes }
        return limits
    }

    func validate() throws {
        for (flag, value) in [("elements", limitElements), ("nodes", limitNodes), ("steps", limitSteps),
                              ("depth", limitDepth), ("lecture-bytes", limitLectureBytes)] where (value ?? 1) < 1 {
            throw ValidationError("--limit-\(flag) must be a positive whole number")
        }
        if let limitDepth, limitDepth > Limits.deepest { throw ValidationError("--limit-depth can be at most \(Limits.deepest)") }
        if let limitSeconds, !(limitSeconds > 0 && limitSeconds.isFinite) {
            throw ValidationError("--limit-seconds must be a positive number")
        }
    }
}
