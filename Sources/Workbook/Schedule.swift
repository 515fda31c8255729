/// The order in which the examples of a course start.
///
/// Every example of every lecture is one piece of work for the cores. The
/// lecture with the longest example starts first, and within a lecture the
/// longest example, so that a 10,000-step training run does not begin last
/// and keep one core busy while the other waits (longest-processing-time
/// first). A lecture's examples stay together: a lecture is finished — drawn,
/// written and let go — soon after it starts, so a course of hundreds of
/// lectures never holds more than a few of them in memory. How long an
/// example takes is only known by running it: the guess is its number of
/// training steps.
public enum Schedule {
    /// (lecture, example) index pairs: lectures by their longest guess, examples by theirs, else in course order.
    static func order(_ lectures: [Lecture]) -> [(lecture: Int, example: Int)] {
        let guesses = lectures.map { $0.examples.map { steps(in: $0.spec) } }
        let longest = guesses.map { $0.max() ?? 0 }
        return lectures.indices.sorted { (longest[$1], $0) < (longest[$0], $1) }.flatMap { l in
            guesses[l].indices.sorted { (guesses[l][$1], $0) < (guesses[l][$0], $1) }.map { (lecture: l, example: $0) }
        }
    }

    /// The training steps a spec (or a whole lecture) asks for: the sum of N over its `for N steps`.
    ///
    /// Words are cut at ASCII white space, by bytes: the order is made before
    /// any example starts, and cutting every spec of a course into `Character`s
    /// held the cores back by 3 ms.
    public static func steps(in spec: String) -> Int {
        let words = spec.utf8.split { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
        return zip(words, zip(words.dropFirst(), words.dropFirst(2))).reduce(0) { total, triple in
            let (word, (number, unit)) = triple
            guard word.elementsEqual("for".utf8), unit.starts(with: "step".utf8), let n = Int(Substring(number)) else { return total }
            return total + n
        }
    }
}
