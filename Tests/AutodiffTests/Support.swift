import Testing
@testable import Autodiff

/// Whether `value` rounds to `written` at the precision it is written with,
/// the way the lecture rounds its figures: 0.73 stands for [0.725, 0.735].
func rounds(_ value: Double, to written: Double, places: Int) -> Bool {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return abs(value - written) <= 0.5 / scale + 1e-12
}

/// Whether every entry of `tensor` is within `tolerance` of `expected`.
func close(_ tensor: Tensor, _ expected: [Double], within tolerance: Double = 1e-12) -> Bool {
    tensor.count == expected.count && zip(tensor.scalars, expected).allSatisfy { abs($0 - $1) <= tolerance }
}
