/// Contour lines of a function sampled on a grid, by marching squares: each
/// cell whose corners straddle a level gets a segment between the two edges
/// where the level is crossed (found by linear interpolation).
enum Contours {
    /// A function of two variables sampled at `xs` × `ys`: `values[j][i]` is f(xs[i], ys[j]).
    struct Grid: Sendable, Equatable {
        let xs: [Double]
        let ys: [Double]
        let values: [[Double]]
    }

    /// Segments of the level curve f = `level`, in data coordinates.
    static func segments(_ grid: Grid, level: Double) -> [((Double, Double), (Double, Double))] {
        var segments: [((Double, Double), (Double, Double))] = []
        for j in 0..<max(0, grid.ys.count - 1) {
            for i in 0..<max(0, grid.xs.count - 1) {
                let corners = [(grid.xs[i], grid.ys[j], grid.values[j][i]), (grid.xs[i + 1], grid.ys[j], grid.values[j][i + 1]),
                               (grid.xs[i + 1], grid.ys[j + 1], grid.values[j + 1][i + 1]), (grid.xs[i], grid.ys[j + 1], grid.values[j + 1][i])]
                var crossings: [(Double, Double)] = []
                for k in 0..<4 {
                    let (a, b) = (corners[k], corners[(k + 1) % 4])
                    guard (a.2 < level) != (b.2 < level) else { continue }
                    let t = (level - a.2) / (b.2 - a.2)
                    crossings.append((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1)))
                }
                // Two crossings make one segment; four (a saddle cell) make two.
                if crossings.count >= 2 { segments.append((crossings[0], crossings[1])) }
                if crossings.count == 4 { segments.append((crossings[2], crossings[3])) }
            }
        }
        return segments
    }

    /// About `count` levels between the grid's lowest and highest value, denser near the minimum
    /// (spaced by squares, as a bowl's level curves are).
    static func levels(_ grid: Grid, count: Int = 12) -> [Double] {
        let all = grid.values.flatMap { $0 }.filter(\.isFinite)
        guard let low = all.min(), let high = all.max(), high > low else { return [] }
        return (1...count).map { k in
            let t = Double(k) / Double(count + 1)
            return low + (high - low) * t * t
        }
    }
}
