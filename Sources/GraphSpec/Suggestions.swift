/// Near misses for "did you mean …?" hints.
enum Suggestions {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    ///
    /// A typo keeps part of the word, so a candidate must share at least one
    /// letter with it ('z' is no typo of 'x'). Ties go to the alphabetically
    /// first, so the hint does not depend on the order of the candidates.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(2, word.count / 3))
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let d = distance(Array(word.lowercased()), Array(candidate.lowercased()))
            guard d <= limit, d < max(word.count, candidate.count) else { continue }
            if let (name, distance) = best, (distance, name) <= (d, candidate) { continue }
            best = (candidate, d)
        }
        return best?.0
    }

    /// The "did you mean" hint for `word`, if there is a near miss.
    static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[b.count]
    }
}
