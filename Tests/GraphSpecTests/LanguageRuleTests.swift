import Autodiff
import Diagnostics
import Foundation
import GraphSpec
import Testing

/// The rules of the language, one by one: operators, statements, names.
@Suite struct LanguageRuleTests {
    // MARK: Operators

    @Test func multiplicationBindsTighterThanAddition() throws {
        #expect(try shown("2 + 3 * 4").scalar == 14)
        #expect(try shown("(2 + 3) * 4").scalar == 20)
        #expect(try shown("2 * 3 + 4 * 5").scalar == 26)
    }

    @Test func powerBindsTighterThanUnaryMinusAndIsRightAssociative() throws {
        #expect(try shown("-2^2").scalar == -4)
        #expect(try shown("(-2)^2").scalar == 4)
        #expect(try shown("2^3^2").scalar == 512)
        #expect(try shown("2^-1").scalar == 0.5)
        let e = run("x = 3\nf = -x^2\nexpect df/dx = -6")
        #expect(try node("f", in: e).value.scalar == -9)
        #expect(e.passed)
    }

    @Test func subtractionAndDivisionAreLeftAssociative() throws {
        #expect(try shown("8 - 3 - 2").scalar == 3)
        #expect(try shown("8 / 4 / 2").scalar == 1)
        #expect(try shown("2 * -3").scalar == -6)
    }

    @Test func transposeIsAPostfixThatBindsTightest() throws {
        let definitions = "A = [[1, 2, 3], [4, 5, 6]]"
        let t = try shown("A.T", after: definitions)
        #expect(t.shape == [3, 2])
        #expect(t.scalars == [1, 4, 2, 5, 3, 6])
        #expect(try shown("-A.T", after: definitions).scalars == [-1, -4, -2, -5, -3, -6])
        #expect(try shown("A.T.T", after: definitions).scalars == [1, 2, 3, 4, 5, 6])
        #expect(try shown("transpose(A)", after: definitions).shape == [3, 2])

        // The gradient of a transposed input comes back transposed.
        let e = run("A = [[1, 2, 3], [4, 5, 6]]\nf = sum(A.T @ [1, 2])\nexpect df/dA = [[1, 1, 1], [2, 2, 2]]")
        #expect(e.passed)
    }

    @Test func matrixProductShapes() throws {
        let definitions = "A = [[1, 2], [3, 4]]\nu = [1, -1]"
        #expect(try shown("A @ u", after: definitions).scalars == [-1, -1])
        #expect(try shown("u @ A", after: definitions).scalars == [-2, -2])
        #expect(try shown("u @ u", after: definitions).shape == [])
        #expect(try shown("A @ A", after: definitions).scalars == [7, 10, 15, 22])
    }

    @Test func theUnicodeSpellingsOfOperators() throws {
        let e = run("x = −2; y = 5; z = −4\nf = (x + y) · z\ng = x × y\nexpect f = −12, g ≤ −10, g ≥ −10, f = -12 ± 1e-9")
        #expect(e.passed)
        #expect(e.checks.count == 4)
    }

    // MARK: Statements and names

    @Test func semicolonsSeparateStatementsAsNewlinesDo() throws {
        let lines = run("x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z")
        let semicolons = run("x = -2; y = 5; z = -4; q = x + y; f = q * z")
        #expect(lines.named.map(\.name) == semicolons.named.map(\.name))
        expectSameGraph(lines.graph, semicolons.graph)
    }

    @Test func commentsAndBlankLinesAreIgnored() throws {
        let e = run("# the add gate\n\nx = 3   # an input\ny = 4\nf = x + y  # a node\n\nexpect df/dx = 1")
        #expect(e.named.map(\.name) == ["x", "y", "f"])
        #expect(e.passed)
    }

    @Test func unicodeNames() throws {
        let e = run("σ = 0.5\nx₁ = 2\n가 = 1\nα = σ · x₁ × 3 − 가\nexpect dα/dσ = 6, dα/dx₁ = 1.5, dα/d가 = -1")
        #expect(e.named.map(\.name) == ["σ", "x₁", "가", "α"])
        #expect(try node("α", in: e).value.scalar == 2)
        #expect(e.passed)
    }

    @Test func everyOperationIsANodeOfItsOwn() throws {
        let e = run(WorkedExampleTests.sigmoidCircuit)
        // 5 inputs; ×, ×, +, +, negate, exp, the constant 1, +, 1/x.
        #expect(e.graph.nodes.count == 14)
        #expect(e.graph.nodes.filter(\.isInput).count == 6)
        #expect(e.graph.nodes.compactMap { $0.gate?.name } ==
                [Multiply().name, Multiply().name, Add().name, Add().name, Negate().name, Exp().name, Add().name,
                 Reciprocal().name])

        // (x + y) · z in one expression: the sum is a node too, with no name.
        let oneLine = run("x = -2; y = 5; z = -4\nf = (x + y) * z")
        #expect(oneLine.graph.nodes.count == 5)
        #expect(oneLine.graph.nodes[3].gate?.name == Add().name)
        #expect(oneLine.graph.nodes[3].name == nil)
    }

    @Test func oneOverXIsTheReciprocalGateAndTwoOverXIsADivision() throws {
        let one = run("x = 4\nf = 1 / x\nexpect df/dx = -0.0625")
        #expect(one.graph.nodes.count == 2)
        #expect(one.graph.nodes.last?.gate?.name == Reciprocal().name)
        #expect(one.passed)
        let two = run("x = 4\nf = 2 / x\nexpect df/dx = -0.125")
        #expect(two.graph.nodes.count == 3)
        #expect(two.graph.nodes.last?.gate?.name == Divide().name)
        #expect(two.passed)
    }

    @Test func namedAssignmentsNameTheirNodes() throws {
        let e = run(WorkedExampleTests.addMultiply)
        let q = try node("q", in: e)
        #expect(q.name == "q")
        #expect(q.gate?.name == Add().name)
        #expect(q.inputs.map(\.name) == ["x", "y"])
        #expect(try node("f", in: e).inputs.map(\.name) == ["q", "z"])
        #expect(try node("x", in: e).isInput)
    }

    @Test func constantsAndConstructorsDefineInputs() throws {
        let e = run("a = -2\nc = 2 * 3 + 1\nW = randn(2, 2, seed: 0) * 0.01\nb = zeros(2)\nh = c * a\nf = sum(W @ [1, 1] + b) * h")
        for name in ["a", "c", "W", "b"] {
            #expect(try node(name, in: e).isInput, "\(name) is an input")
            #expect(try node(name, in: e).needsGradient)
        }
        #expect(try node("c", in: e).value.scalar == 7)
        #expect(try !node("h", in: e).isInput)
        // Folding makes no nodes: the named ones are a, c, W, b, h and f.
        #expect(e.graph.nodes.filter { $0.name != nil }.count == 6)
    }

    @Test func aDataSetUnpacksIntoDataThatTakesNoGradient() throws {
        let e = run("X, y = spiral(points: 10, classes: 3, seed: 0)\nexpect sum(y) = 30")
        #expect(try node("X", in: e).shape == [30, 2])
        #expect(try node("y", in: e).shape == [30])
        #expect(try !node("X", in: e).needsGradient)
        #expect(e.named.allSatisfy { $0.isData })
        #expect(e.passed)
    }

    @Test func theOutputIsTheLastNodeUnlessBackwardSaysOtherwise() throws {
        let last = run("x = 3\nL = x^2\nacc = L * 0")
        #expect(last.output?.name == "acc")
        let named = run("x = 3\nL = x^2\nacc = L * 0\nbackward L\nexpect dL/dx = 6")
        #expect(named.output?.name == "L")
        #expect(named.passed)
        let bare = run("x = 2\na = x * 3\nbackward\nb = a * 5\nexpect da/dx = 3")
        #expect(bare.output?.name == "a")
        #expect(bare.passed)
    }

}
