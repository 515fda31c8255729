import Diagnostics
import Testing
import GraphSpec
@testable import Workbook


/// A lecture's front matter sets its examples' limits; an example that
/// crosses one fails alone, and the rest of the lecture still runs.
@Suite("Limits in a lecture")
struct LectureLimitTests {
    static let runaway = """
        ---
        title: Runaway
        limit-seconds: 0.3
        limit-steps: 100000000
        ---
        # Runaway

        ```graph id=runaway
        w = 3
        L = w * w
        minimize L over w with sgd(lr: 0.000001) for 100000000 steps
        ```

        ```graph id=fine
        x = -2; y = 5; z = -4
        f = (x + y) * z
        expect f = -12
        ```

        """

    @Test("a runaway training run is stopped by the front matter's time limit, and the next example passes")
    func runawayStops() throws {
        let lecture = Lecture(path: "lectures/01-runaway.md", text: Self.runaway)
        #expect(lecture.limits.seconds == 0.3)
        #expect(lecture.limits.steps == 100_000_000)

        let start = ContinuousClock.now
        let result = Runner.run(lecture)
        #expect(ContinuousClock.now - start < .seconds(30))

        let runaway = try #require(result.examples.first)
        let diagnostic = try #require(runaway.diagnostics.first)
        #expect(diagnostic.location.line == 11 && diagnostic.location.column == 1)
        #expect(diagnostic.message.contains("stopped at step"))
        #expect(diagnostic.message.hasSuffix("the example ran longer than its limit of 0.3 s"))
        #expect(result.examples.last?.passed == true)
    }

    @Test("a limit the run sets is the default that the front matter changes")
    func runLimits() {
        var limits = Limits()
        limits.nodes = 7
        let lecture = Lecture(path: "lectures/01-a.md", text: "---\nlimit-steps: 5\n---\n# A\n", limits: limits)
        #expect(lecture.limits.nodes == 7)
        #expect(lecture.limits.steps == 5)
        #expect(lecture.diagnostics.isEmpty)
    }
}
