import Autodiff
import Foundation
import Testing
import Workbook

/// The stepper on the lecture's f = (x + y)·z at x = -2, y = 5, z = -4
/// (lecture 2, example `backward`), at each step: the caption and the labels
/// shown are the engine's numbers.
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

    @Test func theLectureHasTenSteps() {
        #expect(Self.steps.count == 10)   // five edges forward; the output's gradient, then four edges backward
    }

    /// Clicking "next" from the page as loaded goes through every step, each with the engine's numbers;
    /// as loaded, the page shows the whole graph, as it does with no script; step 0 shows no number.
    @Test func eachStepShowsTheEnginesNumbers() async throws {
        let run = try await Harness.shared.value, states = run.states
        #expect(run.console.isEmpty, "the console said: \(run.console.joined(separator: "\n"))")
        try #require(states.count == Self.steps.count + 2, "\(states.count) states")
        #expect(DOM.edges(states[0]).flatMap(\.shown).count == Self.steps.count)
        #expect(DOM.caption(states[0])?.hasPrefix("All \(Self.steps.count) steps shown") == true)
        for step in Self.steps { try Self.check(states[step.number], at: step) }
        let zero = states[Self.steps.count + 1]
        #expect(DOM.edges(zero).allSatisfy { $0.shown.isEmpty && !$0.current })
        #expect(DOM.caption(zero)?.hasPrefix("Step 0 of \(Self.steps.count)") == true)
    }

    /// A link to `#step=backward:7` opens the page at step 7 (with a screenshot of the whole page for review).
    @Test func aLinkOpensTheExampleAtItsStep() async throws {
        let page = try BuiltWorkbook.url().appendingPathComponent("02-backpropagation.html")
        let url = try #require(URL(string: page.absoluteString + "#step=backward:7"))
        let load = try await Chromium.load(url, screenshot: BuiltWorkbook.artifacts.appendingPathComponent("stepper-step-7.png"),
                                           height: 9000)
        #expect(load.console.isEmpty, "the console said: \(load.console.joined(separator: "\n"))")
        try Self.check(try #require(DOM.section(load.dom, id: "backward")), at: Self.steps[6])
    }

    /// The caption tells the step with the engine's numbers, the current edge shows its label,
    /// every step so far has shown its label, and none after it.
    static func check(_ section: Substring, at step: Step) throws {
        let caption = try #require(DOM.caption(section))
        #expect(caption.hasPrefix("Step \(step.number) of \(steps.count): "), "\(step.testDescription)")
        #expect(caption.contains(step.words), "caption: \(caption)")
        let edges = DOM.edges(section)
        let current = edges.filter(\.current)
        try #require(current.count == 1, "one edge is the current step's")
        #expect(current[0].shown.contains { $0.label == step.label && $0.text == Tensor.format(step.shown, significant: 3) },
                "\(step.testDescription)")
        let shown = edges.flatMap(\.shown)
        #expect(shown.count == step.number)
        #expect(shown.filter { $0.label == "gradient" }.count == steps.prefix(step.number).filter { $0.label == "gradient" }.count)
    }
}
