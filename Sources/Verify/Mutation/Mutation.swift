import Symbolic

/// A deliberately wrong variant of a printed formula: the kinds of error a transcription or a
/// derivation typically makes (issue "a checker that cannot be fooled").
public struct Mutation: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable, Hashable {
        /// The whole expression, or one term of a sum, with its sign flipped.
        case flippedSign = "flipped sign"
        /// The whole expression multiplied by 2 or by 1/2.
        case factorTwo = "factor 2 or 1/2"
        /// One exponent raised or lowered by 1 (a symbol x becomes x^2).
        case exponent = "exponent ±1"
        /// Two symbols swapped everywhere.
        case swappedSymbols = "swapped symbols"
        /// One term of a sum dropped.
        case droppedTerm = "dropped term"
        /// i replaced by −i everywhere.
        case conjugatedI = "i ↔ −i"
        /// One term of a sum multiplied by 2 (field expressions, where a global factor is equivalent).
        case scaledTerm = "one term times 2"
        /// The branch label of one contour field swapped: ψ₊ ↔ ψ₋ (1 ↔ −1), or ψ_c ↔ ψ_q.
        case swappedBranch = "branch 1 ↔ −1"
        /// A quoted constant shifted by 1 (a claimed 0 becomes 1).
        case shiftedConstant = "constant + 1"
    }
    public var kind: Kind
    /// What was changed, e.g. "term 2 of the sum at depth 1: sign flipped".
    public var description: String
    public var expression: Expr
}

/// Collects mutants: at most `limit` of each kind, leaving out duplicates and the original itself.
struct MutantCollector {
    let limit: Int
    private(set) var mutants: [Mutation] = []
    private var counts: [Mutation.Kind: Int] = [:]
    private var seen: Set<Expr>

    init(original: Expr, limit: Int) {
        self.limit = limit
        seen = [original]
    }

    mutating func add(_ kind: Mutation.Kind, _ what: String, _ e: Expr) {
        guard counts[kind, default: 0] < limit, !seen.contains(e) else { return }
        seen.insert(e)
        counts[kind, default: 0] += 1
        mutants.append(Mutation(kind: kind, description: what, expression: e))
    }
}

extension Expr {
    /// Every mutant of this expression, at most `limit` of each kind (the first ones in a
    /// deterministic walk). Mutants equal to the original in canonical form are left out.
    public func mutants(limitPerKind limit: Int = 40) -> [Mutation] {
        var collector = MutantCollector(original: self, limit: limit)
        func add(_ kind: Mutation.Kind, _ what: String, _ e: Expr) { collector.add(kind, what, e) }
        add(.flippedSign, "whole expression negated", -self)
        add(.factorTwo, "whole expression times 2", Expr(2) * self)
        add(.factorTwo, "whole expression times 1/2", self / Expr(2))

        // Local mutations at every node, by path.
        for (path, node) in self.nodesWithPaths() {
            let place = path.isEmpty ? "at the top" : "at node \(path.map(String.init).joined(separator: "."))"
            switch node {
            case .sum(let terms):
                for (k, _) in terms.enumerated() {
                    var flipped = terms
                    flipped[k] = -terms[k]
                    add(.flippedSign, "term \(k + 1) of the sum \(place) negated", replacing(at: path, with: .sum(of: flipped)))
                    var dropped = terms
                    dropped.remove(at: k)
                    add(.droppedTerm, "term \(k + 1) of the sum \(place) dropped", replacing(at: path, with: .sum(of: dropped)))
                }
            case .power(let b, let e):
                add(.exponent, "exponent \(place) raised by 1", replacing(at: path, with: .pow(b, e + .one)))
                add(.exponent, "exponent \(place) lowered by 1", replacing(at: path, with: .pow(b, e - .one)))
            case .symbol:
                add(.exponent, "symbol \(place) squared", replacing(at: path, with: .pow(node, Expr(2))))
            default:
                break
            }
        }
        // Swaps of two symbols.
        let symbols = freeSymbols.sorted()
        for i in symbols.indices {
            for j in symbols.indices where j > i {
                let (a, b) = (symbols[i], symbols[j])
                let swapped = mapBottomUp { node in
                    if case .symbol(let s) = node { return s == a ? .symbol(b) : (s == b ? .symbol(a) : node) }
                    return node
                }
                add(.swappedSymbols, "\(a.name) ↔ \(b.name)", swapped)
            }
        }
        // i ↔ −i.
        let conjugated = mapBottomUp { node in
            if case .number(let z) = node, !z.im.isZero { return .number(z.conjugate) }
            return node
        }
        add(.conjugatedI, "i replaced by −i", conjugated)
        return collector.mutants
    }

    /// Mutants of a contour-field expression (`psi(x, branch, shift)`, `psibar`, `gr`, …): one term
    /// of a sum negated or doubled, and, when `branches` is true, the branch label of one field
    /// swapped (1 ↔ −1, c ↔ q). Global factors are left out: a causality check is blind to them
    /// by linearity. At most `limit` of each kind, in a deterministic walk.
    public func fieldMutants(limitPerKind limit: Int, branches: Bool) -> [Mutation] {
        var collector = MutantCollector(original: self, limit: limit)
        func add(_ kind: Mutation.Kind, _ what: String, _ e: Expr) { collector.add(kind, what, e) }
        for (path, node) in nodesWithPaths() {
            let place = path.isEmpty ? "at the top" : "at node \(path.map(String.init).joined(separator: "."))"
            switch node {
            case .sum(let terms):
                for k in terms.indices {
                    var flipped = terms
                    flipped[k] = -terms[k]
                    add(.flippedSign, "term \(k + 1) of the sum \(place) negated", replacing(at: path, with: .sum(of: flipped)))
                    var scaled = terms
                    scaled[k] = Expr(2) * terms[k]
                    add(.scaledTerm, "term \(k + 1) of the sum \(place) times 2", replacing(at: path, with: .sum(of: scaled)))
                }
            case .call(let name, let args) where branches && (name == "psi" || name == "psibar") && args.count >= 2:
                let swapped: Expr?
                switch args[1] {
                case Expr(1): swapped = Expr(-1)
                case Expr(-1): swapped = Expr(1)
                case .symbol(let s) where s.name == "c": swapped = .symbol(Symbol("q", s.assumptions))
                case .symbol(let s) where s.name == "q": swapped = .symbol(Symbol("c", s.assumptions))
                default: swapped = nil
                }
                if let swapped {
                    var a = args
                    a[1] = swapped
                    add(.swappedBranch, "branch of \(name) \(place): \(args[1].text) → \(swapped.text)", replacing(at: path, with: .call(name, a)))
                }
            default:
                break
            }
        }
        return collector.mutants
    }

    /// Every node with its path of child indices from the root (pre-order).
    func nodesWithPaths() -> [([Int], Expr)] {
        var out: [([Int], Expr)] = []
        func walk(_ e: Expr, _ path: [Int]) {
            out.append((path, e))
            for (k, c) in e.children.enumerated() { walk(c, path + [k]) }
        }
        walk(self, [])
        return out
    }

    /// This expression with the node at `path` replaced, rebuilt canonically.
    func replacing(at path: [Int], with new: Expr) -> Expr {
        guard let first = path.first else { return new }
        var kids = children
        kids[first] = kids[first].replacing(at: Array(path.dropFirst()), with: new)
        return rebuilt(kids)
    }
}
