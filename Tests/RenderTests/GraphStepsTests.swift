import Testing
@testable import Render
@testable import Workbook

/// The steps a page's stepper goes through for f = (x + y)·z, as the lecture goes through them.
@Suite struct GraphStepsTests {
    static func steps() throws -> [GraphStep] {
        let result = Runner.run(Lecture(path: "lectures/01-test.md", text: GraphDrawingTests.lecture))
        let example = try #require(result.examples.first)
        return GraphSteps.of(example.evaluation, example: example.example.fileName)
    }

    @Test func forwardEdgeByEdgeThenBackwardNodeByNode() throws {
        #expect(try Self.steps().map(\.text) == [
            "forward: x = -2, into + (q)",
            "forward: y = 5, into + (q)",
            "forward: z = -4, into × (f)",
            "forward: q = 3, into × (f)",
            "forward: f = -12, the output",
            "backward: start at the output f with gradient 1",
            "backward through × (f): into q, upstream 1 × local -4 = gradient -4",
            "backward through × (f): into z, upstream 1 × local 3 = gradient 3",
            "backward through + (q): into x, upstream -4 × local 1 = gradient -4",
            "backward through + (q): into y, upstream -4 × local 1 = gradient -4",
        ])
    }

    /// Each step names the node at work and the edge whose value (forward) or gradient (backward) appears.
    @Test func eachStepNamesItsNodeAndEdge() throws {
        let steps = try Self.steps()
        #expect(steps.map(\.edge) == ["xyz.e3-0", "xyz.e3-1", "xyz.e4-1", "xyz.e4-0", "xyz.out",
                                      "xyz.out", "xyz.e4-0", "xyz.e4-1", "xyz.e3-0", "xyz.e3-1"])
        #expect(steps.map(\.node) == ["xyz.n0", "xyz.n1", "xyz.n2", "xyz.n3", "xyz.n4",
                                      "xyz.n4", "xyz.n4", "xyz.n4", "xyz.n3", "xyz.n3"])
        #expect(steps.map(\.label) == Array(repeating: .value, count: 5) + Array(repeating: .gradient, count: 5))
    }

    /// The page lists the steps under the graph, so that they are there with no script too.
    @Test func thePageListsTheStepsUnderTheGraph() throws {
        let page = try #require(file(book(GraphDrawingTests.lecture), "01-test.html"))
        #expect(page.contains("<details class=\"steps\"><summary>"))
        #expect(page.contains("<li data-node=\"xyz.n3\" data-edge=\"xyz.e4-0\" data-label=\"value\">forward: q = 3, into × (f)</li>"))
    }

    /// Where a value branches, each use's step says that their gradients add up, and to what.
    @Test func gradientsAddWhereAValueBranches() throws {
        let lecture = "# x²\n\n```graph id=square\nx = 3\nf = x * x\n```\n"
        let example = try #require(Runner.run(Lecture(path: "lectures/01-test.md", text: lecture)).examples.first)
        let backward = GraphSteps.of(example.evaluation, example: "square").filter { $0.label == .gradient }.map(\.text)
        #expect(backward == [
            "backward: start at the output f with gradient 1",
            "backward through × (f): into x, upstream 1 × local 3 = gradient 3; x has 2 uses, whose gradients add up to 6",
            "backward through × (f): into x, upstream 1 × local 3 = gradient 3; x has 2 uses, whose gradients add up to 6",
        ])
    }

    /// A graph with no gradients (no scalar output) steps through its forward pass only.
    @Test func withoutGradientsOnlyTheForwardPass() throws {
        let lecture = "# v\n\n```graph id=v\nv = [1, 2]\nw = v * 2\n```\n"
        let example = try #require(Runner.run(Lecture(path: "lectures/01-test.md", text: lecture)).examples.first)
        let steps = GraphSteps.of(example.evaluation, example: "v")
        #expect(!steps.isEmpty && steps.allSatisfy { $0.label == .value })
    }
}
