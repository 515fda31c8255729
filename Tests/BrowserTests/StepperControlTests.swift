import Autodiff
import Foundation
import Testing

/// The stepper's keys, buttons and hover, driven by a page of the test's own
/// that holds the lecture's page in a frame and writes down what the caption
/// and the inspection line say after each action (Chromium's `--dump-dom`
/// shows only the final DOM, so the log is the frame's host's text).
@Suite(.enabled(if: Chromium.path != nil, "chromium is not installed; `make test` installs Debian's chromium"))
struct StepperControlTests {
    static let harness = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>stepper controls</title></head><body>
        <iframe id="page" title="lecture" src="02-backpropagation.html" style="width:900px;height:1400px"></iframe>
        <pre id="log"></pre>
        <script>
        document.getElementById("page").addEventListener("load", function () {
          var doc = this.contentDocument, win = this.contentWindow, log = [];
          var section = doc.getElementById("backward"), figure = section.querySelector("figure.graph");
          function caption() { return section.querySelector(".step-caption").textContent; }
          function key(name) {
            figure.dispatchEvent(new win.KeyboardEvent("keydown", { key: name, bubbles: true }));
            log.push(name + " | " + caption());
          }
          function press(label) {
            section.querySelector(".stepper button[aria-label='" + label + "']").click();
            log.push(label + " | " + caption());
          }
          key("ArrowRight"); key("ArrowRight"); key("ArrowLeft"); key("End"); key("Home");
          press("next step"); press("next step"); press("previous step"); press("every step");
          var edge = doc.getElementById("backward.e4-1");
          edge.dispatchEvent(new win.MouseEvent("mouseenter"));
          log.push("hover | " + section.querySelector("p.inspect").textContent);
          doc.getElementById("backward.n3").focus();
          log.push("focus | " + section.querySelector("p.inspect").textContent);
          log.push("link | " + win.location.hash);
          document.getElementById("log").textContent = log.join("\\n");
        });
        </script>
        </body></html>

        """

    @Test func keysButtonsAndHoverMoveTheStepper() async throws {
        let folder = try BuiltWorkbook.url()
        let page = folder.appendingPathComponent("stepper-controls.html")
        try Data(Self.harness.utf8).write(to: page)
        defer { try? FileManager.default.removeItem(at: page) }
        let load = try await Chromium.load(page, flags: ["--allow-file-access-from-files"])
        #expect(load.console.isEmpty, "the console said: \(load.console.joined(separator: "\n"))")
        let log = try #require(load.dom.firstMatch(of: /<pre id="log">(.*?)<\/pre>/.dotMatchesNewlines()))
        let lines = DOM.unescape(String(log.1)).split(separator: "\n").map(String.init)
        let steps = StepperTests.steps, total = steps.count
        func at(_ n: Int) -> String { n == 0 ? "Step 0 of \(total)" : "Step \(n) of \(total): " }
        let expected = [("ArrowRight", 1), ("ArrowRight", 2), ("ArrowLeft", 1), ("End", total), ("Home", 0),
                        ("next step", 1), ("next step", 2), ("previous step", 1), ("every step", total)]
        try #require(lines.count == expected.count + 3, "the log: \(lines)")
        for (line, (action, n)) in zip(lines, expected) {
            #expect(line.hasPrefix("\(action) | \(at(n))"), "\(line)")
            if n > 0 { #expect(line.contains(steps[n - 1].words), "\(line)") }
        }
        // The edge z → × and the node q say what they carry, with the engine's numbers.
        let z = steps[2], q = steps[3], dz = steps[7]
        #expect(lines[expected.count].hasPrefix("hover | z (input) → f (×, multiply): value \(Tensor.format(z.shown, significant: 4)), "
            + "gradient \(Tensor.format(dz.shown, significant: 4))"), "\(lines[expected.count])")
        #expect(lines[expected.count + 1].hasPrefix("focus | q (+, add): value \(Tensor.format(q.shown, significant: 4))"))
        #expect(lines[expected.count + 2] == "link | #step=backward:\(total)")
    }
}
