import Foundation
import Testing

/// A page of the tests' own that holds lecture 2 in a frame and works its
/// stepper as a reader would, clicking and pressing keys, writing down after
/// each action what the example `backward` shows. Chromium's `--dump-dom`
/// gives only the final DOM, so the host page keeps the frame's states as text:
/// one load goes through every step.
enum Harness {
    static let page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>stepper</title></head><body>
        <iframe id="page" title="lecture" src="02-backpropagation.html" style="width:900px;height:1400px"></iframe>
        <div id="states"></div>
        <pre id="log"></pre>
        <script>
        document.getElementById("page").addEventListener("load", function () {
          var doc = this.contentDocument, win = this.contentWindow, log = [];
          var section = doc.getElementById("backward"), figure = section.querySelector("figure.graph");
          function caption() { return section.querySelector(".step-caption").textContent; }
          function record() {
            var pre = document.createElement("pre");
            pre.className = "state";
            pre.textContent = section.outerHTML;
            document.getElementById("states").appendChild(pre);
          }
          function key(name) {
            figure.dispatchEvent(new win.KeyboardEvent("keydown", { key: name, bubbles: true }));
            log.push(name + " | " + caption());
          }
          function press(label) {
            section.querySelector(".stepper button[aria-label='" + label + "']").click();
            log.push(label + " | " + caption());
          }
          // The states: as loaded, after each click on "next" to the last step, then at step 0.
          record();
          var next = section.querySelector(".stepper button[aria-label='next step']");
          while (!next.disabled) { next.click(); record(); }
          press("step 0, before the forward pass");
          record();
          // The log: keys, buttons, hover and focus.
          key("ArrowRight"); key("ArrowRight"); key("ArrowLeft"); key("End"); key("Home");
          press("next step"); press("next step"); press("previous step"); press("every step");
          doc.getElementById("backward.e4-1").dispatchEvent(new win.MouseEvent("mouseenter"));
          log.push("hover | " + section.querySelector("p.inspect").textContent);
          doc.getElementById("backward.n3").focus();
          log.push("focus | " + section.querySelector("p.inspect").textContent);
          log.push("link | " + win.location.hash);
          document.getElementById("log").textContent = log.join("\\n");
        });
        </script>
        </body></html>

        """

    /// The one run of the harness that the tests share.
    static let shared = Task { try await run() }

    /// What the harness wrote down.
    struct Run: Sendable {
        /// The example's section as loaded, after each step to the last, then back at step 0.
        let states: [Substring]
        /// One line per action: "ArrowRight | Step 1 of 10: …".
        let log: [String]
        /// What the pages wrote to the console.
        let console: [String]
    }

    /// Loads the harness beside the built pages (frames may read pages of their own folder only with
    /// `--allow-file-access-from-files`). It expects nothing itself: the tests that read the run do.
    static func run() async throws -> Run {
        let folder = try BuiltWorkbook.url()
        let page = folder.appendingPathComponent("stepper-harness-\(UUID()).html")
        try Data(Self.page.utf8).write(to: page)
        defer { try? FileManager.default.removeItem(at: page) }
        let load = try await Chromium.load(page, flags: ["--allow-file-access-from-files"])
        let states = load.dom.matches(of: /<pre class="state">(.*?)<\/pre>/.dotMatchesNewlines()).map { Substring(DOM.unescape(String($0.1))) }
        let log = load.dom.firstMatch(of: /<pre id="log">(.*?)<\/pre>/.dotMatchesNewlines())
            .map { DOM.unescape(String($0.1)).split(separator: "\n").map(String.init) } ?? []
        return Run(states: states, log: log, console: load.console)
    }
}
