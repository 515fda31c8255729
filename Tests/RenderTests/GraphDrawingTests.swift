import Testing
@testable import Render
@testable import Workbook

/// The f = (x + y)·z graph as Graphviz draws it, read back from the SVG text.
@Suite struct GraphDrawingTests {
    static let lecture = """
        # f

        ```graph id=xyz
        x = -2
        y = 5
        z = -4
        q = x + y
        f = q * z
        ```

        """

    /// The texts of each edge's labels, by the edge's title (`n0->n3`), as Graphviz wrote them.
    static func edgeLabels(_ svg: String) -> [String: [String]] {
        var labels: [String: [String]] = [:]
        for piece in svg.split(separator: "<g id=\"edge").dropFirst() {
            let group = piece.prefix { _ in true }.split(separator: "</g>").first ?? piece
            guard let title = group.firstMatch(of: /<title>(.*?)<\/title>/)?.1 else { continue }
            let texts = group.matches(of: /<text[^>]*>(.*?)<\/text>/).map { unescape(String($0.1)) }
            labels[unescape(String(title))] = texts
        }
        return labels
    }

    static func unescape(_ s: String) -> String {
        s.replacing("&#45;", with: "-").replacing("&gt;", with: ">").replacing("&lt;", with: "<").replacing("&amp;", with: "&")
    }

    @Test func everyEdgeCarriesTheForwardValueAboveTheGradient() throws {
        let svg = try #require(file(book(Self.lecture), "01-test/xyz.svg"))
        let labels = Self.edgeLabels(svg)
        #expect(labels["n0->n3"] == ["-2", "-4"])   // x: value -2, gradient -4
        #expect(labels["n1->n3"] == ["5", "-4"])    // y
        #expect(labels["n3->n4"] == ["3", "-4"])    // q: 3, and df/dq = z = -4
        #expect(labels["n2->n4"] == ["-4", "3"])    // z: -4, and df/dz = q = 3
        #expect(labels["n4->result"] == ["-12", "1"])
    }

    @Test func valuesAreGreenAndGradientsRed() throws {
        let svg = try #require(file(book(Self.lecture), "01-test/xyz.svg"))
        #expect(svg.contains("fill=\"#1a7f37\">&#45;2</text>"))
        #expect(svg.contains("fill=\"#cf222e\">&#45;4</text>"))
    }

    @Test func gatesAreLabelledWithTheirSymbols() throws {
        let svg = try #require(file(book(Self.lecture), "01-test/xyz.svg"))
        let nodeTexts = svg.matches(of: /<text[^>]*font-size="11.00"[^>]*>(.*?)<\/text>/).map { String($0.1) }
        #expect(nodeTexts.contains("+") && nodeTexts.contains("×"))
        #expect(nodeTexts.contains("x") && nodeTexts.contains("z"))
    }

    @Test func theSVGIsTheSameEveryTime() {
        #expect(book(Self.lecture) == book(Self.lecture))
    }
}
