import Symbolic
import Grassmann

/// A superoperator value: a matrix on vectorised operators (column stacking, AX(S5)), or a map
/// known only through its action (the effective generator of the projection method, evaluated on
/// the operators it is applied to).
struct Superoperator: @unchecked Sendable {
    let dimension: Int
    let action: ([Int: Expr]) -> [Int: Expr]
    let matrix: SuperOperator<Expr>?
    /// How it was built, for messages (`lindblad(H, J1)`, `effective(L0, L1)`).
    let origin: String

    init(_ s: SuperOperator<Expr>, origin: String) {
        dimension = s.dimension
        matrix = s
        action = { s.apply($0) }
        self.origin = origin
    }
    init(dimension: Int, origin: String, action: @escaping ([Int: Expr]) -> [Int: Expr]) {
        self.dimension = dimension
        self.matrix = nil
        self.action = action
        self.origin = origin
    }
    func apply(_ x: [Int: Expr]) -> [Int: Expr] { action(x) }

    /// The matrix, computed column by column for a map known only through its action.
    var materialized: SuperOperator<Expr> {
        if let matrix { return matrix }
        let n = dimension * dimension
        var m = SparseMatrix<Expr>(rows: n, columns: n)
        for j in 0..<n { for (i, x) in action([j: .one]) { m[i, j] = x } }
        return SuperOperator(dimension: dimension, matrix: m)
    }
}

/// A vector of components with a name for each component (the residual of a fit, a state's
/// amplitudes), compared component by component.
struct ComponentVector: Sendable {
    var components: [Int: Expr]
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
    case state([Int: Expr], isBra: Bool)
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
        }
    }
}
