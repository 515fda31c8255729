import Foundation
import FoundationXML
import Testing
@testable import GraphSpec
@testable import Render
@testable import Workbook

/// The plots of training runs, parsed back as XML.
@Suite struct PlotTests {
    /// A bowl that is steep along w2 and shallow along w1, trained by three optimizers.
    static let valley = """
        ```graph id=valley
        w1 = -4
        w2 = 1
        L = 0.1 * w1^2 + 2 * w2^2
        minimize L over w1, w2 with sgd(lr: 0.2), momentum(lr: 0.05, rho: 0.9), adam(lr: 0.3) for 30 steps
        expect L with sgd <= 0.5
        ```

        """

    static func figures(_ text: String) throws -> [Figure] {
        let result = Runner.run(Lecture(path: "l.md", text: text))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        return Figures.of(try #require(result.examples.first))
    }

    static func xml(_ svg: String) throws -> XMLElement {
        try #require(try XMLDocument(xmlString: svg).rootElement())
    }

    /// An attribute's value (FoundationXML's `attribute(forName:)` finds nothing on elements in the SVG namespace).
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }

    static func elements(_ root: XMLElement, _ name: String) -> [XMLElement] {
        (try? root.nodes(forXPath: "//*[local-name()='\(name)']"))?.compactMap { $0 as? XMLElement } ?? []
    }

    @Test func theLossPlotHasOnePathPerOptimizerAndALegendAndAxisLabels() throws {
        let loss = try #require(try Self.figures(Self.valley).first { $0.fileName == "valley-loss-1.svg" })
        let root = try Self.xml(loss.svg)
        let lines = Self.elements(root, "path").filter { $0.elements(forName: "title").count == 1 }
        #expect(lines.map { $0.elements(forName: "title")[0].stringValue } == ["sgd(lr: 0.2)", "momentum(lr: 0.05, rho: 0.9)", "adam(lr: 0.3)"])
        let texts = Self.elements(root, "text").compactMap(\.stringValue)
        #expect(texts.contains("step") && texts.contains("loss") && texts.contains("Loss"))
        #expect(texts.contains("sgd(lr: 0.2)") && texts.contains("adam(lr: 0.3)"))   // the legend
    }

    @Test func theTrajectoryStartsAtTheStartingValues() throws {
        let figures = try Self.figures(Self.valley)
        let paths = try #require(figures.first { $0.fileName == "valley-paths-1.svg" })
        let root = try Self.xml(paths.svg)
        let starts = Self.elements(root, "circle").filter { Self.attribute($0, "class") == "start" }
        let sgd = try #require(Self.elements(root, "path").first { $0.elements(forName: "title").first?.stringValue == "sgd(lr: 0.2)" })
        let first = try #require(Self.attribute(sgd, "d")?.split(separator: " ").prefix(2))
        // The path's first point is the circle marking the start, (w1, w2) = (-4, 1), drawn once per optimizer.
        #expect(starts.count == 3)
        #expect("\(first[0].dropFirst()) \(first[1])" == "\(Self.attribute(starts[0], "cx")!) \(Self.attribute(starts[0], "cy")!)")
        let contours = Self.elements(root, "path").filter { Self.attribute($0, "class") == "contour" }
        #expect(!contours.isEmpty)
    }

    @Test func aClassifierOnTwoDimensionalDataGetsItsDecisionRegions() throws {
        let text = """
            ```graph id=linear
            X, y = spiral(points: 20, classes: 3, seed: 0)
            W = randn(2, 3, seed: 1, scale: 0.01)
            b = zeros(3)
            L = softmax_loss(X @ W + b, y)
            minimize L over W, b with sgd(lr: 1) for 20 steps
            ```

            """
        let boundary = try #require(try Self.figures(text).first { $0.fileName == "linear-boundary-1.svg" })
        let root = try Self.xml(boundary.svg)
        // A rectangle per run of one class along each of the 60 rows of cells: in every
        // row the runs follow each other with no gap (each overlaps the next by 0.3) from
        // the first cell's left edge to the last cell's right edge.
        let regions = Self.elements(root, "rect").filter { Palette.regionFills.contains(Self.attribute($0, "fill") ?? "") }
        let rows = Dictionary(grouping: regions) { Self.attribute($0, "y") ?? "" }
        #expect(rows.count == 60 && regions.count < 60 * 60)
        let spans = rows.values.map { row in
            row.map { (x: Double(Self.attribute($0, "x")!)!, width: Double(Self.attribute($0, "width")!)!) }.sorted { $0.x < $1.x }
        }
        #expect(spans.allSatisfy { row in zip(row, row.dropFirst()).allSatisfy { abs($0.x + $0.width - 0.3 - $1.x) < 0.02 } })
        let (lefts, rights) = (spans.map { $0.first!.x }, spans.map { $0.last!.x + $0.last!.width })
        #expect(lefts.max()! - lefts.min()! < 0.02 && rights.max()! - rights.min()! < 0.02)
        #expect(Self.elements(root, "circle").count + Self.elements(root, "rect").count >= regions.count + 20)
    }

    @Test func aRowOfCellsIsDrawnAsItsRunsOfOneClass() {
        #expect(BoundaryPlot.runs([0, 0, 1, 1, 1, 0, 2]).map { [$0.first, $0.last, $0.class] }
            == [[0, 1, 0], [2, 4, 1], [5, 5, 0], [6, 6, 2]])
        #expect(BoundaryPlot.runs([]).isEmpty)
    }

    @Test func showPlotDrawsAValueAgainstAnother() throws {
        let text = "```graph id=act\nv = linspace(-3, 3, 61)\nshow plot(relu(v), v)\n```\n"
        let plot = try #require(try Self.figures(text).first)
        #expect(plot.fileName == "act-plot-1.svg" && plot.caption == "relu(v)")
        let root = try Self.xml(plot.svg)
        #expect(Self.elements(root, "path").contains { $0.elements(forName: "title").first?.stringValue == Optional("relu(v)") })
    }

    @Test func plotsAreTheSameEveryTime() throws {
        #expect(try Self.figures(Self.valley) == Self.figures(Self.valley))
    }

    @Test func ticksAreRound() {
        #expect(Axis(covering: [0, 9.3], from: 0, to: 100).ticks == [0, 2, 4, 6, 8, 10])
        #expect(Axis(covering: [0.013, 0.087], from: 0, to: 100).ticks.count >= 4)
    }
}
