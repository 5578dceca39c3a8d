import Symbolic
import Grassmann

extension DeclaredDefinitions {
    /// Names of the file's superoperator definitions.
    public var superoperatorNames: [String] {
        context.model.values.compactMap { if case .superoperator = $0.value { return $0.key }; return nil }.sorted()
    }

    /// The superoperator definition `name` at a point of parameter space, as a floating CSR matrix on
    /// vectorised operators (AX(S5)). A GKSL form (`liouvillian`, `dissipator`, `lindblad`, their sums
    /// and multiples) is lowered straight from its operators (`NumericPlan`: distinct entries evaluated
    /// once in double precision, `LiouvillianAssembly`); any other superoperator is built symbolically
    /// and evaluated entry by entry. Every free symbol needs a value.
    public func liouvillian(_ name: String, at values: [(String, Expr)]) throws -> CompressedSparseMatrix {
        guard case .superoperator(let s)? = context.model.values[name] else {
            let near = DerivationReader.nearest(name, in: superoperatorNames).map { "did you mean `\($0)`? " } ?? ""
            throw DerivationError(SourceLocation(file: path, line: 0), "`\(name)` is not a superoperator defined in this file",
                                  fix: near + "its superoperators: " + superoperatorNames.joined(separator: ", "))
        }
        var table: [Symbol: Grassmann.ComplexDouble] = [:]
        for (n, e) in values {
            guard let symbol = symbol(n) else {
                throw DerivationError(SourceLocation(file: path, line: 0), "`\(n)` is not a declared symbol of this file",
                                      fix: "its symbols: " + context.parse.symbols.keys.sorted().joined(separator: ", "))
            }
            guard let z = e.numberValue else {
                throw DerivationError(SourceLocation(file: path, line: 0), "the value of `\(n)` is not a number", fix: "give an exact number, e.g. 0.5")
            }
            table[symbol] = Grassmann.ComplexDouble(z.re.doubleValue, z.im.doubleValue)
        }
        do { return try s.numeric(at: table) } catch let e as EvaluationError {
            throw DerivationError(SourceLocation(file: path, line: 0), "cannot evaluate `\(name)`: \(e)",
                                  fix: "give a value for every symbol it depends on")
        }
    }

    /// The same as a dictionary-row superoperator (for `SlowSpectrumComparison` and `ExactEigenbasis`).
    public func superoperator(_ name: String, at values: [(String, Expr)]) throws -> SuperOperator<Grassmann.ComplexDouble> {
        let m = try liouvillian(name, at: values)
        var d = 1
        while d * d < m.rowCount { d += 1 }
        return SuperOperator(dimension: d, matrix: m.sparse)
    }
}
