/// A gate of the computational graph: an operation with its forward and its backward.
///
/// Forward computes the output from the inputs. Backward takes the upstream
/// gradient (the output node's `gradient`) and adds upstream × local into each
/// input's gradient — a vector–Jacobian product; no gate ever forms the full
/// Jacobian. Gates add (`+=`) rather than assign because a value used twice
/// receives a gradient from each use.
public protocol Gate: AnyObject, Sendable {
    /// The lecture's name of the op: `"multiply"`, `"sigmoid"`.
    var name: String { get }
    /// What a drawing writes in the node: `"+"`, `"×"`, `"exp"`, `"1/x"`, `"σ"`, `"@"`.
    var symbol: String { get }
    /// The output shape for inputs of these shapes; throws when they do not fit.
    func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int]
    /// Writes the output into `output.value`, which already has the right shape.
    func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError)
    /// Adds `output.gradient` × ∂output/∂input into each input's gradient that is needed.
    func backward(_ inputs: [Node], _ output: Node)
    /// True when backward hands out gradients through `Node.receiveGradient`,
    /// so an input's first gradient may be written instead of added to zeros.
    /// Other gates find their inputs' gradients zeroed, and add.
    var writesFirstGradient: Bool { get }
    /// True when finite inputs always give a finite output (ReLU, σ, max), so
    /// forward need not scan the output for NaN and ∞.
    var keepsFinite: Bool { get }
    /// Why this gate's output entry `index` is not finite, naming the values involved.
    func explainNonFinite(_ inputs: [Node], at index: Int) -> AutodiffError
}

extension Gate {
    public var keepsFinite: Bool { false }
    public var writesFirstGradient: Bool { false }

    public func explainNonFinite(_ inputs: [Node], at index: Int) -> AutodiffError {
        AutodiffError(.nonFinite, "\(name) produced a value that is not finite")
    }
}

/// A gate that works entry by entry and whose local gradients are numbers.
///
/// Its whole lecture is two functions: the forward of one entry, and the
/// local gradient of that entry with respect to each input. The protocols
/// below turn them into a forward and backward over tensors.
public protocol ElementwiseGate: Gate {
    /// The local gradients ∂y/∂xᵢ of one entry, given the inputs and the output.
    func local(_ x: [Double], _ y: Double) -> [Double]
}
