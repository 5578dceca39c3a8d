import Foundation
import Symbolic
import Grassmann

/// A superoperator kept in GKSL form instead of as a matrix on vectorised operators:
///
///   S ρ = −i(H ρ − ρ H) + Σ_ℓ r_ℓ (J_ℓ ρ J_ℓ† − ½{J_ℓ†J_ℓ, ρ}),
///
/// with H and the J_ℓ operators (symbolic sparse matrices in the occupation basis of the declared
/// modes) and r_ℓ scalar rates. `liouvillian(H)`, `dissipator(J)`, `lindblad(H, J…)`, their sums and
/// scalar multiples stay in this form (linear in H and in the rates: k·S has kH and k r_ℓ), so that
///
/// - the symbolic matrix on the d² vectorised operators is built only when an exact operation needs
///   it (`symbolic`, the Kronecker-sum definition of `Lindbladian`), and
/// - a numeric point of parameter space is lowered straight to the floating Liouvillian: the distinct
///   scalar entries of H, J_ℓ and r_ℓ are evaluated once, the CSR matrices of H and J_ℓ filled, and Ľ
///   assembled row by row (`LiouvillianAssembly`, AX(S14) in the vectorisation AX(S5)) — no symbolic
///   superoperator is ever formed (`NumericPlan`).
struct LindbladForm: @unchecked Sendable {
    let dimension: Int
    var hamiltonian: SparseMatrix<Expr>
    var jumps: [(rate: Expr, operator: SparseMatrix<Expr>)]

    static func liouvillian(_ h: SparseMatrix<Expr>) -> LindbladForm {
        LindbladForm(dimension: h.rowCount, hamiltonian: h, jumps: [])
    }
    static func dissipator(_ j: SparseMatrix<Expr>) -> LindbladForm {
        LindbladForm(dimension: j.rowCount, hamiltonian: SparseMatrix(rows: j.rowCount, columns: j.rowCount), jumps: [(.one, j)])
    }

    static func + (a: LindbladForm, b: LindbladForm) -> LindbladForm {
        LindbladForm(dimension: a.dimension, hamiltonian: a.hamiltonian + b.hamiltonian, jumps: a.jumps + b.jumps)
    }
    func scaled(_ k: Expr) -> LindbladForm {
        LindbladForm(dimension: dimension, hamiltonian: k * hamiltonian, jumps: jumps.map { (k * $0.rate, $0.operator) })
    }

    /// The symbolic matrix: −i[H, ·] + Σ r_ℓ 𝒟[J_ℓ] as Kronecker sums (`Lindbladian`).
    var symbolic: SuperOperator<Expr> {
        var l = SuperOperator<Expr>.commutator(hamiltonian)
        for (r, j) in jumps {
            let d = Lindbladian<Expr>.dissipator(j)
            l = l + (r == .one ? d : r * d)
        }
        return l
    }

    /// Entries of the symbolic matrix in the worst case, checked against
    /// `ModelFunctions.maximumSymbolicEntries` before an exact operation builds it.
    var symbolicEntryEstimate: Int {
        2 * hamiltonian.nonzeroCount * dimension + jumps.reduce(0) { $0 + ModelFunctions.dissipatorSize($1.operator) }
    }

    /// The lowering plan of this form (built once per form, reused at every parameter point).
    var plan: NumericPlan { NumericPlan(self) }
}

/// The floating Liouvillian of a `LindbladForm` at a point of parameter space. The structure (the
/// CSR pattern of H and of each J_ℓ, and which distinct scalar expression sits in each entry) is
/// computed once; `liouvillian(at:)` evaluates the distinct expressions (`DoubleEvaluation`), fills
/// the values and assembles Ľ with `LiouvillianAssembly`. Entries that evaluate to exactly 0 are
/// dropped, as everywhere in `CompressedSparseMatrix`.
struct NumericPlan: @unchecked Sendable {
    struct Pattern { var rowStart: [Int]; var columns: [Int]; var slots: [Int] }
    let dimension: Int
    /// The distinct scalar expressions of H, the J_ℓ and the rates.
    let expressions: [Expr]
    let hamiltonian: Pattern
    let jumps: [Pattern]
    let rates: [Int]
    let symbols: Set<Symbol>

    init(_ form: LindbladForm) {
        var table: [Expr: Int] = [:], expressions: [Expr] = []
        func slot(_ e: Expr) -> Int {
            if let k = table[e] { return k }
            table[e] = expressions.count
            expressions.append(e)
            return expressions.count - 1
        }
        func pattern(_ m: SparseMatrix<Expr>) -> Pattern {
            var p = Pattern(rowStart: [0], columns: [], slots: [])
            for row in m.rows {
                for (j, e) in row.sorted(by: { $0.key < $1.key }) where !e.isZero { p.columns.append(j); p.slots.append(slot(e)) }
                p.rowStart.append(p.columns.count)
            }
            return p
        }
        dimension = form.dimension
        hamiltonian = pattern(form.hamiltonian)
        jumps = form.jumps.map { pattern($0.operator) }
        rates = form.jumps.map { slot($0.rate) }
        self.expressions = expressions
        self.symbols = expressions.reduce(into: Set<Symbol>()) { $0.formUnion($1.freeSymbols) }
    }

    /// Ľ at the given values of the symbols (every free symbol needs one).
    func liouvillian(at values: [Symbol: Grassmann.ComplexDouble]) throws -> CompressedSparseMatrix {
        let x = try expressions.map { try DoubleEvaluation.evaluate($0, at: values) }
        // The pattern's rows are sorted by column: fill the CSR arrays directly, dropping exact zeros.
        func matrix(_ p: Pattern) -> CompressedSparseMatrix {
            var rowStart = [Int](repeating: 0, count: dimension + 1)
            var columns: [Int] = [], entries: [Grassmann.ComplexDouble] = []
            columns.reserveCapacity(p.columns.count); entries.reserveCapacity(p.columns.count)
            for i in 0..<dimension {
                for k in p.rowStart[i]..<p.rowStart[i + 1] {
                    let v = x[p.slots[k]]
                    if v.re != 0 || v.im != 0 { columns.append(p.columns[k]); entries.append(v) }
                }
                rowStart[i + 1] = columns.count
            }
            return CompressedSparseMatrix(rowCount: dimension, columnCount: dimension, rowStart: rowStart, columns: columns, values: entries)
        }
        return LiouvillianAssembly.matrix(hamiltonian: matrix(hamiltonian),
                                          jumps: zip(jumps, rates).map { LiouvillianAssembly.Jump(rate: x[$0.1], matrix($0.0)) })
    }
}

/// Evaluation of a scalar expression in double precision at numeric values of its symbols: the
/// arithmetic of `Expr` (sums, products, integer and real powers, π, e, exp, log, trigonometric and
/// hyperbolic functions, |z|, Re, Im, conj) in complex double; anything else (a named function) in
/// MPFR at 64 bits, rounded once.
enum DoubleEvaluation {
    static func evaluate(_ e: Expr, at values: [Symbol: Grassmann.ComplexDouble]) throws -> Grassmann.ComplexDouble {
        switch e {
        case .number(let z): return Grassmann.ComplexDouble(z.re.doubleValue, z.im.doubleValue)
        case .symbol(let s):
            guard let v = values[s] else { throw EvaluationError.unboundSymbol(s.name) }
            return v
        case .constant(let c): return Grassmann.ComplexDouble(c == .pi ? Double.pi : M_E)
        case .sum(let ts):
            var r = Grassmann.ComplexDouble.zero
            for t in ts { r = r + (try evaluate(t, at: values)) }
            return r
        case .product(let fs):
            var r = Grassmann.ComplexDouble.one
            for f in fs { r = r * (try evaluate(f, at: values)) }
            return r
        case .power(let b, let x):
            let base = try evaluate(b, at: values)
            if let n = x.integerValue {
                var r = Grassmann.ComplexDouble.one, p = n < 0 ? Grassmann.ComplexDouble.one / base : base, k = abs(n)
                while k > 0 { if k & 1 == 1 { r = r * p }; p = p * p; k >>= 1 }
                return r
            }
            let w = try evaluate(x, at: values)
            if base.im == 0, base.re >= 0, w.im == 0 { return Grassmann.ComplexDouble(Foundation.pow(base.re, w.re)) }
            return exp(w * log(base))
        case .function(let f, let y):
            let z = try evaluate(y, at: values)
            switch f {
            case .exp: return exp(z)
            case .log: return log(z)
            case .abs: return Grassmann.ComplexDouble(z.magnitude)
            case .re: return Grassmann.ComplexDouble(z.re)
            case .im: return Grassmann.ComplexDouble(z.im)
            case .conj: return z.conjugated
            case .sin where z.im == 0: return Grassmann.ComplexDouble(Foundation.sin(z.re))
            case .cos where z.im == 0: return Grassmann.ComplexDouble(Foundation.cos(z.re))
            case .tan where z.im == 0: return Grassmann.ComplexDouble(Foundation.tan(z.re))
            case .atan where z.im == 0: return Grassmann.ComplexDouble(Foundation.atan(z.re))
            case .sinh where z.im == 0: return Grassmann.ComplexDouble(Foundation.sinh(z.re))
            case .cosh where z.im == 0: return Grassmann.ComplexDouble(Foundation.cosh(z.re))
            case .tanh where z.im == 0: return Grassmann.ComplexDouble(Foundation.tanh(z.re))
            default: return try precise(e, at: values)
            }
        case .call: return try precise(e, at: values)
        }
    }

    static func exp(_ z: Grassmann.ComplexDouble) -> Grassmann.ComplexDouble {
        let m = Foundation.exp(z.re)
        return z.im == 0 ? Grassmann.ComplexDouble(m) : Grassmann.ComplexDouble(m * Foundation.cos(z.im), m * Foundation.sin(z.im))
    }
    static func log(_ z: Grassmann.ComplexDouble) -> Grassmann.ComplexDouble { Grassmann.ComplexDouble(Foundation.log(z.magnitude), Foundation.atan2(z.im, z.re)) }

    static func precise(_ e: Expr, at values: [Symbol: Grassmann.ComplexDouble]) throws -> Grassmann.ComplexDouble {
        let table = values.mapValues { BigComplex(GaussianRational(BigRational(exactly: $0.re)!, BigRational(exactly: $0.im)!), precision: 64) }
        let z = try e.evaluate(at: table, precision: 64)
        return Grassmann.ComplexDouble(z.re.doubleValue, z.im.doubleValue)
    }
}
