import CCmark

/// CommonMark through libcmark: the one file that touches it. C pointers
/// never leave this file; every function returns Swift values and frees
/// what cmark allocated before it returns.
public enum Markdown {
    /// A fenced or indented code block, as cmark found it.
    public struct CodeBlock: Sendable, Equatable {
        /// The info string after the opening fence (empty for an indented block).
        public var info: String
        /// The block's content, indentation and container markers removed.
        public var literal: String
        /// The line of the opening fence, from 1.
        public var startLine: Int
        /// The column where the block starts (its fence), from 1, in bytes.
        public var startColumn: Int
        /// The last line of the block (its closing fence, or the last line of the container).
        public var endLine: Int
    }

    /// Options for rendering: raw HTML is omitted unless `unsafe` (cmark's safe default).
    private static func options(unsafe: Bool) -> Int32 { unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT }

    /// Every code block of `text`, in document order.
    public static func codeBlocks(_ text: String) -> [CodeBlock] {
        withDocument(text, unsafe: false) { document in
            blocks(in: document).map { codeBlock($0) }
        }
    }

    /// The HTML of `text` as cmark renders it, with each code block for which
    /// `replacement` gives a string put in its place verbatim.
    public static func html(_ text: String, unsafe: Bool = false,
                            replacing replacement: (CodeBlock) -> String? = { _ in nil }) -> String {
        withDocument(text, unsafe: unsafe) { document in
            for node in blocks(in: document) {
                guard let html = replacement(codeBlock(node)) else { continue }
                // A custom block prints its on-enter text as it is, in safe mode too.
                let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
                cmark_node_set_on_enter(custom, html)
                cmark_node_replace(node, custom)
                cmark_node_free(node)
            }
            guard let rendered = cmark_render_html(document, options(unsafe: unsafe)) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// Parses `text`, hands the document to `body`, and frees it.
    private static func withDocument<T>(_ text: String, unsafe: Bool, _ body: (OpaquePointer) -> T) -> T {
        let utf8 = Array(text.utf8)
        let document = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parse_document($0, buffer.count, options(unsafe: unsafe))
            }
        }
        guard let document else { preconditionFailure("cmark could not allocate a document") }
        defer { cmark_node_free(document) }
        return body(document)
    }

    /// The code-block nodes of a document, collected before any is replaced.
    private static func blocks(in document: OpaquePointer) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK {
                nodes.append(node)
            }
        }
        return nodes
    }

    private static func codeBlock(_ node: OpaquePointer) -> CodeBlock {
        CodeBlock(info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "",
                  literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
                  startLine: Int(cmark_node_get_start_line(node)),
                  startColumn: Int(cmark_node_get_start_column(node)),
                  endLine: Int(cmark_node_get_end_line(node)))
    }
}
