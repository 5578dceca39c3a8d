/// Dimensional analysis of expressions whose symbols carry dimensions.
///
/// Rules (SI): numbers, π and e are dimensionless; the terms of every sum have one dimension;
/// products multiply dimensions; b^p has dimension [b]^p, which needs a rational p unless b is
/// dimensionless, and p itself must be dimensionless; the arguments of exp, log, sin, cos, tan,
/// atan, sinh, cosh, tanh and fermi must be dimensionless (and so are their values); abs, re, im
/// and conj keep the dimension; an uninterpreted call `F(…)` has the dimension declared in
/// `callDimensions`. A relation lhs ⋚ rhs needs [lhs] = [rhs].
///
/// The paper sets ħ = k_B = 1 (docs/ARCHITECTURE.md, "Conventions"). Every mismatch therefore reports whether
/// it is a power of [ħ] = J s and/or [k_B] = J/K only (`DimensionMismatch.naturalUnitsReport`).
/// With `naturalUnits = true` such mismatches are accepted: dimensions are compared through their
/// image with ħ = k_B = 1 (`PhysicalDimension.natural`), and the verdict's detail lists the powers of ħ
/// and k_B that SI would need.
public struct DimensionChecker: Sendable {
    /// The dimension of each symbol, by name.
    public var symbols: [String: PhysicalDimension]
    /// The result dimension of each uninterpreted function `name(…)`.
    public var callDimensions: [String: PhysicalDimension]
    /// Compare dimensions modulo powers of ħ and k_B (natural units ħ = k_B = 1).
    public var naturalUnits: Bool

    /// A checker with the dimension of each symbol and of each uninterpreted function's result.
    public init(symbols: [String: PhysicalDimension], callDimensions: [String: PhysicalDimension] = [:], naturalUnits: Bool = false) {
        self.symbols = symbols
        self.callDimensions = callDimensions
        self.naturalUnits = naturalUnits
    }

    /// Symbols given by unit texts, e.g. `["U": "eV", "P": "W/cm^2", "kappa": "s^-1"]`.
    /// Throws `DimensionError.badUnit` naming the symbol's unit text when one does not parse.
    public init(units: [String: String], callDimensions: [String: PhysicalDimension] = [:], naturalUnits: Bool = false) throws(DimensionError) {
        var dims: [String: PhysicalDimension] = [:]
        for (name, text) in units { dims[name] = try Units.parse(text).dimension }
        self.init(symbols: dims, callDimensions: callDimensions, naturalUnits: naturalUnits)
    }

    func agree(_ a: PhysicalDimension, _ b: PhysicalDimension) -> Bool {
        naturalUnits ? a.natural == b.natural : a == b
    }

    /// The dimension of `e`. Throws the first mismatch found (depth-first, left to right), an
    /// unknown symbol or function, or a dimensionful base with a non-rational exponent.
    /// In natural-unit mode, a sum takes the dimension of its first term.
    public func dimension(of e: Expr) throws(DimensionError) -> PhysicalDimension {
        var notes: [String] = []
        return try dimension(of: e, notes: &notes)
    }

    func dimension(of e: Expr, notes: inout [String]) throws(DimensionError) -> PhysicalDimension {
        switch e {
        case .number, .constant:
            return .dimensionless
        case .symbol(let s):
            guard let d = symbols[s.name] else { throw .unknownSymbol(s.name) }
            return d
        case .sum(let terms):
            let first = try dimension(of: terms[0], notes: &notes)
            for t in terms.dropFirst() {
                let d = try dimension(of: t, notes: &notes)
                if d != first {
                    let m = DimensionMismatch(context: "sum: term \(terms[0]) vs term \(t)", left: first, right: d, subexpression: e)
                    guard agree(first, d) else { throw .mismatch(m) }
                    notes.append(m.description)
                }
            }
            return first
        case .product(let factors):
            // The canonical form distributes symbolic powers, (x/y)^a → x^a y^(−a): factors with a
            // non-rational exponent c·r are grouped by r, and each group's base dimension
            // ∏[b]^c must be dimensionless.
            var d = PhysicalDimension.dimensionless
            var groups: [(rest: Expr, base: PhysicalDimension, factors: [Expr])] = []
            for f in factors {
                if case .power(let b, let x) = f, x.rationalValue == nil {
                    let (c, rest) = x.coefficientAndRest
                    let db = try dimension(of: b, notes: &notes)
                    try requireDimensionless(try dimension(of: x, notes: &notes), context: "exponent", in: f, notes: &notes)
                    guard c.im.isZero else { throw .nonRationalExponent(base: db, subexpression: f) }
                    if let k = groups.firstIndex(where: { $0.rest == rest }) {
                        groups[k].base *= db.pow(c.re)
                        groups[k].factors.append(f)
                    } else {
                        groups.append((rest, db.pow(c.re), [f]))
                    }
                } else {
                    d *= try dimension(of: f, notes: &notes)
                }
            }
            for g in groups where !g.base.isDimensionless {
                let sub = g.factors.count == 1 ? g.factors[0] : Expr.product(of: g.factors)
                guard naturalUnits && g.base.natural.isDimensionless else {
                    throw .nonRationalExponent(base: g.base, subexpression: sub)
                }
                notes.append("base of dimension \(g.base) with exponent \(g.rest) in \(sub)")
            }
            return d
        case .power(let base, let exponent):
            let db = try dimension(of: base, notes: &notes)
            let de = try dimension(of: exponent, notes: &notes)
            try requireDimensionless(de, context: "exponent", in: e, notes: &notes)
            if db.isDimensionless || (naturalUnits && db.natural.isDimensionless && exponent.rationalValue == nil) {
                return .dimensionless
            }
            guard let p = exponent.rationalValue else { throw .nonRationalExponent(base: db, subexpression: e) }
            return db.pow(p)
        case .function(let f, let x):
            let dx = try dimension(of: x, notes: &notes)
            switch f {
            case .abs, .re, .im, .conj:
                return dx
            case .exp, .log, .sin, .cos, .tan, .atan, .sinh, .cosh, .tanh, .fermi:
                try requireDimensionless(dx, context: "argument of \(f.rawValue)", in: e, notes: &notes)
                return .dimensionless
            }
        case .call(let name, let args):
            for a in args { _ = try dimension(of: a, notes: &notes) }
            guard let d = callDimensions[name] else { throw .unknownFunction(name) }
            return d
        }
    }

    func requireDimensionless(_ d: PhysicalDimension, context: String, in e: Expr, notes: inout [String]) throws(DimensionError) {
        guard !d.isDimensionless else { return }
        let m = DimensionMismatch(context: context, left: d, right: .dimensionless, subexpression: e)
        guard naturalUnits && d.natural.isDimensionless else { throw .mismatch(m) }
        notes.append(m.description)
    }

    /// Checks the dimensional consistency of one expression (every sum, exponent and function
    /// argument). Verified (exact) with the dimension, discrepancy with the first mismatch.
    public func check(_ e: Expr) -> Verdict {
        var notes: [String] = []
        do {
            let d = try dimension(of: e, notes: &notes)
            return Verdict(.verified, method: .exact(falseAcceptBound: nil),
                           detail: detail("consistent, dimension \(d)", notes), computed: d.description)
        } catch {
            return verdict(for: error)
        }
    }

    /// Checks that `lhs relation rhs` (relation "=", "<", "<=", "~", ">~", "<<", …) compares
    /// quantities of one dimension, and that each side is consistent.
    ///
    /// In SI mode a mismatch is a `discrepancy` whose detail says whether it is a power of [ħ] and
    /// [k_B] only ("consistent with ħ = 1 (missing ħ^1 on the right)") or not ("inconsistent even
    /// with ħ = k_B = 1"); `relation` is then "lhs/rhs = ħ^a k_B^b" or the dimension of lhs/rhs.
    public func check(_ lhs: Expr, _ relation: String = "=", _ rhs: Expr) -> Verdict {
        var notes: [String] = []
        let dl: PhysicalDimension, dr: PhysicalDimension
        do {
            dl = try dimension(of: lhs, notes: &notes)
            dr = try dimension(of: rhs, notes: &notes)
        } catch {
            return verdict(for: error)
        }
        let computed = "[lhs] = \(dl), [rhs] = \(dr)"
        if dl == dr {
            return Verdict(.verified, method: .exact(falseAcceptBound: nil),
                           detail: detail("both sides of '\(relation)' have dimension \(dl)", notes), computed: computed)
        }
        let m = DimensionMismatch(context: "relation lhs \(relation) rhs", left: dl, right: dr, subexpression: nil)
        let ratio: String
        if let (a, b) = m.hbarBoltzmannPowers {
            var parts: [String] = []
            if !a.isZero { parts.append("ħ^\(a.isInteger ? a.description : "(\(a))")") }
            if !b.isZero { parts.append("k_B^\(b.isInteger ? b.description : "(\(b))")") }
            ratio = "[lhs]/[rhs] = " + parts.joined(separator: " ")
        } else {
            ratio = "[lhs]/[rhs] = \(dl / dr)"
        }
        if naturalUnits && agree(dl, dr) {
            return Verdict(.verified, method: .exact(falseAcceptBound: nil),
                           detail: detail("both sides agree in natural units ħ = k_B = 1; in SI: \(m.description)", notes),
                           computed: computed, relation: ratio)
        }
        return Verdict(.discrepancy, method: .exact(falseAcceptBound: nil),
                       detail: detail(m.description, notes), computed: computed, relation: ratio)
    }

    func detail(_ head: String, _ notes: [String]) -> String {
        notes.isEmpty ? head : head + ". Natural-unit (ħ = k_B = 1) identifications used: " + notes.joined(separator: "; ")
    }

    func verdict(for error: DimensionError) -> Verdict {
        switch error {
        case .mismatch(let m):
            return Verdict(.discrepancy, method: .exact(falseAcceptBound: nil), detail: m.description,
                           computed: "\(m.left) vs \(m.right)")
        case .nonRationalExponent:
            return Verdict(.discrepancy, method: .exact(falseAcceptBound: nil), detail: error.description)
        default:
            return Verdict(.error, detail: error.description)
        }
    }
}

extension DimensionChecker {
    /// Checks a parsed relation `lhs REL rhs` (see `check(_:_:_:)`).
    public func check(_ relation: Relation) -> Verdict {
        check(relation.lhs, relation.kind.rawValue, relation.rhs)
    }
}
