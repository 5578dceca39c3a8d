import Foundation
import Synchronization
import Symbolic

/// The scalar definitions of a derivation file, for commands that read a model from a file
/// (`referee coefficients`, `referee effective-lindbladian`, the dynamics harness): the file is read
/// and every ```define line evaluated as for an audit; a definition is then a scalar expression in
/// the file's symbols, and a point of parameter space is a substitution of exact numbers.
public struct DeclaredDefinitions: Sendable {
    public let path: String
    let context: DerivationContext

    public init(path: String, engine: Engine = .standard) throws {
        self.path = path
        context = try DerivationContext(file: try DerivationReader.read(path: path), engine: engine)
    }

    /// The definitions of a derivation given as text (`name` is used in error locations).
    public init(text: String, name: String, engine: Engine = .standard) throws {
        self.path = name
        context = try DerivationContext(file: try DerivationReader.read(data: Data(text.utf8), path: name), engine: engine)
    }

    private static let loaded = Mutex<[String: DeclaredDefinitions]>([:])

    /// The file at `path` read once per process (a model file evaluated symbolically once, then
    /// substituted at every parameter point).
    public static func shared(path: String) throws -> DeclaredDefinitions {
        if let d = loaded.withLock({ $0[path] }) { return d }
        let d = try DeclaredDefinitions(path: path)
        loaded.withLock { $0[path] = d }
        return d
    }

    /// The path of a file of this repository (`derivations/sd-coupling.md`): relative to the working
    /// directory or one of its ancestors, else relative to the source tree this binary was built from.
    public static func repositoryFile(_ relative: String) -> String {
        let fm = FileManager.default
        var dir = URL(fileURLWithPath: fm.currentDirectoryPath)
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent(relative).path
            if fm.fileExists(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        // Sources/Verify/Model/DeclaredDefinitions.swift → the repository root.
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return root.appendingPathComponent(relative).path
    }

    /// The declared symbol named `name`.
    public func symbol(_ name: String) -> Symbol? { context.parse.symbols[name] }

    /// Names of the file's scalar definitions.
    public var scalarNames: [String] { context.parse.definitions.keys.sorted() }

    /// The scalar definition `name` with the given values substituted for symbols.
    public func value(_ name: String, at values: [String: Expr]) throws -> Expr {
        guard let e = context.parse.definitions[name] else {
            let near = DerivationReader.nearest(name, in: scalarNames).map { "did you mean `\($0)`? " } ?? ""
            throw DerivationError(SourceLocation(file: path, line: 0), "`\(name)` is not a scalar definition of this file",
                                  fix: near + "its scalar definitions: " + scalarNames.joined(separator: ", "))
        }
        var map: [Symbol: Expr] = [:]
        for (n, v) in values {
            guard let s = symbol(n) else {
                throw DerivationError(SourceLocation(file: path, line: 0), "`\(n)` is not a declared symbol of this file",
                                      fix: "its symbols: " + context.parse.symbols.keys.sorted().joined(separator: ", "))
            }
            map[s] = v
        }
        return e.substituting(map)
    }
}
