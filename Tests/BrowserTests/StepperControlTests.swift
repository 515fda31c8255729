import Autodiff
import Foundation
import Testing

/// The stepper's keys, buttons and hover, as the harness works them.
@Suite(.enabled(if: Chromium.path != nil, "chromium is not installed; `make test` installs Debian's chromium"))
struct StepperControlTests {
    @Test func keysButtonsAndHoverMoveTheStepper() async throws {
        let lines = try await Harness.shared.value.log
        let steps = StepperTests.steps, total = steps.count
        func at(_ n: Int) -> String { n == 0 ? "Step 0 of \(total)" : "Step \(n) of \(total): " }
        let expected = [("ArrowRight", 1), ("ArrowRight", 2), ("ArrowLeft", 1), ("End", total), ("Home", 0),
                        ("next step", 1), ("next step", 2), ("previous step", 1), ("every step", total)]
        let actions = lines.drop { !$0.hasPrefix("ArrowRight") }   // after the states' own clicks
        try #require(actions.count == expected.count + 3, "the log: \(lines)")
        for (line, (action, n)) in zip(actions, expected) {
            #expect(line.hasPrefix("\(action) | \(at(n))"), "\(line)")
            if n > 0 { #expect(line.contains(steps[n - 1].words), "\(line)") }
        }
        // The edge z → × and the node q say what they carry, with the engine's numbers.
        let tail = Array(actions.suffix(3)), z = steps[2], q = steps[3], dz = steps[7]
        #expect(tail[0].hasPrefix("hover | z (input) → f (×, multiply): value \(Tensor.format(z.shown, significant: 4)), "
            + "gradient \(Tensor.format(dz.shown, significant: 4))"), "\(tail[0])")
        #expect(tail[1].hasPrefix("focus | q (+, add): value \(Tensor.format(q.shown, significant: 4))"), "\(tail[1])")
        #expect(tail[2] == "link | #step=backward:\(total)")
    }
}
