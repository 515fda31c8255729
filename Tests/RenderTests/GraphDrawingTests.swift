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

    /// The texts of each edge's labels, by the edge's id (`xyz.e3-0`: into node 3's first input), as Graphviz wrote them.
    static func edgeLabels(_ svg: String) -> [String: [String]] {
        groups(svg, "edge").mapValues { group in group.matches(of: /<text[^>]*>(.*?)<\/text>/).map { unescape(String($0.1)) } }
    }

    /// The text of each node's or edge's group, by its id.
    static func groups(_ svg: String, _ kind: String) -> [String: Substring] {
        var groups: [String: Substring] = [:]
        for match in svg.matches(of: /<g id="([^"]*)" class="([a-z]+)">\n(.*?)<\/g>/.dotMatchesNewlines()) where match.2 == kind {
            groups[String(match.1)] = match.3
        }
        return groups
    }

    static func unescape(_ s: String) -> String {
        s.replacing("&#45;", with: "-").replacing("&gt;", with: ">").replacing("&lt;", with: "<").replacing("&amp;", with: "&")
    }

    @Test func everyEdgeCarriesTheForwardValueAboveTheGradient() throws {
        let svg = try #require(file(book(Self.lecture), "01-test/xyz.svg"))
        let labels = Self.edgeLabels(svg)
        #expect(labels["xyz.e3-0"] == ["-2", "-4"])   // x → +: value -2, gradient -4
        #expect(labels["xyz.e3-1"] == ["5", "-4"])    // y → +
        #expect(labels["xyz.e4-0"] == ["3", "-4"])    // q → ×: 3, and df/dq = z = -4
        #expect(labels["xyz.e4-1"] == ["-4", "3"])    // z → ×: -4, and df/dz = q = 3
        #expect(labels["xyz.out"] == ["-12", "1"])
    }

    @Test func valuesAreGreenAndGradientsRed() throws {
        let svg = try #require(file(book(Self.lecture), "01-test/xyz.svg"))
        #expect(svg.contains("fill=\"#1a7f37\">&#45;2</text>"))
        #expect(svg.contains("fill=\"#cf222e\">&#45;4</text>"))
    }

    /// Colour is not the only thing that tells them apart: the gradient is below the value, in italics.
    @Test func gradientsAreBelowValuesInItalics() throws {
        let svg = try #require(file(book(Self.lecture), "01-test/xyz.svg"))
        let edge = try #require(Self.groups(svg, "edge")["xyz.e4-1"])
        let value = try #require(edge.firstMatch(of: /<text [^>]*y="([-0-9.]+)"[^>]*class="value"[^>]*>/))
        let gradient = try #require(edge.firstMatch(of: /<text [^>]*y="([-0-9.]+)"[^>]*font-style="italic"[^>]*class="gradient"[^>]*>/))
        #expect(try #require(Double(gradient.1)) > (try #require(Double(value.1))))   // SVG's y grows downwards
    }

    /// Hovering a node or edge shows its title: value, gradient, shape and op.
    @Test func nodesAndEdgesAreTitledWithWhatTheyCarry() throws {
        let svg = try #require(file(book(Self.lecture), "01-test/xyz.svg"))
        let nodes = Self.groups(svg, "node"), edges = Self.groups(svg, "edge")
        #expect(nodes["xyz.n3"]?.contains("<title>q (+, add): value 3, gradient -4, shape scalar</title>") == true)
        #expect(nodes["xyz.n0"]?.contains("<title>x (input): value -2, gradient -4, shape scalar</title>") == true)
        #expect(edges["xyz.e4-1"]?.contains("<title>z (input) → f (×, multiply): value -4, gradient 3 = upstream 1 × local 3, shape scalar</title>") == true)
        #expect(svg.hasPrefix("<svg") && svg.contains(">\n<title>computational graph: xyz</title>\n"))
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
