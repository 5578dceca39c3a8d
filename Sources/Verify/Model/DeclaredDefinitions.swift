import Foundation
import Symbolic

/// The scalar definitions of a derivation file, for commands that read a model from a file
/// (`referee coefficients`): the file is read and every ```define line evaluated as for an audit;
/// a definition is then a scalar expression in the file's symbols, and a point of parameter space
/// is a substitution of exact numbers.
public struct DeclaredDefinitions: Sendable {
    public let path: String
    let context: DerivationContext

    public init(path: String, engine: Engine = .standard) throws {
        self.path = path
        context = try DerivationContext(file: try DerivationReader.read(path: path), engine: engine)
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
