/// The options after `graph` in a fence's info string:
/// `graph title="Sigmoid neuron" id=sigmoid` gives `title` and `id`.
enum InfoString {
    /// Whether an info string opens a graph block: its first word is `graph`.
    static func isGraph(_ info: String) -> Bool {
        info.split(separator: " ", maxSplits: 1).first == "graph"
    }

    /// The `key=value` options after the first word; values may be double-quoted.
    static func options(_ info: String) -> [String: String] {
        var options: [String: String] = [:]
        var rest = Substring(info).drop { $0 != " " }
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard !rest.isEmpty else { return options }
            let key = String(rest.prefix { $0 != "=" && $0 != " " })
            rest = rest.dropFirst(key.count)
            guard rest.first == "=" else {
                options[key] = ""
                continue
            }
            rest = rest.dropFirst()
            if rest.first == "\"" {
                let value = rest.dropFirst().prefix { $0 != "\"" }
                options[key] = String(value)
                rest = rest.dropFirst(value.count + 2)
            } else {
                let value = rest.prefix { $0 != " " }
                options[key] = String(value)
                rest = rest.dropFirst(value.count)
            }
        }
    }
}
