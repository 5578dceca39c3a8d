import ArgumentParser
import Foundation
import Verify

/// Which declared system of equations of motion a dynamics command runs: an ```ode block of a derivation
/// file. The default is the paper's NC(8), system `bilayer` of derivations/dynamics.md.
struct SystemOptions: ParsableArguments {
    @Option(help: "Derivation file declaring the system in an ```ode block (default: derivations/dynamics.md).") var file: String?
    @Option(help: "Name of the declared system (default: bilayer, the paper's NC(8)).") var system: String?
    @Option(name: .customLong("set"), parsing: .singleValue, help: "Value of a parameter of the declared system, name=value (repeatable); overrides the block's values:.")
    var set: [String] = []

    static let paperFile = "derivations/dynamics.md"
    static let paperSystem = "bilayer"

    /// True when the command runs the paper's NC(8).
    var isPaperSystem: Bool { (system ?? Self.paperSystem) == Self.paperSystem && (file == nil || file!.hasSuffix(Self.paperFile)) }

    /// The file: `--file`, or derivations/dynamics.md in the working folder, or in the source tree of this build.
    func path() throws -> String {
        if let file {
            guard FileManager.default.fileExists(atPath: file) else {
                throw BadInput(place: "--file \(file)", message: "no such file", fix: "give the path of a derivation file with an ```ode block")
            }
            return file
        }
        if FileManager.default.fileExists(atPath: Self.paperFile) { return Self.paperFile }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(Self.paperFile).path
        guard FileManager.default.fileExists(atPath: source) else {
            throw BadInput(place: "--file", message: "derivations/dynamics.md (the paper's NC(8)) is not in the working folder",
                           fix: "run from the repository root or give --file derivations/dynamics.md")
        }
        return source
    }

    /// The declared system (errors in the file are reported at file:line:column, exit 2).
    func load() throws -> DeclaredSystem {
        let path = try path()
        let context = try DerivationContext(file: try DerivationReader.read(path: path), engine: .standard)
        let name = system ?? Self.paperSystem
        guard let s = context.systems[name] else {
            throw BadInput(place: "--system \(name)", message: "\(path) declares no system `\(name)`",
                           fix: "declared systems: \(context.systems.keys.sorted().joined(separator: ", ")); name one, or add an ```ode block")
        }
        return s
    }

    /// The block's values (or `base`) overridden by `--set`.
    func values(for system: DeclaredSystem, base: [String: Double]? = nil) throws -> [String: Double] {
        var values = base ?? system.defaults
        for item in set {
            let parts = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let v = Double(parts[1]), v.isFinite else {
                throw BadInput(place: "--set \(item)", message: "expected name=value", fix: "write e.g. --set j_AB=5")
            }
            guard system.parameter(named: parts[0]) != nil else {
                throw BadInput(place: "--set \(item)", message: "`\(parts[0])` is not a parameter of system \(system.name)",
                               fix: "parameters: \(system.parameters.map(\.name).joined(separator: ", "))")
            }
            values[parts[0]] = v
        }
        for p in system.parameters where values[p.name] == nil {
            throw BadInput(place: "--set", message: "parameter `\(p.name)` of system \(system.name) has no value", fix: "add --set \(p.name)=…")
        }
        return values
    }

    /// `name:a:b` → (name, a…b).
    static func axis(_ text: String, option: String, system: DeclaredSystem) throws -> (String, ClosedRange<Double>) {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 3, let a = Double(parts[1]), let b = Double(parts[2]), a < b else {
            throw BadInput(place: "--\(option) \(text)", message: "expected name:a:b with a < b", fix: "write e.g. --\(option) r:0:2.5")
        }
        guard system.parameter(named: parts[0]) != nil else {
            throw BadInput(place: "--\(option) \(text)", message: "`\(parts[0])` is not a parameter of system \(system.name)",
                           fix: "parameters: \(system.parameters.map(\.name).joined(separator: ", "))")
        }
        return (parts[0], a...b)
    }
}
