/// How the result of a symbolic operation (`limit`, `series`, `leading`, `re_part`, `im_part`) was
/// confirmed before a verdict rests on it (issue 20: "every verdict's detail names the operations
/// it rests on and how each was checked").
///
/// Each of these operations is built to be correct — branch cuts and the side of approach are
/// decided (`BranchCutSide`) or the operation refuses — and its result is then compared with the
/// function itself, independently, by `OperationConfirmation`:
/// - `confirmed`: the numeric comparison agrees;
/// - `refuted`: the function does not approach the result (a wrong limit or series term) — a verdict
///   resting on it is not trustworthy;
/// - `unconfirmed`: the comparison could not decide (slow convergence, a function without a numeric
///   definition, too much precision needed); the result rests on its construction alone.
public struct OperationCertificate: Sendable, Hashable, CustomStringConvertible {
    public enum Status: String, Sendable, Hashable {
        case confirmed, refuted, unconfirmed
    }
    /// The call, e.g. `limit(log((w+D+I*eta)/(w-D+I*eta)), D, oo) = -I*pi`.
    public var operation: String
    public var status: Status
    /// How it was checked, with the numbers.
    public var how: String

    /// Longest operation text kept (the call and its result), so a report stays readable.
    public static let maximumOperationText = 240

    public init(operation: String, status: Status, how: String) {
        self.operation = operation.count > Self.maximumOperationText
            ? String(operation.prefix(Self.maximumOperationText / 2)) + " … " + String(operation.suffix(Self.maximumOperationText / 2 - 3))
            : operation
        self.status = status
        self.how = how
    }

    public var description: String { "\(operation): \(status.rawValue) — \(how)" }
}

/// Collects the certificates of the operations run while a claim's fields (or a definition) are
/// parsed. Install one with `OperationLedger.$current.withValue(ledger) { … }`; without a ledger, a
/// refuted operation throws instead (nothing may silently use it).
public final class OperationLedger: @unchecked Sendable {
    /// The ledger of the current task (parsing is synchronous: one ledger is used by one thread).
    @TaskLocal public static var current: OperationLedger?

    public private(set) var certificates: [OperationCertificate] = []

    public init() {}

    public func record(_ c: OperationCertificate) {
        if !certificates.contains(c) { certificates.append(c) }
    }

    public func record(contentsOf cs: [OperationCertificate]) {
        for c in cs { record(c) }
    }

    /// Records `c` in the current ledger; without one, throws when `c` is refuted.
    public static func submit(_ c: OperationCertificate) throws {
        if let ledger = current {
            ledger.record(c)
        } else if c.status == .refuted {
            throw OperationError("\(c.operation) is contradicted by a numeric check: \(c.how)",
                                 fix: "this is an engine defect; simplify the expression or take the limit by hand, and report it")
        }
    }
}
