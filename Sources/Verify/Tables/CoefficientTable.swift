import Dispatch
import Symbolic
import Synchronization

/// A table of one coefficient over a grid of parameters: the integrals J, Ω, α (engine
/// quadrature, checked N vs 2N, with the printed closed form and the ratio beside them) or the
/// coefficients g, γ of NC(17)/(18) (their printed forms parsed and evaluated).
///
/// Parameters: for J and Ω `kF-R` (k_F R, > 0) and `t` (k_B T/ε_F, default 0); for α `t`; for g and
/// γ the symbols of the printed form (`v`, `ed`, `U`, `eF`, `kappa`). Every parameter must get a value
/// from an axis or from `fixed`. Rows are computed in parallel on all cores and are identical to a
/// serial run (each row is a pure function of its parameters; results are stored by row index).
public struct CoefficientTable: Sendable {
    public struct Row: Sendable, Equatable {
        public var parameters: [(String, BigRational)]
        public var value: String
        public var error: String
        public var digits: Int
        public var closedForm: String?
        public var ratio: String?
        public static func == (a: Row, b: Row) -> Bool {
            a.parameters.map { "\($0.0)=\($0.1)" } == b.parameters.map { "\($0.0)=\($0.1)" } && a.value == b.value
                && a.error == b.error && a.digits == b.digits && a.closedForm == b.closedForm && a.ratio == b.ratio
        }
    }

    public var name: String
    public var digits: Int
    public var parameterNames: [String]
    public var rows: [Row]
    public var units: String

    public static let names = ["J", "Omega", "alpha", "m_dis", "h_dis", "g", "gamma"]

    /// Kernels the paper gives no closed form for: AX(S206) m_dis and AX(S207) h_dis, in units
    /// n²/ε_F (`DissipativeKernelIntegral`, `DissipativeFieldIntegral`).
    static let kernels: [String: String] = ["m_dis": "n^2/eps_F (AX(S206))", "h_dis": "n^2/eps_F (AX(S207))"]

    /// Builds the table. `parallel: false` gives the serial reference run.
    /// With `shard`, only the rows of that shard (K−1, K−1+N, … in the order of one run).
    public static func compute(_ name: String, axes: [TableAxis], fixed: [String: BigRational] = [:],
                               digits: Int, parallel: Bool = true, shard: Shard = .whole) throws -> CoefficientTable {
        if let units = kernels[name] {
            return try computeKernel(name, units: units, axes: axes, fixed: fixed, digits: digits, parallel: parallel, shard: shard)
        }
        guard let printed = PrintedForm.all[name] else {
            throw IntegralError.invalidParameter(name: "NAME", value: name, requirement: "one of \(names.joined(separator: ", "))")
        }
        guard digits >= 1 && digits <= 1000 else {
            throw IntegralError.invalidParameter(name: "--digits", value: String(digits), requirement: "must be in 1…1000")
        }
        return try computeRows(name, required: nil, printed: printed, units: printed.units, axes: axes, fixed: fixed,
                               digits: digits, parallel: parallel, shard: shard)
    }

    /// m_dis or h_dis over kF-R and t (both required; t = 0 is allowed).
    static func computeKernel(_ name: String, units: String, axes: [TableAxis], fixed: [String: BigRational],
                              digits: Int, parallel: Bool, shard: Shard) throws -> CoefficientTable {
        try computeRows(name, required: ["kF-R", "t"], printed: nil, units: units, axes: axes, fixed: fixed,
                        digits: digits, parallel: parallel, shard: shard)
    }

    static func computeRows(_ name: String, required fixedRequired: [String]?, printed: PrintedForm?, units: String,
                            axes: [TableAxis], fixed: [String: BigRational],
                            digits: Int, parallel: Bool, shard: Shard) throws -> CoefficientTable {
        guard digits >= 1 && digits <= 1000 else {
            throw IntegralError.invalidParameter(name: "--digits", value: String(digits), requirement: "must be in 1…1000")
        }
        var required: [String] = fixedRequired ?? []
        var defaults: [String: BigRational] = [:]
        if let printed {
            switch name {
            case "J", "Omega": required = ["kF-R", "t"]; defaults["t"] = .zero
            case "alpha": required = ["t"]; defaults["t"] = .zero
            default: required = try printed.variables()
            }
        } else {
            defaults["t"] = .zero
        }
        var seen = Set<String>()
        for a in axes {
            guard required.contains(a.name) else {
                throw IntegralError.invalidParameter(name: "--over \(a.name)", value: a.name, requirement: "\(name) depends on \(required.joined(separator: ", "))")
            }
            guard seen.insert(a.name).inserted else {
                throw IntegralError.invalidParameter(name: "--over \(a.name)", value: a.name, requirement: "each parameter may be swept once")
            }
        }
        for k in fixed.keys where !required.contains(k) {
            throw IntegralError.invalidParameter(name: "--set \(k)", value: k, requirement: "\(name) depends on \(required.joined(separator: ", "))")
        }
        for r in required where !seen.contains(r) && fixed[r] == nil && defaults[r] == nil {
            throw IntegralError.invalidParameter(name: r, value: "missing", requirement: "give \(r) with --over \(r)=start:stop:step or --set \(r)=value")
        }
        // The grid: the first axis varies slowest.
        var grid: [[(String, BigRational)]] = [[]]
        for a in axes { grid = grid.flatMap { row in a.values.map { row + [(a.name, $0)] } } }
        let constant: [(String, BigRational)] = required.filter { !seen.contains($0) }.map { ($0, fixed[$0] ?? defaults[$0]!) }
        let allPoints = grid.map { $0 + constant }
        guard allPoints.count <= 100_000 else {
            throw IntegralError.invalidParameter(name: "--over", value: String(allPoints.count), requirement: "at most 100000 rows")
        }
        let points = shard.indices(of: allPoints.count).map { allPoints[$0] }

        let results = Mutex<[Int: Result<Row, any Error>]>([:])
        let work: @Sendable (Int) -> Void = { i in
            let r: Result<Row, any Error> = Result {
                if let printed { return try row(name, printed: printed, point: points[i], digits: digits) }
                return try kernelRow(name, point: points[i], digits: digits)
            }
            results.withLock { $0[i] = r }
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: points.count, execute: work)
        } else {
            for i in points.indices { work(i) }
        }
        let collected = results.withLock { $0 }
        var rows: [Row] = []
        for i in points.indices { rows.append(try collected[i]!.get()) }
        return CoefficientTable(name: name, digits: digits, parameterNames: axes.map(\.name) + constant.map(\.0),
                                rows: rows, units: units)
    }

    /// One row of m_dis or h_dis: the engine's quadrature checked N versus 2N (no closed form).
    static func kernelRow(_ name: String, point: [(String, BigRational)], digits: Int) throws -> Row {
        let values = Dictionary(point, uniquingKeysWith: { a, _ in a })
        guard let kFR = values["kF-R"], kFR.signum > 0 else {
            throw IntegralError.invalidParameter(name: "kF-R", value: values["kF-R"]?.description ?? "missing", requirement: "must be > 0")
        }
        let t = values["t"] ?? .zero
        if t.isNegative { throw IntegralError.invalidParameter(name: "t", value: t.description, requirement: "must be ≥ 0") }
        let x = kFR * BigRational(2)
        let checked = try DeclaredIntegrals.file().value(name, x: x, t: t, digits: digits)
        // m_dis is exactly 0 at t = 0: every digit of 0 is confirmed.
        let exactZero = checked.value.value.isZero && checked.errorEstimate.isZero
        let shown = checked.conclusive ? digits : Swift.max(1, checked.digits)
        return Row(parameters: point, value: checked.value.value.toString(digits: shown),
                   error: checked.errorEstimate.toString(digits: 2), digits: exactZero ? digits : Swift.min(checked.digits, digits),
                   closedForm: nil, ratio: nil)
    }

    static func row(_ name: String, printed: PrintedForm, point: [(String, BigRational)], digits: Int) throws -> Row {
        let values = Dictionary(point, uniquingKeysWith: { a, _ in a })
        switch name {
        case "J", "Omega", "alpha":
            let q = IntegralEvaluation.Quantity(rawValue: name)!
            let x = values["kF-R"].map { $0 * BigRational(2) }
            let t = values["t"] ?? .zero
            let (checked, closed) = try IntegralEvaluation.valueAndClosedForm(q, x: x, t: t, digits: digits)
            let shown = checked.conclusive ? digits : Swift.max(1, checked.digits)
            let ratio = checked.value.value / closed.rounded(toPrecision: checked.value.value.precision)
            return Row(parameters: point, value: checked.value.value.toString(digits: shown),
                       error: checked.errorEstimate.toString(digits: 2), digits: Swift.min(checked.digits, digits),
                       closedForm: closed.toString(digits: digits), ratio: ratio.toString(digits: shown))
        default:
            let e = try printed.evaluate(at: values, digits: digits)
            let v = e.value.re
            return Row(parameters: point, value: v.toString(digits: Swift.max(1, Swift.min(digits, e.digits))),
                       error: e.errorText, digits: Swift.min(digits, e.digits), closedForm: nil, ratio: nil)
        }
    }
}

extension IntegralEvaluation {
    /// The checked value and the printed closed form (no relation search): the fast path for tables.
    static func valueAndClosedForm(_ quantity: Quantity, x: BigRational?, t: BigRational, digits: Int) throws -> (CheckedIntegral, BigFloat) {
        if quantity != .alpha {
            guard let x, x.signum > 0 else {
                throw IntegralError.invalidParameter(name: "kF-R", value: x?.description ?? "missing", requirement: "must be > 0")
            }
        }
        if t.isNegative { throw IntegralError.invalidParameter(name: "t", value: t.description, requirement: "must be ≥ 0") }
        let checked = try DeclaredIntegrals.file().value(quantity.definitionName, x: quantity == .alpha ? nil : x, t: t, digits: digits)
        var values: [String: BigRational] = [:]
        if let x { values["x"] = x }
        let closed = try quantity.printed.evaluate(at: values, digits: digits + 5)
        return (checked, closed.value.re)
    }
}
