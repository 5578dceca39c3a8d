import Foundation
import Symbolic
import Grassmann

/// A superoperator value: a matrix on vectorised operators (column stacking, AX(S5)), a GKSL form
/// (`LindbladForm`, whose matrix is built only when needed), or a map known only through its action
/// (the effective generator of the projection method, evaluated on the operators it is applied to).
struct Superoperator: @unchecked Sendable {
    let dimension: Int
    let action: (SparseVector<Expr>) -> SparseVector<Expr>
    private let lazyMatrix: Lazy<SuperOperator<Expr>>?
    /// The GKSL form, when the value was built from `liouvillian`, `dissipator`, `lindblad`, their
    /// sums and scalar multiples.
    let form: LindbladForm?
    private let lazyPlan: Lazy<NumericPlan>?
    /// How it was built, for messages (`lindblad(H, J1)`, `effective(L0, L1)`).
    let origin: String

    init(_ s: SuperOperator<Expr>, origin: String) {
        dimension = s.dimension
        lazyMatrix = Lazy { s }
        action = { s.apply($0) }
        form = nil
        lazyPlan = nil
        self.origin = origin
    }
    init(form: LindbladForm, origin: String) {
        dimension = form.dimension
        let m = Lazy { form.symbolic }
        lazyMatrix = m
        action = { m.value.apply($0) }
        self.form = form
        lazyPlan = Lazy { form.plan }
        self.origin = origin
    }
    init(dimension: Int, origin: String, action: @escaping (SparseVector<Expr>) -> SparseVector<Expr>) {
        self.dimension = dimension
        self.lazyMatrix = nil
        self.form = nil
        self.lazyPlan = nil
        self.action = action
        self.origin = origin
    }
    func apply(_ x: SparseVector<Expr>) -> SparseVector<Expr> { action(x) }

    /// The symbolic matrix, when the value has one (built on first use for a GKSL form).
    var matrix: SuperOperator<Expr>? { lazyMatrix?.value }

    /// The numeric lowering plan of a GKSL form (nil for other superoperators).
    var plan: NumericPlan? { lazyPlan?.value }

    /// The matrix, computed column by column for a map known only through its action.
    var materialized: SuperOperator<Expr> {
        if let matrix { return matrix }
        let n = dimension * dimension
        var m = SparseMatrix<Expr>(rows: n, columns: n)
        for j in 0..<n { for (i, x) in action([j: .one]) { m[i, j] = x } }
        return SuperOperator(dimension: dimension, matrix: m)
    }

    /// The floating matrix at numeric values of every symbol: straight from the GKSL form
    /// (`NumericPlan`) when there is one, else the symbolic matrix evaluated entry by entry.
    func numeric(at values: [Symbol: Grassmann.ComplexDouble]) throws -> CompressedSparseMatrix {
        if let plan { return try plan.liouvillian(at: values) }
        let m = materialized.matrix
        var cache: [Expr: Grassmann.ComplexDouble] = [:]
        var triplets: [(Int, Int, Grassmann.ComplexDouble)] = []
        for (i, j, e) in m.entries {
            let x: Grassmann.ComplexDouble
            if let c = cache[e] { x = c } else { x = try DoubleEvaluation.evaluate(e, at: values); cache[e] = x }
            triplets.append((i, j, x))
        }
        return CompressedSparseMatrix(rows: m.rowCount, columns: m.columnCount, triplets: triplets)
    }
}

/// A value computed once, on first use (thread-safe).
final class Lazy<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?
    private let make: () -> T
    init(_ make: @escaping () -> T) { self.make = make }
    var value: T {
        lock.lock(); defer { lock.unlock() }
        if let stored { return stored }
        let v = make()
        stored = v
        return v
    }
}

/// A vector of components with a name for each component (the residual of a fit, a state's
/// amplitudes), compared component by component.
struct ComponentVector: Sendable {
    var components: SparseVector<Expr>
    var label: @Sendable (Int) -> String
}

/// The typed values of the derivation language (docs/ARCHITECTURE.md, "The derivation language"): a value of
/// a ```define line or of a claim's `printed:`/`computed:` is one of these.
enum ModelValue: @unchecked Sendable {
    /// A scalar expression (the only kind the scalar syntax of derivations/README.md has).
    case scalar(Expr)
    /// An operator on the declared modes' Hilbert space (a sparse matrix in the occupation basis).
    case `operator`(SparseMatrix<Expr>)
    case superoperator(Superoperator)
    /// A ket (column) or, with `isBra`, a bra (row) in the occupation basis.
    case state(SparseVector<Expr>, isBra: Bool)
    case vector(ComponentVector)
    /// A named tuple, e.g. the coefficients of a fit.
    case record([String: ModelValue], order: [String], guardMessage: String?)
    case list([ModelValue])
    /// A mode (an operand of `ket(d[up]=1)`).
    case mode(Int)
    /// An index set (`{up, dn}`, `0..3`).
    case indexSet([IndexValue])
    /// An index value bound by `sum(s in …)`.
    case index(IndexValue)
    /// A diagonal conserved quantity for `slow: same(Nd, Nc)`.
    case sameEigenvalues([SparseMatrix<Expr>])
    /// The keyword `kernel` of `slow: kernel`.
    case kernel
    /// Floating-point numbers computed numerically (`spectrum`), compared with printed numbers within
    /// an absolute tolerance (`NumericSpectrum.compare`).
    case floating([Grassmann.ComplexDouble], tolerance: Double, what: String)

    var isScalar: Bool { if case .scalar = self { return true }; return false }

    var kindName: String {
        switch self {
        case .scalar: return "a scalar"
        case .operator: return "an operator"
        case .superoperator: return "a superoperator"
        case .state(_, let bra): return bra ? "a bra" : "a ket"
        case .vector: return "a vector of components"
        case .record: return "a record"
        case .list: return "a list"
        case .mode: return "a mode"
        case .indexSet: return "an index set"
        case .index: return "an index value"
        case .sameEigenvalues: return "a slow-space rule"
        case .kernel: return "the keyword `kernel`"
        case .floating(let v, _, _): return v.count == 1 ? "a floating-point number" : "a list of floating-point numbers"
        }
    }
}
