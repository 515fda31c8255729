#if canImport(Glibc)
import Glibc
#endif

/// A seeded random number generator: xoshiro256** (Blackman and Vigna, 2018),
/// its 256-bit state filled from a `UInt64` seed by SplitMix64.
///
/// The algorithm is written out here, on 64-bit integers only, so the same
/// seed gives the same numbers on every machine and every Swift version —
/// unlike `SystemRandomNumberGenerator`, which cannot be seeded. Every
/// initialization, data set and minibatch order in a lecture is reproducible.
///
///     next:  result = rotl(s1 · 5, 7) · 9
///            t = s1 << 17
///            s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
///     seed:  z += 0x9e3779b97f4a7c15
///            z = (z ^ (z >> 30)) · 0xbf58476d1ce4e5b9
///            z = (z ^ (z >> 27)) · 0x94d049bb133111eb
///            s_i = z ^ (z >> 31), four times
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64
    /// Box–Muller makes normals in pairs; the second waits here for the next call.
    private var spareNormal: Double?

    /// A generator whose whole sequence follows from `seed`.
    public init(seed: UInt64) {
        // SplitMix64 spreads any seed (even 0) over the state, which must not be all zeros.
        var z = seed
        func splitMix() -> UInt64 {
            z &+= 0x9e37_79b9_7f4a_7c15
            var x = z
            x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
            x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
            return x ^ (x >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform number in [0, 1): the top 53 bits, as many as a `Double` holds exactly.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform number in [low, high), as `np.random.uniform(low, high)`.
    public mutating func uniform(low: Double, high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// An integer in 0..<n, without bias (Lemire's multiply-and-reject).
    public mutating func integer(below n: Int) -> Int {
        precondition(n > 0, "no integer is below \(n)")
        let bound = UInt64(n)
        let threshold = (0 &- bound) % bound  // 2⁶⁴ mod n: the low products to reject
        while true {
            let (high, low) = next().multipliedFullWidth(by: bound)
            if low >= threshold { return Int(high) }
        }
    }

    /// A standard normal number (mean 0, standard deviation 1), as `np.random.randn()`.
    ///
    /// Box–Muller: from uniform u1 in (0, 1] and u2 in [0, 1), r = √(−2 ln u1)
    /// and θ = 2π·u2 give two independent normals r·cos θ and r·sin θ.
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let u1 = 1 - uniform()  // in (0, 1], so the log is finite
        let u2 = uniform()
        let r = (-2 * log(u1)).squareRoot()
        let theta = 2 * Double.pi * u2
        spareNormal = r * sin(theta)
        return r * cos(theta)
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

extension Tensor {
    /// Standard normal entries, as `np.random.randn(*shape)`: the lecture's `0.01 * randn(D, H)` initialization.
    public static func randn(_ shape: [Int], seed: UInt64) -> Tensor {
        var random = SeededRandom(seed: seed)
        var tensor = Tensor.zeros(shape)
        tensor.scalars.withUnsafeMutableBufferPointer { entries in
            for i in entries.indices { entries[i] = random.normal() }
        }
        return tensor
    }

    /// Uniform entries in [low, high), as `np.random.uniform(low, high, shape)`.
    public static func uniform(_ shape: [Int], low: Double = 0, high: Double = 1, seed: UInt64) -> Tensor {
        var random = SeededRandom(seed: seed)
        var tensor = Tensor.zeros(shape)
        tensor.scalars.withUnsafeMutableBufferPointer { entries in
            for i in entries.indices { entries[i] = random.uniform(low: low, high: high) }
        }
        return tensor
    }
}
