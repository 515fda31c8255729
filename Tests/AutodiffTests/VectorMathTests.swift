import Foundation
import Testing
@testable import Autodiff

/// libmvec's exp and log, four at a time: within 4 ulp of libm's everywhere the
/// softmax loss uses them, and the same for an entry whether it falls in a
/// block of four or among the padded last few.
@Suite struct VectorMathTests {
    /// Scores shifted by their row's largest (exp's inputs: at most 0) and row sums (log's: at least 1).
    static let shifted = (0..<1_003).map { -Double($0) * 0.037 }
    static let sums = (0..<1_003).map { 1 + Double($0) * 0.011 }

    func ulps(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(a.ulp, b.ulp) }

    @Test func expIsWithinFourUlpOfLibm() {
        var x = Self.shifted
        x.withUnsafeMutableBufferPointer { VectorMath.exp($0) }
        #expect(zip(x, Self.shifted).allSatisfy { ulps($0, Foundation.exp($1)) <= 4 })
    }

    @Test func logIsWithinFourUlpOfLibm() {
        var x = Self.sums
        x.withUnsafeMutableBufferPointer { VectorMath.log($0) }
        #expect(zip(x, Self.sums).allSatisfy { ulps($0, Foundation.log($1)) <= 4 })
    }

    /// Shifting by one entry moves some entries from a block of four into the padded tail.
    @Test(arguments: [1, 2, 3, 5, 7])
    func anEntryGetsTheSameNumberInTheLastFewAsInABlockOfFour(_ count: Int) {
        let values = Array(Self.shifted.prefix(count))
        var alone = values, shifted = [-0.5] + values
        alone.withUnsafeMutableBufferPointer { VectorMath.exp($0) }
        shifted.withUnsafeMutableBufferPointer { VectorMath.exp($0) }
        #expect(alone == Array(shifted.dropFirst()))
    }
}
