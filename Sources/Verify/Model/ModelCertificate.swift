import Foundation
import Symbolic

/// The certificate of one operation of the model language (issue 20: "every verdict's detail names
/// the operations it rests on and how each was checked").
///
/// The operations that solve rather than compute — `eigenvalue` of a claimed eigenvector,
/// `steady_state`, `effective`/`second_order`, `fit` — each verify their result before returning it
/// (a claimed eigenvector component by component, 𝒮ρ = 0 component by component, the residual of a
/// fit). This type collects the outcome of those component checks, with the largest Schwartz–Zippel
/// false-accept bound among them, and records it in the current `OperationLedger` so the claim that
/// uses the value lists it. Values are cached per file (`ModelCache`), and the cache replays the
/// certificates of a value to every claim that uses it.
struct ModelCertificate {
    let operation: String
    private(set) var components = 0
    private(set) var exactZeros = 0
    private(set) var largestBound: Double = 0

    init(_ operation: String) { self.operation = operation }

    /// One component shown to vanish: structurally (`exact`) or by the identity checker's verdict.
    mutating func count(_ verdict: Verdict?) {
        components += 1
        guard let verdict else { exactZeros += 1; return }
        if case .exact(let bound?) = verdict.method { largestBound = max(largestBound, bound) }
    }

    /// Records the certificate, `what` saying what was verified (e.g. "𝒮ρ = 0 and tr ρ = 1").
    func submit(_ what: String) {
        var how = "\(what): \(components) component\(components == 1 ? "" : "s") verified"
        if exactZeros > 0 { how += " (\(exactZeros) identically zero after simplification)" }
        if largestBound > 0 { how += ", each by exact identity testing with P(false accept) ≤ \(String(format: "%.1e", largestBound))" }
        try? OperationLedger.submit(OperationCertificate(operation: operation, status: .confirmed, how: how))
    }

    /// An operation that is exact by construction and needs no independent check.
    static func byConstruction(_ operation: String, _ how: String) {
        try? OperationLedger.submit(OperationCertificate(operation: operation, status: .confirmed, how: how))
    }
}
