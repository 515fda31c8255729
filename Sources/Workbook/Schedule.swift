/// The order in which the examples of a course start.
///
/// Every example of every lecture is one piece of work for the cores; the
/// longest start first, so that a 10,000-step training run does not begin
/// last and keep one core busy while the other waits (longest-processing-time
/// first). How long an example takes is only known by running it: the guess
/// is its number of training steps.
enum Schedule {
    /// (lecture, example) index pairs, the longest guess first, else in course order.
    static func order(_ lectures: [Lecture]) -> [(lecture: Int, example: Int)] {
        let work = lectures.indices.flatMap { l in lectures[l].examples.indices.map { (lecture: l, example: $0) } }
        let guesses = work.map { steps(in: lectures[$0.lecture].examples[$0.example].spec) }
        return work.indices.sorted { (guesses[$1], $0) < (guesses[$0], $1) }.map { work[$0] }
    }

    /// The training steps a spec asks for: the sum of N over its `for N steps`.
    static func steps(in spec: String) -> Int {
        let words = spec.split(whereSeparator: \.isWhitespace)
        return zip(words, zip(words.dropFirst(), words.dropFirst(2))).reduce(0) { total, triple in
            let (word, (number, unit)) = triple
            guard word == "for", unit.hasPrefix("step"), let n = Int(number) else { return total }
            return total + n
        }
    }
}
