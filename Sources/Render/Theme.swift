/// The workbook's stylesheet and its one script: readable on a phone, printable on paper.
enum Theme {
    static let css = """
        :root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --value: #1a7f37; --gradient: #cf222e; --paper: #ffffff; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--paper); font: 17px/1.6 "DejaVu Serif", Georgia, serif; }
        main { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        h1, h2, h3, h4 { font-family: "DejaVu Sans", system-ui, sans-serif; line-height: 1.25; }
        code, pre { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 0.85em; }
        pre { overflow-x: auto; background: #f6f8fa; padding: 0.6rem 0.8rem; border-radius: 6px; }
        nav.pages { display: flex; justify-content: space-between; gap: 1rem; max-width: 46rem; margin: 0 auto;
          padding: 0.6rem 1.25rem; font-family: "DejaVu Sans", sans-serif; font-size: 0.9rem; }
        nav.pages a { color: var(--muted); text-decoration: none; }
        section.example { border: 1px solid var(--rule); border-radius: 8px; padding: 0.75rem 1rem; margin: 1.5rem 0; }
        section.example.failed { border-color: var(--gradient); }
        .example-title { margin: 0 0 0.5rem; font-size: 1.05rem; }
        figure.graph { margin: 0.5rem 0; overflow-x: auto; text-align: center; }
        figure.graph svg { max-width: 100%; height: auto; }
        figure.plot { margin: 0.75rem 0; text-align: center; }
        figure.plot svg { max-width: 100%; height: auto; }
        figure.plot figcaption { font-family: "DejaVu Sans", sans-serif; font-size: 0.8rem; color: var(--muted); }
        table { border-collapse: collapse; margin: 0.75rem 0; font-family: "DejaVu Sans", sans-serif; font-size: 0.85rem;
          display: block; overflow-x: auto; }
        th, td { border-bottom: 1px solid var(--rule); padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        td pre { margin: 0; padding: 0; background: none; }
        td.value { color: var(--value); } td.gradient { color: var(--gradient); }
        ul.checks { list-style: none; padding: 0; font-family: "DejaVu Sans", sans-serif; font-size: 0.9rem; }
        ul.checks li.pass .mark { color: var(--value); } ul.checks li.fail { color: var(--gradient); font-weight: bold; }
        .detail { color: var(--muted); }
        .diagnostics pre.messages { background: #fff1f0; color: #82071e; }
        .pass { color: var(--value); } .fail { color: var(--gradient); }
        figure.graph text.pending { visibility: hidden; }
        figure.graph g.current > ellipse, figure.graph g.edge.current > path, figure.graph g.edge.current > polygon {
          stroke: #0969da; stroke-width: 2.5; }
        figure.graph g.node.current > text { font-weight: bold; text-decoration: underline; }
        figure.graph g:focus, figure.graph:focus { outline: 2px solid #0969da; outline-offset: 2px; }
        .stepper { display: flex; gap: 0.4rem; justify-content: center; margin-top: 0.4rem; }
        .stepper button { font: 1rem "DejaVu Sans", sans-serif; min-width: 2.4rem; padding: 0.1rem 0.5rem; cursor: pointer;
          border: 1px solid var(--rule); border-radius: 6px; background: #f6f8fa; color: var(--ink); }
        .stepper button:disabled { color: var(--rule); cursor: default; }
        .step-caption, p.inspect { font-family: "DejaVu Sans", sans-serif; font-size: 0.85rem; margin: 0.4rem 0 0; }
        p.inspect { color: var(--muted); font-size: 0.8rem; }
        details.steps { font-family: "DejaVu Sans", sans-serif; font-size: 0.85rem; margin: 0.25rem 0 0.5rem; }
        details.steps li.current { font-weight: bold; }
        @media (max-width: 600px) { body { font-size: 16px; } main { padding: 0.75rem; } }
        @media print {
          nav.pages, .stepper, p.inspect { display: none; }
          figure.graph text.pending { visibility: visible; }
          body { font-size: 11pt; }
          section.example { break-inside: avoid; border-color: #999; }
          pre { white-space: pre-wrap; }
        }

        """

    /// `assets/gradbook.js`: KaTeX's start, and the graphs' stepper.
    static let script = katex + StepperScript.source

    private static let katex = """
        // Typesets \\( … \\) and \\[ … \\] with KaTeX once the page has loaded; no network needed.
        document.addEventListener("DOMContentLoaded", function () {
          if (typeof renderMathInElement !== "function") return;
          renderMathInElement(document.body, {
            delimiters: [{ left: "\\\\[", right: "\\\\]", display: true }, { left: "\\\\(", right: "\\\\)", display: false }],
            throwOnError: false
          });
        });

        """
}
