import Foundation

/// How much one example may take: a lecture from many hands must not eat
/// the machine. Each limit is a diagnostic at the place that crossed it,
/// naming the limit and how to raise it; the rest of the lecture still builds.
///
/// Raised for a whole run by flags (`--limit-elements 100000000`) or for one
/// lecture by its front matter (`limit-elements: 100000000`).
public struct Limits: Sendable, Equatable {
    /// Entries in any one value (a tensor of 50 million doubles is 400 MB).
    public var elements = 50_000_000
    /// Nodes in one example's graph.
    public var nodes = 100_000
    /// Steps of one `minimize` (for each of its optimizers).
    public var steps = 1_000_000
    /// Seconds one example may run; a training run checks the clock as it goes.
    public var seconds = 60.0
    /// How deep brackets and operators may nest in an expression.
    public var depth = 200
    /// Bytes of one lecture file (checked before it is read).
    public var lectureBytes = 10_000_000

    /// The defaults.
    public init() {}

    /// The greatest nesting a spec may ask for: beyond it the parser would risk its stack.
    public static let deepest = 1_000

    /// One limit: its key in front matter (`limit-steps`), its flag (`--limit-steps`), and where it is kept.
    public struct Setting: Sendable {
        public let key: String
        public let what: String
        let keyPath: WritableKeyPath<Limits, Double> & Sendable
        public var flag: String { "--\(key)" }
    }

    /// Every limit a lecture's front matter can set (the file's size cannot: it is checked before reading).
    public static let settings: [Setting] = [
        Setting(key: "limit-elements", what: "entries in one value", keyPath: \.elementsValue),
        Setting(key: "limit-nodes", what: "nodes in one graph", keyPath: \.nodesValue),
        Setting(key: "limit-steps", what: "steps of one minimize", keyPath: \.stepsValue),
        Setting(key: "limit-seconds", what: "seconds for one example", keyPath: \.seconds),
        Setting(key: "limit-depth", what: "levels of nesting", keyPath: \.depthValue),
    ]

    /// A number of seconds as a message writes it: `60`, `0.5`.
    static func describe(_ seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e15 ? String(Int(seconds)) : String(seconds)
    }

    /// The number of entries of `shape`, or nil when it overflows.
    static func count(_ shape: [Int]) -> Int? {
        var count = 1
        for size in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            if overflow || size < 0 { return nil }
            count = product
        }
        return count
    }

    /// The hint of a limit's diagnostic: how to raise it.
    static func raise(_ key: String) -> String {
        "raise it with '\(key): N' in the lecture's front matter, or --\(key) N on the command line"
    }

    /// Sets the limit `key` from its text; nil when the text is no positive number (or too deep a nesting).
    public mutating func set(_ key: String, to text: String) -> Bool {
        guard let setting = Self.settings.first(where: { $0.key == key }),
              let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value.isFinite,
              value <= 1e15, setting.key == "limit-seconds" || value == value.rounded(),
              setting.key != "limit-depth" || value <= Double(Self.deepest) else { return false }
        self[keyPath: setting.keyPath] = value
        return true
    }

    private var elementsValue: Double {
        get { Double(elements) }
        set { elements = Int(newValue) }
    }
    private var nodesValue: Double {
        get { Double(nodes) }
        set { nodes = Int(newValue) }
    }
    private var stepsValue: Double {
        get { Double(steps) }
        set { steps = Int(newValue) }
    }
    private var depthValue: Double {
        get { Double(depth) }
        set { depth = Int(newValue) }
    }
}
