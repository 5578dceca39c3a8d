import Symbolic

/// One swept parameter of a table: `name=start:stop:step` with exact rational endpoints and step
/// (decimals are exact), stop included when reached exactly.
public struct TableAxis: Sendable, Equatable {
    public var name: String
    public var values: [BigRational]

    /// Parses `name=start:stop:step` (or `name=value` for a single value).
    public init(parsing spec: String) throws {
        let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw IntegralError.invalidParameter(name: "--over \(spec)", value: spec, requirement: "expected name=start:stop:step, e.g. kF-R=0.5:5:0.5")
        }
        name = parts[0].trimmingBlanks
        let fields = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingBlanks }
        func number(_ s: String, _ what: String) throws -> BigRational {
            guard let q = TableAxis.rational(s) else {
                throw IntegralError.invalidParameter(name: "--over \(spec)", value: s, requirement: "\(what) must be a number such as 0.5, 3/2 or 1e-3")
            }
            return q
        }
        if fields.count == 1 { values = [try number(fields[0], "the value")]; return }
        guard fields.count == 3 else {
            throw IntegralError.invalidParameter(name: "--over \(spec)", value: parts[1], requirement: "expected start:stop:step")
        }
        let start = try number(fields[0], "start"), stop = try number(fields[1], "stop"), step = try number(fields[2], "step")
        guard step.signum > 0 else {
            throw IntegralError.invalidParameter(name: "--over \(spec)", value: fields[2], requirement: "step must be > 0")
        }
        guard !(stop < start) else {
            throw IntegralError.invalidParameter(name: "--over \(spec)", value: parts[1], requirement: "stop must be ≥ start")
        }
        var v: [BigRational] = []
        var x = start
        while !(stop < x) {
            v.append(x)
            x = x + step
            if v.count > 100_000 {
                throw IntegralError.invalidParameter(name: "--over \(spec)", value: parts[1], requirement: "at most 100000 values per axis")
            }
        }
        values = v
    }

    public init(name: String, values: [BigRational]) { self.name = name; self.values = values }

    /// Exact rational from "1.25", "-3/2", "1e-3", "2.5e2".
    static func rational(_ s: String) -> BigRational? {
        if let q = try? ParseContext().parse(s), let r = q.rationalValue { return r }
        return nil
    }
}

extension String {
    var trimmingBlanks: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
