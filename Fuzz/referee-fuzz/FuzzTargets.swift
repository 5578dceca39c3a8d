// Fuzz targets for the expression parser, the derivation loader and the model language.
//
// With libFuzzer (coverage-guided; scripts/fuzz builds it):
//   scripts/fuzz parser  -max_total_time=3600
//   scripts/fuzz loader  -max_total_time=3600
//   scripts/fuzz operations -max_total_time=3600   (limit, series, leading, subs, re_part … through the parser)
//   scripts/fuzz model -max_total_time=3600        (```modes and typed ```define blocks, their claims checked)
// Without it (any build), a seeded random mutator runs the same targets:
//   swift run -c release referee-fuzz parser --runs 100000 --seed 1
// Both stop at the first input that crashes; a thrown error is the expected outcome for bad input.
import Foundation
import Symbolic
import Verify

enum FuzzTarget: String, CaseIterable {
    case parser, loader, operations, model

    /// The text syntax with the symbolic operations (limit, series, leading, subs, re_part, …):
    /// names are complex symbols, `x` real and `a` positive so that one-sided and cut cases occur.
    static let operationsContext = ParseContext(symbols: [Symbol("x", .real), Symbol("a", .positive), Symbol("n", .integer)],
                                                undeclaredNames: .create(.complex), operations: StandardOperations.all)

    /// A seed for the model target small enough to mutate quickly: one qubit, one fermion pair, a boson.
    static let smallModel = """
        # m

        ```symbols
        Gamma, Omega: positive
        ```

        ```modes
        q: qubit
        d[s]: fermion   s in {up, dn}
        b: boson   cutoff 2
        ```

        ```define
        n[s] = d[s]'*d[s]
        H = Omega*sx(q) + n[up]*n[dn] + b'*b
        L = lindblad(Omega*sx(q)/2, sqrt(Gamma)*sm(q))
        rho = steady_state(L)
        ```

        ```claim
        id: m.1
        equations: NC(1)
        statement: s
        printed: Omega^2/4/(Gamma^2/4 + Omega^2/2)
        computed: expect(sp(q)*sm(q), rho)
        check: identity
        expect: verified
        ```

        ```claim
        id: m.2
        equations: NC(1)
        statement: s
        printed: 0
        computed: eigenvalue(lindblad(H, d[up]), right: proj(ket(d[up]=0)))
        check: identity
        expect: verified
        ```
        """

    /// Runs one input; any crash is a finding.
    func run(_ data: Data) {
        switch self {
        case .parser:
            guard let text = String(data: data, encoding: .utf8) else { return }
            if let e = try? ParseContext.lenient.parse(text) {
                // Printing must round-trip.
                let again = try? ParseContext.lenient.parse(e.text)
                if again != e { fatalError("round trip failed: \(text) → \(e.text)") }
                _ = e.latex
            }
            _ = try? ParseContext.lenient.parseRelation(text)
        case .operations:
            // Any crash is a finding; a refuted operation throws (no ledger), which is a finding too.
            guard let text = String(data: data, encoding: .utf8), text.utf8.count <= 400 else { return }
            do {
                _ = try FuzzTarget.operationsContext.parse(text)
            } catch let e as ParseError where e.message.contains("contradicted by a numeric check") {
                fatalError("refuted operation: \(text): \(e.message)")
            } catch {}
        case .model:
            // Small files only: a mutated example with its modes, typed definitions and claims, every
            // claim checked (steady states, eigenvalues, projections, fits run). Bad input throws.
            guard data.count <= 6000 else { return }
            do {
                let file = try DerivationReader.read(data: data, path: "fuzz.md")
                let context = try DerivationContext(file: file, engine: .standard)
                try DerivationLints.check(file, context: context)
                let runner = AuditRunner(engine: .standard)
                for spec in file.claims.prefix(8) {
                    let claim = try Claim(spec, knownChecks: Engine.standard.checks, defaultDigits: 10, defaultSeed: 1)
                    try context.validate(claim)
                    _ = runner.check(claim, in: context)
                }
            } catch {}
        case .loader:
            do {
                let file = try DerivationReader.read(data: data, path: "fuzz.md")
                let context = try DerivationContext(file: file, engine: .standard)
                try DerivationLints.check(file, context: context)
                for spec in file.claims {
                    let claim = try Claim(spec, knownChecks: Engine.standard.checks, defaultDigits: 10, defaultSeed: 1)
                    try context.validate(claim)
                }
            } catch {}
        }
    }

    /// Seed inputs: the paper's formulas and the derivation files.
    var corpus: [Data] {
        switch self {
        case .parser:
            return ["-abs(v)^2*((ed+U-eF)/((ed+U-eF)^2+kappa^2/4) + 1/(eF-ed))", "exp(pi*sqrt(163))", "x^-2**3",
                    "fermi((e-mu)/T) <= 1", "sin(x)^2 + cos(x)^2 == 1", "1e8*W/cm^2", "limit(x, x, oo)"].map { Data($0.utf8) }
        case .operations:
            return ["limit(log((w+D+I*eta)/(w-D+I*eta)), D, oo)", "limit(sqrt(-1 - I/x), x, oo)", "series(exp(x)*sqrt(1+x), x, 0, 4)",
                    "leading(sin(x) - x, x, 0)", "limit(x*log(x), x, 0, 1)", "series(log(-1 - I*x), x, 0, 2, 1)",
                    "re_part(1/(z + I))", "subs(sqrt(a^2), a, 2)", "limit((1 + 1/x)^x, x, oo)", "series(1/(1+x), x, oo, 3)",
                    "limit(atan(x), x, -oo)", "leading(x^(3/2) + x^2, x, 0, 1)"].map { Data($0.utf8) }
        case .model:
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("examples")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let examples = names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
                .compactMap { try? Data(contentsOf: folder.appendingPathComponent($0)) }
            return examples.filter { $0.count <= 6000 } + [Data(FuzzTarget.smallModel.utf8)]
        case .loader:
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("derivations")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0.hasSuffix(".md") }.sorted().compactMap { try? Data(contentsOf: folder.appendingPathComponent($0)) }
        }
    }
}

/// A small deterministic mutator (bit flips, byte insertions, deletions, splices of the corpus).
struct SeededMutator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 17
    }
    mutating func mutate(_ input: Data, corpus: [Data]) -> Data {
        var bytes = [UInt8](input)
        let dictionary: [[UInt8]] = ["(", ")", "^", "*", "/", "-", "```claim\n", "```\n", "id: ", "printed: ", "\n", "\u{0}", "é", "1e999999", "oo", "I", "abs(", "limit(",
                                    "```modes\n", ": fermion ", ": boson cutoff 3", ": qubit", " in {up, dn}", " in 0..2", "lindblad(", "steady_state(",
                                    "effective(", "eigenvalue(", "fit(", "dag(", "sum(i in ", "'", "ket(", "proj(", "[up]", "comm("].map { Array($0.utf8) }
        for _ in 0..<Int(next() % 4 + 1) {
            let i = bytes.isEmpty ? 0 : Int(next() % UInt64(bytes.count))
            switch next() % 5 {
            case 0 where !bytes.isEmpty: bytes[i] ^= UInt8(1 << (next() % 8))
            case 1: bytes.insert(contentsOf: dictionary[Int(next() % UInt64(dictionary.count))], at: i)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(i..<min(bytes.count, i + Int(next() % 8) + 1))
            case 3 where !corpus.isEmpty:
                let other = [UInt8](corpus[Int(next() % UInt64(corpus.count))])
                if !other.isEmpty {
                    let j = Int(next() % UInt64(other.count))
                    bytes.insert(contentsOf: other[j..<min(other.count, j + Int(next() % 64) + 1)], at: i)
                }
            default: bytes.insert(UInt8(next() % 128), at: i)
            }
        }
        return Data(bytes.prefix(100_000))
    }
}

#if LIBFUZZER
nonisolated(unsafe) let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["REFEREE_FUZZ_TARGET"] ?? "parser"
    return FuzzTarget(rawValue: name) ?? .parser
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    selectedTarget.run(Data(bytes: data, count: size))
    return 0
}

/// libFuzzer's driver (FuzzerDriver.cpp): int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t)).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable with `--defsym main=referee_fuzz_main` and, without top-level code,
/// nothing defines that symbol (swiftlang/swift-package-manager#8731): define it here and hand
/// control to libFuzzer's driver, which then never needs its own `main`.
@_cdecl("referee_fuzz_main")
public func refereeFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector) { data, size in
        guard let data else { return 0 }
        selectedTarget.run(Data(bytes: data, count: size))
        return 0
    }
}
#else
@main
enum FuzzMain {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: referee-fuzz parser|loader|operations|model [--runs N] [--seed S]")
            exit(2)
        }
        arguments.removeFirst()
        var runs = 10_000, seed: UInt64 = 1
        while let flag = arguments.first {
            arguments.removeFirst()
            guard let value = arguments.first else { break }
            arguments.removeFirst()
            if flag == "--runs", let n = Int(value) { runs = n }
            if flag == "--seed", let s = UInt64(value) { seed = s }
        }
        let corpus = target.corpus
        var mutator = SeededMutator(state: seed)
        let start = Date()
        // The input being run is kept in a file, so that a crash leaves its input behind.
        let current = ProcessInfo.processInfo.environment["REFEREE_FUZZ_CURRENT"]
        for i in 0..<runs {
            let base = corpus.isEmpty ? Data() : corpus[i % corpus.count]
            let input = mutator.mutate(base, corpus: corpus)
            if let current { try? input.write(to: URL(fileURLWithPath: current)) }
            target.run(input)
        }
        print("\(target.rawValue): \(runs) inputs, no crash, \(String(format: "%.1f", Date().timeIntervalSince(start))) s (seed \(seed))")
    }
}
#endif
