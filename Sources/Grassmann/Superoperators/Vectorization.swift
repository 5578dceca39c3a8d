/// Vectorisation of operators with the paper's convention |i⟩⟨j| → |j⟩ ⊗ |i⟩ (AX(S5)).
///
/// With the Kronecker product (A ⊗ B)_{(i·d+k),(j·d+l)} = A_ij B_kl, the vector |j⟩ ⊗ |i⟩ has its 1
/// at index j·d + i: the convention is **column stacking** (the row index i runs fastest). Column
/// stacking is exactly the ordering for which vec(A B C) = (Cᵀ ⊗ A) vec(B) holds (AX(S9)); the
/// tests check both statements on random matrices.
public enum Vectorization {
    /// Index of |i⟩⟨j| in vec space: j·d + i (AX(S5)).
    @inline(__always)
    public static func index(row i: Int, column j: Int, dimension d: Int) -> Int { j * d + i }

    /// vec(A) = Σ_ij A_ij |j⟩ ⊗ |i⟩ (AX(S6)) as a sparse vector.
    public static func vec<C: OperatorCoefficient>(_ a: SparseMatrix<C>) -> SparseVector<C> {
        var v: SparseVector<C> = [:]
        for (i, j, c) in a.entries { v[index(row: i, column: j, dimension: a.rowCount)] = c }
        return v
    }
    /// The inverse of `vec`.
    public static func unvec<C: OperatorCoefficient>(_ v: SparseVector<C>, dimension d: Int) -> SparseMatrix<C> {
        var a = SparseMatrix<C>(rows: d, columns: d)
        for (k, c) in v { a[k % d, k / d] = c }
        return a
    }
    /// vec(I) = Σ_i |i⟩ ⊗ |i⟩ (AX(S21)).
    public static func vecIdentity<C: OperatorCoefficient>(dimension d: Int) -> SparseVector<C> {
        var v: SparseVector<C> = [:]
        for i in 0..<d { v[index(row: i, column: i, dimension: d)] = .one }
        return v
    }
    /// Hilbert–Schmidt inner product (A, B) = tr[A† B] = vec(A)† vec(B) (AX(S8)).
    public static func inner<C: OperatorCoefficient>(_ a: SparseVector<C>, _ b: SparseVector<C>) -> C {
        var s = C.zero
        for (k, x) in a { if let y = b[k] { s = s + x.conjugated * y } }
        return s
    }
}

/// A linear map on operators ρ ↦ 𝒮ρ, stored as its d² × d² matrix in the vectorisation of AX(S5).
public struct SuperOperator<C: OperatorCoefficient>: Hashable, Sendable {
    /// Dimension d of the Hilbert space the operators act on.
    public let dimension: Int
    /// The matrix Š with vec(𝒮ρ) = Š vec(ρ) (AX(S13)).
    public var matrix: SparseMatrix<C>

    public init(dimension: Int, matrix: SparseMatrix<C>) {
        self.dimension = dimension
        self.matrix = matrix
    }
    /// ρ ↦ A ρ B, matrix Bᵀ ⊗ A (AX(S10)).
    public static func sandwich(_ a: SparseMatrix<C>, _ b: SparseMatrix<C>) -> SuperOperator {
        SuperOperator(dimension: a.rowCount, matrix: .kronecker(b.transpose, a))
    }
    /// ρ ↦ A ρ, matrix I ⊗ A (AX(S11)).
    public static func left(_ a: SparseMatrix<C>) -> SuperOperator {
        SuperOperator(dimension: a.rowCount, matrix: .kronecker(.identity(a.rowCount), a))
    }
    /// ρ ↦ ρ A, matrix Aᵀ ⊗ I (AX(S12)).
    public static func right(_ a: SparseMatrix<C>) -> SuperOperator {
        SuperOperator(dimension: a.rowCount, matrix: .kronecker(a.transpose, .identity(a.rowCount)))
    }
    /// ρ ↦ −i[H, ρ], matrix −i(I ⊗ H − Hᵀ ⊗ I) (AX(S14)).
    public static func commutator(_ h: SparseMatrix<C>) -> SuperOperator {
        (-C.imaginaryUnit) * (left(h) - right(h))
    }

    public static func + (a: SuperOperator, b: SuperOperator) -> SuperOperator {
        SuperOperator(dimension: a.dimension, matrix: a.matrix + b.matrix)
    }
    public static func - (a: SuperOperator, b: SuperOperator) -> SuperOperator {
        SuperOperator(dimension: a.dimension, matrix: a.matrix - b.matrix)
    }
    public static func * (c: C, a: SuperOperator) -> SuperOperator {
        SuperOperator(dimension: a.dimension, matrix: c * a.matrix)
    }
    /// Composition (𝒜𝓑)ρ = 𝒜(𝓑ρ).
    public static func * (a: SuperOperator, b: SuperOperator) -> SuperOperator {
        SuperOperator(dimension: a.dimension, matrix: a.matrix * b.matrix)
    }
    /// Applies the map to an operator given as a matrix.
    public func callAsFunction(_ rho: SparseMatrix<C>) -> SparseMatrix<C> {
        Vectorization.unvec(matrix.apply(Vectorization.vec(rho)), dimension: dimension)
    }
    /// Applies the map to a vectorised operator.
    public func apply(_ v: SparseVector<C>) -> SparseVector<C> { matrix.apply(v) }
    /// Adjoint with respect to the Hilbert–Schmidt product: (A, 𝒮B) = (𝒮†A, B); matrix Š†.
    public var adjoint: SuperOperator { SuperOperator(dimension: dimension, matrix: matrix.adjoint) }
}
