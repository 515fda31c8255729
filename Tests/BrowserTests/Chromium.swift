import Foundation
import Testing

/// Debian's Chromium, headless: loads a page from disk, runs its scripts,
/// and gives back the DOM, what the page printed to its console, the network
/// requests it made, and a screenshot.
enum Chromium {
    /// The browser, if installed (`make test` installs Debian's `chromium`).
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// One page load.
    struct Load {
        /// The DOM after the page's scripts ran, as HTML.
        let dom: String
        /// Every message the page wrote to its console (errors included).
        let console: [String]
        /// Every URL the page requested through the network stack.
        let requests: [String]
    }

    /// Loads `url` in a window `width` wide and `height` tall, saving a screenshot to `screenshot` if given.
    /// `flags` are added to Chromium's own.
    /// Several pages load at once (a browser mostly waits), at most `slots` of them.
    static func load(_ url: URL, screenshot: URL? = nil, width: Int = 900, height: Int = 1400, flags: [String] = []) async throws -> Load {
        let browser = try #require(path, "chromium is not installed")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gradbook-chromium-\(UUID())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (dom, errors, netLog) = (scratch.appendingPathComponent("dom.html"), scratch.appendingPathComponent("stderr"),
                                     scratch.appendingPathComponent("net.json"))
        try Data().write(to: dom)
        try Data().write(to: errors)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--disable-background-networking", "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
            "--window-size=\(width),\(height)", "--virtual-time-budget=5000",
            "--enable-logging=stderr", "--v=0", "--log-net-log=\(netLog.path)",
            "--dump-dom",
        ] + flags + (screenshot.map { ["--screenshot=\($0.path)"] } ?? []) + [url.absoluteString]
        let (out, err) = (try FileHandle(forWritingTo: dom), try FileHandle(forWritingTo: errors))
        defer { try? out.close(); try? err.close() }
        (process.standardOutput, process.standardError) = (out, err)
        await slots.take()
        let ran: Result<Void, any Error> = await withCheckedContinuation { done in
            process.terminationHandler = { _ in done.resume(returning: .success(())) }
            do { try process.run() } catch { done.resume(returning: .failure(error)) }
        }
        await slots.give()
        try ran.get()
        let log = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        return Load(dom: String(decoding: try Data(contentsOf: dom), as: UTF8.self),
                    console: log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init),
                    requests: try pageRequests(netLog))
    }

    /// At most four browsers at a time: each takes about 200 MB, and a core for a moment.
    private static let slots = Slots(4)

    /// A counting semaphore for tasks.
    actor Slots {
        private var free: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(_ count: Int) { free = count }

        func take() async {
            if free > 0 { free -= 1; return }
            await withCheckedContinuation { waiting.append($0) }
        }

        func give() {
            if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
        }
    }

    /// The URLs of the requests the page made, from Chromium's net log: those
    /// whose network isolation key is the page's (`file://`), not the browser's own.
    private static func pageRequests(_ netLog: URL) throws -> [String] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: netLog)) as? [String: Any])
        let types = (log["constants"] as? [String: Any])?["logEventTypes"] as? [String: Int]
        let start = try #require(types?["URL_REQUEST_START_JOB"], "the net log names no URL_REQUEST_START_JOB")
        let events = log["events"] as? [[String: Any]] ?? []
        return events.compactMap { event in
            guard event["type"] as? Int == start, let params = event["params"] as? [String: Any],
                  (params["network_isolation_key"] as? String)?.hasPrefix("file://") == true else { return nil }
            return params["url"] as? String
        }
    }
}
