import Autodiff
import Foundation
import Testing
import Workbook

/// The stepper on the lecture's f = (x + y)·z at x = -2, y = 5, z = -4
/// (lecture 2, example `backward`), opened at each step by a link
/// `#step=backward:N`: the caption and the labels shown are the engine's numbers.
@Suite(.enabled(if: Chromium.path != nil, "chromium is not installed; `make test` installs Debian's chromium"))
struct StepperTests {
    /// One step as the lecture tells it: the edge's value forward, or upstream × local backward.
    struct Step: CustomTestStringConvertible, Sendable {
        let number: Int
        let label: String        // which label of the edge appears: value or gradient
        let shown: Double        // the number on that label
        let words: String        // what the caption says, numbers included
        var testDescription: String { "step \(number): \(words)" }
    }

    /// The steps, with every number taken from the engine.
    static let steps: [Step] = {
        let path = BuiltWorkbook.package.appendingPathComponent("lectures/02-backpropagation.md").path
        guard let lecture = Course.load([path]).lectures.first,
              let example = lecture.examples.first(where: { $0.id == "backward" }) else { return [] }
        let evaluation = Runner.run(example, of: lecture).evaluation
        func node(_ name: String) -> Node? { evaluation.named.first { $0.name == name }?.node }
        guard let x = node("x"), let y = node("y"), let z = node("z"), let q = node("q"), let f = node("f") else { return [] }
        func n(_ v: Double) -> String { Tensor.format(v, significant: 4) }
        var steps: [(String, Double, String)] = [x, y, z, q].map { ("value", $0.value.scalar, "\($0.name ?? "") = \(n($0.value.scalar))") }
        steps.append(("value", f.value.scalar, "f = \(n(f.value.scalar)), the output"))
        steps.append(("gradient", f.gradient.scalar, "start at the output f with gradient \(n(f.gradient.scalar))"))
        for (gate, input) in [(f, q), (f, z), (q, x), (q, y)] {
            guard let slot = gate.inputs.firstIndex(where: { $0 === input }), let local = gate.localGradient(slot) else { return [] }
            let upstream = gate.gradient.scalar
            steps.append(("gradient", upstream * local, "into \(input.name ?? ""), upstream \(n(upstream)) × local \(n(local)) = gradient \(n(upstream * local))"))
        }
        return steps.enumerated().map { Step(number: $0.offset + 1, label: $0.element.0, shown: $0.element.1, words: $0.element.2) }
    }()

    /// The example's section of the page opened at `step` (nil: no step asked for), with a
    /// screenshot of the whole page at step 7, the gradient flowing back into q, for review.
    static func open(at step: Int?) async throws -> Substring {
        let folder = try BuiltWorkbook.url()
        var url = folder.appendingPathComponent("02-backpropagation.html")
        if let step { url = try #require(URL(string: url.absoluteString + "#step=backward:\(step)")) }
        let screenshot = step == 7 ? BuiltWorkbook.artifacts.appendingPathComponent("stepper-step-7.png") : nil
        let load = try await Chromium.load(url, screenshot: screenshot, height: step == 7 ? 9000 : 1400)
        #expect(load.console.isEmpty, "the console said: \(load.console.joined(separator: "\n"))")
        return try #require(DOM.section(load.dom, id: "backward"), "no example 'backward' on the page")
    }

    @Test func theLectureHasTenSteps() {
        #expect(Self.steps.count == 10)   // five edges forward; the output's gradient, then four edges backward
    }

    @Test(arguments: steps)
    func eachStepShowsTheEnginesNumbers(_ step: Step) async throws {
        let section = try await Self.open(at: step.number)
        let caption = try #require(DOM.caption(section))
        #expect(caption.hasPrefix("Step \(step.number) of \(Self.steps.count): "))
        #expect(caption.contains(step.words), "caption: \(caption)")
        let edges = DOM.edges(section)
        let current = edges.filter(\.current)
        try #require(current.count == 1, "one edge is the current step's")
        #expect(current[0].shown.contains { $0.label == step.label && $0.text == Tensor.format(step.shown, significant: 3) })
        // Every step so far has shown its label, and none after it.
        let shown = edges.flatMap(\.shown)
        #expect(shown.count == step.number)
        #expect(shown.filter { $0.label == "gradient" }.count == Self.steps.prefix(step.number).filter { $0.label == "gradient" }.count)
    }

    @Test func stepZeroShowsNoNumber() async throws {
        let section = try await Self.open(at: 0)
        #expect(DOM.edges(section).allSatisfy { $0.shown.isEmpty && !$0.current })
        #expect(DOM.caption(section)?.hasPrefix("Step 0 of \(Self.steps.count)") == true)
    }

    /// Opened with no step, the page shows the whole graph, as it does with no script.
    @Test func withNoStepTheWholeGraphIsShown() async throws {
        let section = try await Self.open(at: nil)
        #expect(DOM.edges(section).flatMap(\.shown).count == Self.steps.count)
        #expect(DOM.caption(section)?.hasPrefix("All \(Self.steps.count) steps shown") == true)
    }
}
