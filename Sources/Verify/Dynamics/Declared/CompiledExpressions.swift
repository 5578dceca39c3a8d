import Foundation
import Symbolic

/// Real expressions in state components y₀…y_{n−1} and parameters p₀…p_{m−1}, compiled once to
/// straight-line Double code (the fast path of a declared system's right-hand side, `DeclaredSystem`).
///
/// Compilation: every distinct subexpression gets one register (common subexpressions are shared,
/// `Expr` is hash-consed through a table); integer powers become multiplications by repeated squaring,
/// x^(±1/2) square roots, negative powers divisions, `a + (−1)·b` a subtraction. Instructions whose
/// operands do not depend on the state (parameter-only subexpressions such as 1/(3T²) or γ_B/|g_B|·j_AB)
/// are split off and run once when the parameters are bound (`bind`); an evaluation runs only the
/// state-dependent instructions. The expressions must be real: an imaginary constant, `re`/`im` of a
/// complex quantity or a numeric function call is rejected at compile time.
public struct CompiledExpressions: Sendable {
    enum Op: UInt8, Sendable { case add, sub, mul, div, neg, sqrt, exp, log, sin, cos, tan, atan, sinh, cosh, tanh, abs, fermi, pow }
    struct Instruction: Sendable { var op: Op; var dst: Int32; var a: Int32; var b: Int32 }

    public let stateCount: Int
    public let parameterCount: Int
    let registerCount: Int
    /// Literal constants (register, value).
    let literals: [(Int32, Double)]
    /// Instructions depending only on parameters and constants (run by `bind`).
    let parameterCode: [Instruction]
    /// Instructions depending on the state (run by every evaluation), in dependency order.
    let stateCode: [Instruction]
    /// The register of each output expression.
    let outputs: [Int32]
    /// `stateCode` and `outputs` in memory owned by one object, read without bounds checks on the hot path.
    let tape: Tape

    /// The state code and outputs in raw storage (allocated once, freed with the last copy).
    final class Tape: @unchecked Sendable {
        let code: UnsafeMutableBufferPointer<Instruction>
        let outputs: UnsafeMutableBufferPointer<Int32>
        init(code: [Instruction], outputs: [Int32]) {
            self.code = .allocate(capacity: code.count)
            _ = self.code.initialize(from: code)
            self.outputs = .allocate(capacity: outputs.count)
            _ = self.outputs.initialize(from: outputs)
        }
        deinit { code.deallocate(); outputs.deallocate() }
    }

    /// The number of state-dependent instructions (the cost of one evaluation).
    public var instructionCount: Int { stateCode.count }

    /// A compile-time failure: the offending subexpression and why.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Compiles `expressions` over `state` (register i ← y_i) and `parameters`.
    public init(_ expressions: [Expr], state: [Symbol], parameters: [Symbol]) throws {
        let builder = Builder(state: state, parameters: parameters)
        outputs = try expressions.map { try builder.register($0) }
        stateCount = state.count
        parameterCount = parameters.count
        registerCount = Int(builder.next)
        literals = builder.literals
        parameterCode = builder.code.filter { !builder.varying[Int($0.dst)] }
        stateCode = builder.code.filter { builder.varying[Int($0.dst)] }
        tape = Tape(code: stateCode, outputs: outputs)
    }

    /// The output count.
    public var outputCount: Int { outputs.count }
    /// The number of registers `bind` returns.
    public var registers: Int { max(registerCount, 1) }

    /// Evaluates every output at y (registers prepared by `bind`) into `out`.
    @inline(__always)
    func evaluate(_ y: UnsafePointer<Double>, registers r: UnsafeMutablePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        for i in 0..<stateCount { r[i] = y[i] }
        Self.run(r, UnsafeBufferPointer(tape.code))
        let o = tape.outputs
        for k in 0..<o.count { out[k] = r[Int(o[k])] }
    }

    /// The registers with literals and parameter values set and the parameter-only code run.
    public func bind(_ parameterValues: [Double]) -> [Double] {
        precondition(parameterValues.count == parameterCount)
        var r = [Double](repeating: 0, count: max(registerCount, 1))
        for (k, v) in literals { r[Int(k)] = v }
        for (j, v) in parameterValues.enumerated() { r[stateCount + j] = v }
        r.withUnsafeMutableBufferPointer { p in
            parameterCode.withUnsafeBufferPointer { Self.run(p.baseAddress!, $0) }
        }
        return r
    }

    /// Evaluates the outputs at y into `out`, using `registers` (a copy of `bind`'s result, reused
    /// between calls: only state-dependent registers are overwritten).
    @inline(__always)
    func evaluate(_ y: UnsafePointer<Double>, registers r: UnsafeMutablePointer<Double>, code: UnsafeBufferPointer<Instruction>,
                  outputs: UnsafeBufferPointer<Int32>, into out: UnsafeMutablePointer<Double>) {
        for i in 0..<stateCount { r[i] = y[i] }
        Self.run(r, code)
        for (k, o) in outputs.enumerated() { out[k] = r[Int(o)] }
    }

    /// The outputs at y with bound registers (array form, for tests and slow paths).
    public func values(at y: [Double], bound: [Double]) -> [Double] {
        var r = bound
        var out = [Double](repeating: 0, count: outputs.count)
        y.withUnsafeBufferPointer { yp in
            r.withUnsafeMutableBufferPointer { rp in
                stateCode.withUnsafeBufferPointer { code in
                    outputs.withUnsafeBufferPointer { o in
                        out.withUnsafeMutableBufferPointer { evaluate(yp.baseAddress!, registers: rp.baseAddress!, code: code, outputs: o, into: $0.baseAddress!) }
                    }
                }
            }
        }
        return out
    }

    @inline(__always)
    static func run(_ r: UnsafeMutablePointer<Double>, _ code: UnsafeBufferPointer<Instruction>) {
        for ins in code {
            let a = r[Int(ins.a)], b = r[Int(ins.b)]
            let v: Double
            switch ins.op {
            case .add: v = a + b
            case .sub: v = a - b
            case .mul: v = a * b
            case .div: v = a / b
            case .neg: v = -a
            case .sqrt: v = a.squareRoot()
            case .exp: v = Foundation.exp(a)
            case .log: v = Foundation.log(a)
            case .sin: v = Foundation.sin(a)
            case .cos: v = Foundation.cos(a)
            case .tan: v = Foundation.tan(a)
            case .atan: v = Foundation.atan(a)
            case .sinh: v = Foundation.sinh(a)
            case .cosh: v = Foundation.cosh(a)
            case .tanh: v = Foundation.tanh(a)
            case .abs: v = Swift.abs(a)
            case .fermi: v = 1 / (Foundation.exp(a) + 1)
            case .pow: v = Foundation.pow(a, b)
            }
            r[Int(ins.dst)] = v
        }
    }

    /// Builds the register code of a set of expressions.
    final class Builder {
        var memo: [Expr: Int32] = [:]
        var varying: [Bool]
        var code: [Instruction] = []
        var literals: [(Int32, Double)] = []
        var literalRegisters: [Double: Int32] = [:]
        var next: Int32
        let stateIndex: [Symbol: Int32]
        let parameterIndex: [Symbol: Int32]

        init(state: [Symbol], parameters: [Symbol]) {
            var s: [Symbol: Int32] = [:], p: [Symbol: Int32] = [:]
            for (i, x) in state.enumerated() { s[x] = Int32(i) }
            for (j, x) in parameters.enumerated() { p[x] = Int32(state.count + j) }
            stateIndex = s
            parameterIndex = p
            next = Int32(state.count + parameters.count)
            varying = Array(repeating: true, count: state.count) + Array(repeating: false, count: parameters.count)
        }

        func literal(_ v: Double) -> Int32 {
            if let r = literalRegisters[v] { return r }
            let r = next; next += 1
            varying.append(false)
            literals.append((r, v))
            literalRegisters[v] = r
            return r
        }

        func emit(_ op: Op, _ a: Int32, _ b: Int32? = nil) -> Int32 {
            let r = next; next += 1
            varying.append(varying[Int(a)] || b.map { varying[Int($0)] } ?? false)
            code.append(Instruction(op: op, dst: r, a: a, b: b ?? a))
            return r
        }

        func register(_ e: Expr) throws -> Int32 {
            if let r = memo[e] { return r }
            let r = try build(e)
            memo[e] = r
            return r
        }

        /// The term without its sign when it is a product with a negative numeric coefficient.
        func negated(_ t: Expr) -> Expr? {
            guard case .product(let fs) = t, let c = fs.first?.rationalValue, c.isNegative else {
                if let c = t.rationalValue, c.isNegative { return Expr(-c) }
                return nil
            }
            let rest = Array(fs.dropFirst())
            if c == BigRational(-1) { return rest.count == 1 ? rest[0] : .product(rest) }
            return .product([Expr(-c)] + rest)
        }

        func power(_ base: Int32, _ k: Int) -> Int32 {
            // repeated squaring, k ≥ 1
            var result: Int32? = nil, square = base, n = k
            while n > 0 {
                if n & 1 == 1 { result = result.map { emit(.mul, $0, square) } ?? square }
                n >>= 1
                if n > 0 { square = emit(.mul, square, square) }
            }
            return result!
        }

        func build(_ e: Expr) throws -> Int32 {
            switch e {
            case .number(let z):
                guard z.im.isZero else { throw Failure(message: "the imaginary constant in `\(e.text)`: a right-hand side must be real") }
                return literal(z.re.doubleValue)
            case .constant(let c):
                return literal(c == .pi ? Double.pi : M_E)
            case .symbol(let s):
                if let i = stateIndex[s] ?? parameterIndex[s] { return i }
                throw Failure(message: "`\(s.name)` has no value in the equations of motion (neither a state variable nor a parameter)")
            case .sum(let terms):
                guard let first = terms.first else { return literal(0) }
                var acc: Int32
                if let n = negated(first) { acc = emit(.neg, try register(n)) } else { acc = try register(first) }
                for t in terms.dropFirst() {
                    if let n = negated(t) { acc = emit(.sub, acc, try register(n)) } else { acc = emit(.add, acc, try register(t)) }
                }
                return acc
            case .product(let factors):
                var coefficient = BigRational(1)
                var numerator: [Expr] = [], denominator: [Expr] = []
                for f in factors {
                    if let c = f.rationalValue { coefficient = coefficient * c; continue }
                    if case .power(let b, let x) = f, let q = x.rationalValue, q.isNegative {
                        denominator.append(-q == BigRational(1) ? b : .power(b, Expr(-q)))
                    } else { numerator.append(f) }
                }
                var acc: Int32? = nil
                for f in numerator { let r = try register(f); acc = acc.map { emit(.mul, $0, r) } ?? r }
                if coefficient == BigRational(-1), let a = acc { acc = emit(.neg, a) }
                else if coefficient != BigRational(1) || acc == nil {
                    let c = literal(coefficient.doubleValue)
                    acc = acc.map { emit(.mul, c, $0) } ?? c
                }
                if !denominator.isEmpty {
                    var d = try register(denominator[0])
                    for f in denominator.dropFirst() { d = emit(.mul, d, try register(f)) }
                    acc = emit(.div, acc!, d)
                }
                return acc!
            case .power(let b, let x):
                let base = try register(b)
                if let q = x.rationalValue {
                    if q.denominator == BigInt(1), let k = q.numerator.intValue, k != 0, abs(k) <= 64 {
                        let p = power(base, abs(k))
                        return k > 0 ? p : emit(.div, literal(1), p)
                    }
                    if q == BigRational(1, 2) { return emit(.sqrt, base) }
                    if q == BigRational(-1, 2) { return emit(.div, literal(1), emit(.sqrt, base)) }
                }
                return emit(.pow, base, try register(x))
            case .function(let f, let x):
                let a = try register(x)
                switch f {
                case .exp: return emit(.exp, a)
                case .log: return emit(.log, a)
                case .sin: return emit(.sin, a)
                case .cos: return emit(.cos, a)
                case .tan: return emit(.tan, a)
                case .atan: return emit(.atan, a)
                case .sinh: return emit(.sinh, a)
                case .cosh: return emit(.cosh, a)
                case .tanh: return emit(.tanh, a)
                case .abs: return emit(.abs, a)
                case .fermi: return emit(.fermi, a)
                case .re, .conj: return a
                case .im: return literal(0)
                }
            case .call(let name, _):
                throw Failure(message: "`\(e.text)`: the function `\(name)` cannot be compiled into a right-hand side; compute its value in a ```define block or a `values:` line and use that name")
            }
        }
    }
}
