import ArgumentParser
import Foundation
import Symbolic
import Verify

/// `referee identity LHS RHS [--assume "x>0" …] [--digits N] [--format text|json]`: decides
/// whether LHS == RHS for all values allowed by the assumptions, and says how.
struct IdentityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity",
        abstract: "Decide whether two expressions are equal, and say how (exact or numeric, with the margin).",
        discussion: """
        Rational identities are decided exactly at seeded random points of Q(i), with the
        Schwartz–Zippel bound on a false accept; others numerically to --digits digits.
        Assumptions: "x>0" (positive), "x real", "x!=0" (nonzero), "x integer"; undeclared names are complex.
        Examples:
          referee identity '(x+1)^2' 'x^2+2*x+1'
          referee identity 'sqrt(x^2)' 'x' --assume 'x>0'
          referee identity 'sin(x)^2' '1-cos(x)^2' --format json
        Exit code 0 when verified, 1 for discrepancy or inconclusive, 2 on bad input.
        """)

    @Argument(parsing: .allUnrecognized, help: "LHS and RHS (either may start with `-`).")
    var sides: [String] = []
    var lhs: String { sides.first ?? "" }
    var rhs: String { sides.count > 1 ? sides[1] : "" }
    @Option(help: "An assumption: \"x>0\", \"x real\", \"x!=0\", \"x integer\" (repeatable).")
    var assume: [String] = []
    @Option(parsing: .unconditional, help: "Digits required of a numeric agreement (1…\(Claim.maximumDigits)).")
    var digits: Int = 30
    @Option(parsing: .unconditional, help: "Seed of the random evaluation points.")
    var seed: UInt64 = 20_261_121
    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func validate() throws {
        if sides.count != 2 { throw ValidationError("give exactly two expressions, LHS and RHS (got \(sides.count))") }
    }

    /// Parses one `--assume` into a symbol.
    static func assumption(_ text: String) throws -> Symbol {
        let t = text.replacingOccurrences(of: " ", with: "")
        let table: [(String, Assumptions)] = [(">0", .positive), ("real", .real), ("!=0", .nonzero), ("≠0", .nonzero), ("integer", .integer), ("complex", .complex)]
        for (suffix, a) in table where t.hasSuffix(suffix) {
            let name = String(t.dropLast(suffix.count))
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { return Symbol(name, a) }
        }
        throw BadInput(place: "--assume \(text)", message: "not an assumption I understand",
                       fix: "write \"x>0\", \"x real\", \"x!=0\" or \"x integer\"")
    }

    func run() throws {
        try BadInput.checkDigits(digits)
        let engine = Engine.standard
        var context = ParseContext(undeclaredNames: .create(.complex), operations: engine.operations,
                                   numericFunctions: Set(engine.numericFunctions.keys))
        context.declare(try assume.map(Self.assumption))
        func parse(_ text: String, _ which: String) throws -> Expr {
            do { return try context.parse(text) } catch {
                throw BadInput(place: "\(which), column \(error.column)", message: error.message, fix: error.fix ?? "see derivations/README.md")
            }
        }
        // The operations the sides ran (limit, series, …) are certified; the verdict names them.
        let ledger = OperationLedger()
        let (l, r) = try OperationLedger.$current.withValue(ledger) { (try parse(lhs, "LHS"), try parse(rhs, "RHS")) }
        let verdict = ClaimProvenance.annotate(IdentityChecker(digits: digits, seed: seed, functions: engine.numericFunctions).check(l, r),
                                               with: ledger.certificates, check: "identity")
        switch format {
        case .text:
            print(verdict.detail)
            if let relation = verdict.relation { print("relation: \(relation)") }
            print(AuditReport.describe(verdict))
        case .json:
            let json = JSONValue.document("identity", [
                ("verdict", .string(verdict.kind.rawValue)),
                ("method", .string(verdict.method.name)),
                ("digits", verdict.digits.map { .int($0) } ?? .null),
                ("error", .optional(verdict.errorEstimate)),
                ("detail", .string(verdict.detail)),
                ("relation", .optional(verdict.relation)),
                ("seed", .number(String(seed))),
                ("operations", .array(ledger.certificates.map(\.json))),
            ])
            print(json.rendered())
        }
        if verdict.kind != .verified { throw ExitCode(1) }
    }
}
