import FlyingFox
import Foundation

/// What `serve` answers over HTTP: the files of the output folder, each HTML page
/// with the live-reload script added (the files on disk stay those of `build`),
/// the problems of the last rebuild at the top of every page, and the wait for
/// the next rebuild.
struct Site: HTTPHandler {
    /// The output folder.
    let root: URL
    let live: LiveReload

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.path == "/_gradbook/wait" {
            let after = request.query["after"].flatMap(Int.init) ?? -1
            let generation = await live.wait(after: after, patience: .seconds(10))
            return response(.ok, type: "text/plain; charset=utf-8", Data("\(live.session) \(generation)".utf8))
        }
        let path = request.path.hasSuffix("/") ? request.path + "index.html" : request.path
        let parts = path.split(separator: "/")
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }),
              let data = FileManager.default.contents(atPath: root.appendingPathComponent(parts.joined(separator: "/")).path) else {
            return response(.notFound, type: "text/html; charset=utf-8", Data(notFound(path).utf8))
        }
        let type = Self.types[(path as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
        guard type.hasPrefix("text/html") else { return response(.ok, type: type, data) }
        return response(.ok, type: type, Data(live(String(decoding: data, as: UTF8.self)).utf8))
    }

    /// A page with the problems of the last rebuild at the top of its body and the reload script at the end.
    func live(_ page: String) -> String {
        let (generation, problems) = live.state
        var page = page
        if let body = page.range(of: "<body>\n") { page.insert(contentsOf: banner(problems), at: body.upperBound) }
        let end = page.range(of: "</body>", options: .backwards)?.lowerBound ?? page.endIndex
        page.insert(contentsOf: live.script(generation: generation), at: end)
        return page
    }

    /// The problems as a block of diagnostics, or nothing.
    private func banner(_ problems: String) -> String {
        guard !problems.isEmpty else { return "" }
        return "<div class=\"diagnostics\" id=\"gradbook-serve-problems\" style=\"margin: 1rem; padding: 0.5rem 1rem; "
            + "border: 2px solid #cf222e; background: #ffebe9;\"><p><strong>The last rebuild failed; this page is "
            + "from the build before.</strong></p><pre class=\"messages\">\(escape(problems))</pre></div>\n"
    }

    /// The page for a file that is not there: what went wrong, if anything, and the reload script.
    private func notFound(_ path: String) -> String {
        live("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Not found</title>\n"
            + "<link rel=\"stylesheet\" href=\"/assets/gradbook.css\">\n</head>\n<body>\n<main>\n<h1>Not found</h1>\n"
            + "<p><code>\(escape(path))</code> is not in the workbook.</p>\n<p><a href=\"/index.html\">Contents</a></p>\n"
            + "</main>\n</body>\n</html>\n")
    }

    private func response(_ status: HTTPStatusCode, type: String, _ body: Data) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Content types by file extension: what a workbook holds.
    private static let types = [
        "html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "json": "application/json",
        "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf",
    ]
}
