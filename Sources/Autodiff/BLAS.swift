import CBLAS
import Foundation
import Synchronization

/// Matrix products through OpenBLAS (but for an inner size of at most 4, see
/// `ThinProduct`, and Aᵀ·B with a result of at most 4 columns or rows, see
/// `NarrowProduct`). The only file that touches cblas, and the one that opens OpenBLAS.
enum BLAS {
    /// A matrix as BLAS sees it: `rows` × `columns`, stored row-major, read
    /// transposed when `transposed` is set.
    struct Operand {
        var rows: Int
        var columns: Int
        var transposed = false

        /// The operand read as its transpose.
        var t: Operand { Operand(rows: rows, columns: columns, transposed: !transposed) }
        /// Rows after the optional transpose.
        var effectiveRows: Int { transposed ? columns : rows }
        /// Columns after the optional transpose.
        var effectiveColumns: Int { transposed ? rows : columns }
    }


    /// c = a·b, or c += a·b when `accumulate` is set; shapes are checked by the caller.
    static func multiply(_ a: [Double], _ shapeA: Operand, _ b: [Double], _ shapeB: Operand,
                         into c: inout [Double], accumulate: Bool) {
        c.withUnsafeMutableBufferPointer { multiply(a, shapeA, b, shapeB, into: $0, accumulate: accumulate) }
    }

    /// c = a·b, or c += a·b when `accumulate` is set, into a buffer.
    static func multiply(_ a: [Double], _ shapeA: Operand, _ b: [Double], _ shapeB: Operand,
                         into c: UnsafeMutableBufferPointer<Double>, accumulate: Bool) {
        let m = shapeA.effectiveRows, k = shapeA.effectiveColumns, n = shapeB.effectiveColumns
        precondition(shapeB.effectiveRows == k && c.count == m * n, "matrix product of unfit shapes")
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if !accumulate { c.update(repeating: 0) }
            return
        }
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                if k <= ThinProduct.largestInnerSize {
                    ThinProduct.multiply(a, shapeA, b, shapeB, into: c, accumulate: accumulate)
                    return
                }
                if NarrowProduct.fits(shapeA, shapeB, m: m, n: n, k: k) {
                    NarrowProduct.multiply(a, shapeA, b, shapeB, into: c, accumulate: accumulate)
                    return
                }
                MatrixProducts.prepare(m * n * k)
                OpenBLAS.library.dgemm(CblasRowMajor,
                            shapeA.transposed ? CblasTrans : CblasNoTrans,
                            shapeB.transposed ? CblasTrans : CblasNoTrans,
                            Int32(m), Int32(n), Int32(k),
                            1, a.baseAddress, Int32(max(shapeA.columns, 1)),
                            b.baseAddress, Int32(max(shapeB.columns, 1)),
                            accumulate ? 1 : 0, c.baseAddress, Int32(n))
            }
        }
    }
}

/// How many threads OpenBLAS may use for one product.
///
/// A large product of a lone example (`gradbook eval`, a one-example lecture)
/// may use every core, as numpy's does: a CIFAR-sized step takes 4.5 ms
/// instead of 7.8. Small products always stay on the calling thread (waking
/// OpenBLAS's workers for them made the case study 10 % slower), and so does
/// every product while a course runs its examples side by side, which keeps
/// the cores busy already: OpenBLAS's workers would only compete with them and
/// spin in `sched_yield` after each product (measured: 12–18 % of a gradient
/// check's time). Debian's single-threaded OpenBLAS is no way out: it is not
/// safe to call from several threads at once (the course's trained losses
/// came out different from run to run with it).
public enum MatrixProducts {
    /// The shared library the products come from, opened by this name on first use.
    public static let library = "libopenblas.so.0"

    /// Opens OpenBLAS now rather than on the first product that needs it: a
    /// benchmark does so before its clock starts, as a numpy script imports numpy.
    public static func openLibrary() { _ = OpenBLAS.library }
    /// Products of at least this many multiply–adds (m·n·k) may use more than one thread.
    static let large = 1 << 20
    /// (allowed for large products, last count given to OpenBLAS)
    private static let threads = Mutex((allowed: ProcessInfo.processInfo.activeProcessorCount, set: 0))

    /// Lets large products use up to `count` threads from now on.
    public static func allowThreads(_ count: Int) {
        threads.withLock { $0.allowed = max(count, 1) }
    }

    /// The threads a product of `work` multiply–adds may use when `allowed` are.
    static func threads(for work: Int, allowed: Int) -> Int {
        work >= large ? allowed : 1
    }

    /// Tells OpenBLAS how many threads the next product of m·n·k multiply–adds may use.
    static func prepare(_ work: Int) {
        threads.withLock { threads in
            let count = Self.threads(for: work, allowed: threads.allowed)
            if count != threads.set {
                OpenBLAS.library.setThreads(Int32(count))
                threads.set = count
            }
        }
    }
}

/// OpenBLAS, opened when the first product needs it (one with an inner size over 4), instead of linked.
///
/// Loading OpenBLAS starts its worker threads, and each spins (in `sched_yield`)
/// for 2²⁸ cycles looking for work before it sleeps: measured, 0.1 s of a core
/// at the start of every gradbook process, even one that multiplies nothing —
/// on two cores, time taken from the build. OpenBLAS reads how long its workers
/// spin from `OPENBLAS_THREAD_TIMEOUT` only as it loads, so it is set first
/// (unless the user has set it): 2²⁰ cycles, about 0.4 ms, still long enough
/// for a worker to catch the next product of a training step.
private enum OpenBLAS {
    typealias Dgemm = @convention(c) (CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, blasint, blasint, blasint,
                                      Double, UnsafePointer<Double>?, blasint, UnsafePointer<Double>?, blasint,
                                      Double, UnsafeMutablePointer<Double>?, blasint) -> Void
    typealias SetThreads = @convention(c) (Int32) -> Void

    /// The functions gradbook calls, from the library Debian's alternatives choose (as the linker would).
    static let library: (dgemm: Dgemm, setThreads: SetThreads) = {
        setenv("OPENBLAS_THREAD_TIMEOUT", "20", 0)
        // Lazily bound: its 1,981 calls through the PLT are found as they are first made,
        // not all at once (dlopen in gradbook: 19.6 → 16.5 M instructions, callgrind).
        guard let handle = dlopen(MatrixProducts.library, RTLD_LAZY | RTLD_LOCAL) else {
            fatalError("cannot open OpenBLAS (libopenblas.so.0): \(String(cString: dlerror())); install libopenblas-dev")
        }
        func function<F>(_ name: String, as type: F.Type) -> F {
            guard let symbol = dlsym(handle, name) else { fatalError("OpenBLAS has no \(name)") }
            return unsafeBitCast(symbol, to: type)
        }
        return (function("cblas_dgemm", as: Dgemm.self), function("openblas_set_num_threads", as: SetThreads.self))
    }()
}
