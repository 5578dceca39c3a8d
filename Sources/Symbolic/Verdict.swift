/// The outcome of checking one claim (docs/ARCHITECTURE.md, "Verdicts").
public enum VerdictKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// Holds; `Verdict.method` says how.
    case verified
    /// Does not hold; `Verdict.detail` shows printed and computed forms and their relation.
    case discrepancy
    /// Could not be decided at the requested precision or within the time limit.
    case inconclusive
    /// Needs a capability the engine lacks (`detail` says which).
    case unsupported
    /// Could not be read or evaluated (`detail` says where and why).
    case error

    public static func < (a: VerdictKind, b: VerdictKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How a verdict was reached.
public enum CheckMethod: Sendable, Equatable {
    /// Exact computation. `falseAcceptBound`, when present, bounds the probability that a
    /// randomized exact test (Schwartz–Zippel) accepted a false identity.
    case exact(falseAcceptBound: Double?)
    /// Arbitrary-precision numerics: `digits` correct significant digits were reached, with
    /// `errorEstimate` a bound on the absolute (or stated relative) error, as a decimal string.
    case numeric(digits: Int, errorEstimate: String)
    /// No computation decided the claim (inconclusive, unsupported, error).
    case none

    /// "exact", "numeric" or "none" (the JSON `method` field).
    public var name: String {
        switch self {
        case .exact: return "exact"
        case .numeric: return "numeric"
        case .none: return "none"
        }
    }
}

/// A verdict with its method and the evidence a reader needs.
public struct Verdict: Sendable, Equatable {
    public var kind: VerdictKind
    public var method: CheckMethod
    /// One-paragraph explanation: how it was decided; for a discrepancy the relation found
    /// (a factor, a sign, a term, or "depends on …").
    public var detail: String
    /// The computed form or value, as text (shown beside the printed one).
    public var computed: String?
    /// For a discrepancy: the relation between computed and printed, e.g. "computed = -2 × printed".
    public var relation: String?
    /// The seed of any randomness used, so that the run can be repeated.
    public var seed: UInt64?

    public init(_ kind: VerdictKind, method: CheckMethod = .none, detail: String,
                computed: String? = nil, relation: String? = nil, seed: UInt64? = nil) {
        self.kind = kind
        self.method = method
        self.detail = detail
        self.computed = computed
        self.relation = relation
        self.seed = seed
    }

    // Both accessors are kept out of line: inlined into a caller that also reads `method`,
    // Swift 6.3's CopyPropagation pass crashes in release mode ("Found outside of lifetime use").
    /// Digits reached, for numeric verdicts.
    public var digits: Int? {
        @inline(never) get {
        if case .numeric(let d, _) = method { return d }
        return nil
        }
    }
    /// Error estimate, for numeric verdicts; the false-accept bound for randomized exact ones.
    public var errorEstimate: String? {
        @inline(never) get {
        switch method {
        case .numeric(_, let e): return e
        case .exact(let b?): return "P(false accept) <= \(b)"
        default: return nil
        }
        }
    }
}
