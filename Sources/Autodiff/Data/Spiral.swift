#if canImport(Glibc)
import Glibc
#endif

/// A data set for classification: inputs `X`, one row per example, and their labels `y`.
///
/// The names are the lecture's (`X` is a matrix, `y` a vector), so a page can
/// quote the code next to the notes' `X[ix]` and `y[ix]`.
public struct Dataset: Equatable, Sendable {
    /// The inputs, shape [N, D]: one example per row.
    public var X: Tensor
    /// The labels, shape [N]: class indices 0..<K, stored as whole `Double`s.
    public var y: Tensor

    /// A data set of the given inputs and labels, one label per row.
    public init(X: Tensor, y: Tensor) {
        precondition(X.rank >= 1 && y.shape == [X.shape[0]],
                     "labels of shape \(y.shape) do not fit inputs of shape \(X.shape)")
        self.X = X
        self.y = y
    }

    /// The number of examples N.
    public var count: Int { y.count }
}

/// The spiral data set of the CS231n case study: K arms of N points each in
/// the plane, which no linear classifier separates and a two-layer net does.
public enum Spiral {
    /// The case study's construction, with randn from `SeededRandom(seed:)`:
    ///
    ///     for j in range(K):
    ///       ix = range(N*j, N*(j+1))
    ///       r = np.linspace(0.0, 1, N)                                      # radius
    ///       t = np.linspace(j*4, (j+1)*4, N) + np.random.randn(N)*0.2       # theta
    ///       X[ix] = np.c_[r*np.sin(t), r*np.cos(t)]
    ///       y[ix] = j
    ///
    /// X has shape [N·K, 2] and y shape [N·K]; class j fills rows N·j ..< N·(j+1).
    public static func make(points: Int = 100, classes: Int = 3, noise: Double = 0.2,
                            seed: UInt64 = 0) -> Dataset {
        precondition(points > 0 && classes > 0, "a spiral needs points and classes")
        var random = SeededRandom(seed: seed)  // one stream for all classes, as numpy's global one
        var X = Tensor.zeros([points * classes, 2])
        var y = Tensor.zeros([points * classes])
        let r = linspace(0, 1, points)
        for j in 0..<classes {
            let t = linspace(Double(j * 4), Double((j + 1) * 4), points)
            for i in 0..<points {
                let row = points * j + i
                let theta = t[i] + random.normal() * noise
                X.scalars[2 * row] = r[i] * sin(theta)
                X.scalars[2 * row + 1] = r[i] * cos(theta)
                y.scalars[row] = Double(j)
            }
        }
        return Dataset(X: X, y: y)
    }

    /// `np.linspace(start, stop, count)`: evenly spaced, both ends included,
    /// the last exactly `stop` (so the outermost point has radius 1).
    static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
        guard count > 1 else { return [start] }
        let step = (stop - start) / Double(count - 1)
        var values = (0..<count).map { start + Double($0) * step }
        values[count - 1] = stop
        return values
    }
}
