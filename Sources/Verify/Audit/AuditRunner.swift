import Foundation
import Symbolic

/// Runs every claim of a set of derivation files: first loads and parses everything (bad input
/// stops the run with a `DerivationError` before any check runs, so no partial report is written),
/// then checks the claims in parallel on all cores, reporting them in file order.
public struct AuditRunner: Sendable {
    public var engine: Engine
    /// Default digits for numeric methods when a claim does not say (`--digits`).
    public var digits: Int
    /// Default seed for random points when a claim does not say.
    public var seed: UInt64

    /// Claims checked at once: 0 means one per core. Results do not depend on it.
    public var jobs: Int

    public init(engine: Engine, digits: Int = 30, seed: UInt64 = 20_261_121, jobs: Int = 0) {
        self.engine = engine
        self.digits = digits
        self.seed = seed
        self.jobs = jobs
    }

    /// The derivation files under the paths (directories are searched for `*.md`, except README.md),
    /// sorted for a deterministic order.
    public static func derivationFiles(in paths: [String]) throws -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DerivationError(SourceLocation(file: path, line: 0, column: 0), "no such file or directory",
                                      fix: missingPathFix(path))
            }
            if isDirectory.boolValue {
                let names = try fm.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
                if names.isEmpty {
                    throw DerivationError(SourceLocation(file: path, line: 0, column: 0), "the folder has no derivation files (*.md)",
                                          fix: "point to derivations/ or to a .md file")
                }
                out += names.map { Self.joined(path, $0) }
            } else {
                out.append(path)
            }
        }
        return out
    }

    /// (folder, last component) of a path, "" for the folder of a bare name. Written out because
    /// Foundation's `NSString.deletingLastPathComponent` traps on one-character paths such as `-`.
    static func splitPath(_ path: String) -> (folder: String, name: String) {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return ("", String(trimmed)) }
        let folder = trimmed[..<slash]
        return (folder.isEmpty ? "/" : String(folder), String(trimmed[trimmed.index(after: slash)...]))
    }

    /// `folder/name` (just `name` for an empty folder).
    static func joined(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// How to fix a path that does not exist: the nearest derivation file in its folder, or the
    /// folder that is missing.
    static func missingPathFix(_ path: String) -> String {
        let fm = FileManager.default
        if path == "-" {
            return "`-` (standard input) is not read: save the derivation to a file and give its path, e.g. referee check notes.md"
        }
        let (folder, name) = splitPath(path)
        let shownFolder = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: shownFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "the folder `\(shownFolder)` does not exist either; give an existing derivation file or folder, e.g. derivations/sd-coupling.md (the default is derivations/)"
        }
        let names = ((try? fm.contentsOfDirectory(atPath: shownFolder)) ?? []).filter { $0.hasSuffix(".md") && $0 != "README.md" }
        if let near = DerivationReader.nearest(name, in: names) {
            return "did you mean `\(joined(folder, near))`?"
        }
        return "check the path; give an existing derivation file or folder, e.g. derivations/sd-coupling.md (the default is derivations/)"
    }

    /// Loads and validates every claim of the files; throws on the first bad input.
    public func load(files: [String]) throws -> [(Claim, DerivationContext)] {
        var out: [(Claim, DerivationContext)] = []
        var ids: [String: SourceLocation] = [:]
        for path in files {
            let file = try DerivationReader.read(path: path)
            let context = try DerivationContext(file: file, engine: engine)
            try DerivationLints.check(file, context: context)
            for spec in file.claims {
                if let previous = ids[spec.id.value] {
                    throw DerivationError(spec.id.location, "duplicate claim id `\(spec.id.value)` (first used at \(previous))",
                                          fix: "claim ids are unique across all derivation files")
                }
                ids[spec.id.value] = spec.id.location
                let claim = try Claim(spec, knownChecks: engine.checks, defaultDigits: digits, defaultSeed: seed, numbering: file.numbering)
                try context.validate(claim)
                out.append((claim, context))
            }
        }
        return out
    }

    /// Checks every claim (in parallel) and returns the results in load order. `progress` is called (from any
    /// thread) with the number of claims checked so far.
    public func run(_ loaded: [(Claim, DerivationContext)], progress: (@Sendable (Int) -> Void)? = nil) throws -> [ClaimResult] {
        let results = ParallelSlots<Result<ClaimResult, any Error>>(count: loaded.count)
        let workers = jobs > 0 ? min(jobs, max(1, loaded.count)) : ProcessInfo.processInfo.activeProcessorCount
        // Worker w checks claims w, w + workers, …: the order of results never depends on timing.
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for i in stride(from: w, to: loaded.count, by: workers) {
                let (claim, context) = loaded[i]
                let done = results.set(i, check(claim, in: context))
                progress?(done)
            }
        }
        return try results.values.map { try $0.get() }
    }

    /// Checks one claim; bad input is rethrown, every other failure becomes an `error` verdict.
    public func check(_ claim: Claim, in context: DerivationContext) -> Result<ClaimResult, any Error> {
        let start = DispatchTime.now().uptimeNanoseconds
        var verdict: Verdict
        let ledger = OperationLedger()
        do {
            verdict = try OperationLedger.$current.withValue(ledger) { try engine.checks[claim.check]!.run(claim, in: context) }
        } catch let e as DerivationError {
            return .failure(e)
        } catch {
            verdict = Verdict(.error, detail: "\(claim.file):\(claim.line): \(error)")
        }
        let operations = ClaimProvenance.certificates(of: claim, in: context, run: ledger.certificates)
        verdict = ClaimProvenance.annotate(verdict, with: operations, check: claim.check)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var result = ClaimResult(claim: claim, verdict: verdict, seconds: seconds)
        result.operations = operations
        return .success(result)
    }

    /// Loads and runs the files under `paths`. `started` receives the number of claims once they are loaded.
    public func audit(paths: [String], started: ((Int) -> Void)? = nil, progress: (@Sendable (Int) -> Void)? = nil) throws -> AuditReport {
        let loaded = try load(files: try Self.derivationFiles(in: paths))
        started?(loaded.count)
        return AuditReport(results: try run(loaded, progress: progress), seed: seed, digits: digits)
    }
}

