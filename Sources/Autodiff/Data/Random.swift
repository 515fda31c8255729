import Foundation
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
    ///
    /// The entries are the first of the seed's sequence of normals, whatever the
    /// shape: `randn(10, 3072, seed: 2)` is the first ten rows of `randn(100, 3072, seed: 2)`.
    public static func randn(_ shape: [Int], seed: UInt64) -> Tensor {
        Tensor(shape: shape, scalars: NormalSequences.shared.first(Tensor.count(of: shape), seed: seed))
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

/// The normals drawn from each seed so far, kept for the whole process.
///
/// A course draws the same weights again and again: lecture 07 draws
/// W1 = randn(100, 3072, seed: 2) in three examples and ten rows of it in a
/// fourth, 1.3 million normals in all where 0.33 million are different, at
/// about 20 ns each (a logarithm, a sine and a cosine per pair): 26 ms of
/// the lecture's CPU, and of each of its copies in a build of many. Kept,
/// each seed's sequence is drawn once, as far as the longest request, and
/// later requests copy its start (or share it, when they want all of it).
/// The numbers are those a fresh `SeededRandom` gives: the generator's state
/// is kept with the sequence and goes on from where it stopped.
///
/// Only sequences of up to `longest` normals are kept, and `budget` in all
/// (8 and 32 MB); longer ones are drawn each time as before.
final class NormalSequences: @unchecked Sendable {
    static let shared = NormalSequences()
    static let longest = 1 << 20, budget = 1 << 22

    /// One seed's normals and the generator that drew them, behind a lock of its own.
    private final class Sequence: @unchecked Sendable {
        let lock = NSLock()
        var random: SeededRandom
        var normals: [Double] = []
        init(seed: UInt64) { random = SeededRandom(seed: seed) }
    }

    private let lock = NSLock()
    private var sequences: [UInt64: Sequence] = [:]
    private var kept = 0

    /// The first `count` normals of `seed`'s sequence.
    ///
    /// The normals still missing are drawn outside the lock, from a copy of the
    /// generator, and kept if no one kept more meanwhile: two cores that want
    /// the same new normals at once both draw them, and neither waits for the other.
    func first(_ count: Int, seed: UInt64) -> [Double] {
        guard let sequence = sequence(seed, reaching: count) else { return Self.draw(count, seed: seed) }
        var (normals, random) = sequence.lock.withLock { (sequence.normals, sequence.random) }
        if normals.count >= count { return normals.count == count ? normals : Array(normals[..<count]) }
        normals.reserveCapacity(count)
        for _ in normals.count..<count { normals.append(random.normal()) }
        sequence.lock.withLock {
            if sequence.normals.count < normals.count { (sequence.normals, sequence.random) = (normals, random) }
        }
        return normals
    }

    /// The kept sequence of `seed`, made room for up to `count` normals; nil when it may not grow that far.
    private func sequence(_ seed: UInt64, reaching count: Int) -> Sequence? {
        guard count <= Self.longest else { return nil }
        return lock.withLock {
            let sequence = sequences[seed]
            let grows = max(0, count - (sequence?.normals.count ?? 0))  // an estimate: another request may be growing it
            guard kept + grows <= Self.budget else { return sequence.flatMap { $0.normals.count >= count ? $0 : nil } }
            kept += grows
            if let sequence { return sequence }
            let new = Sequence(seed: seed)
            sequences[seed] = new
            return new
        }
    }

    /// The first `count` normals of `seed`, from a generator of their own.
    private static func draw(_ count: Int, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        return [Double](unsafeUninitializedCapacity: count) { entries, initialized in
            for i in 0..<count { entries[i] = random.normal() }
            initialized = count
        }
    }
}
