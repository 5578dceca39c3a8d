import Foundation
import Symbolic

/// A declared system (`DeclaredSystem`) at fixed parameter values: the vector field the integrators run.
///
/// An evaluation runs the compiled state-dependent code; for an implicit system it then solves
/// (𝟙 − M) v = τ block by block (Gaussian elimination with partial pivoting; a block whose pivot
/// vanishes yields NaN, which the integrator reports as a failed step).
///
/// The struct is small on purpose (one reference, a raw pointer, a function pointer): the integrators copy
/// it and call it millions of times, and a copy of a struct with many references costs a retain each.
public struct DeclaredField: VectorField {
    /// Everything else, owned by one object.
    final class Storage: @unchecked Sendable {
        let system: DeclaredSystem
        let values: [Double]
        let rateRegisters: [Double]
        let jacobianRegisters: [Double]
        let bound: BoundRegisters
        init(system: DeclaredSystem, values: [Double]) {
            self.system = system
            self.values = values
            rateRegisters = system.rates.bind(values)
            jacobianRegisters = system.jacobianCode.bind(values)
            bound = BoundRegisters(rateRegisters)
        }
    }
    let storage: Storage
    /// The bound registers read by the native code (owned by `storage.bound`).
    nonisolated(unsafe) let constants: UnsafePointer<Double>
    /// The right-hand side as machine code, nil when the interpreter runs (`NativeCode`).
    let native: NativeCode.Function?
    let isImplicit: Bool
    public let dimension: Int

    public var system: DeclaredSystem { storage.system }
    /// True when the right-hand side runs as machine code (`NativeCode`), false for the interpreter.
    public var usesNativeCode: Bool { native != nil }
    /// Parameter values in the order of `system.parameters`.
    public var values: [Double] { storage.values }
    var rateRegisters: [Double] { storage.rateRegisters }
    var jacobianRegisters: [Double] { storage.jacobianRegisters }

    /// The field at the given values (by parameter name; every parameter needs a value).
    public init(_ system: DeclaredSystem, values named: [String: Double], useNativeCode: Bool = true) throws {
        var values: [Double] = []
        for p in system.parameters {
            guard let v = named[p.name] ?? system.defaults[p.name] else {
                throw ModelInputError(parameter: p.name, value: .nan,
                                      fix: "give `\(p.name)` a value in the system's `values:` line or in the claim's `parameters:`")
            }
            values.append(v)
        }
        storage = Storage(system: system, values: values)
        constants = UnsafePointer(storage.bound.pointer.baseAddress!)
        native = useNativeCode ? system.native.get(system.rates)?.function : nil
        isImplicit = system.isImplicit
        dimension = system.dimension
    }

    /// The same field evaluated by the interpreter only (for tests of the native path).
    public func interpreted() throws -> DeclaredField {
        try DeclaredField(system, values: Dictionary(uniqueKeysWithValues: zip(system.parameters.map(\.name), values)), useNativeCode: false)
    }

    /// Registers of one evaluation: the compiled code's, then τ and M, then the block solve's work space.
    var scratchSize: Int { rateRegisters.count + system.rates.outputCount + dimension * (dimension + 1) }

    public func evaluate(t: Double, y: [Double], into dy: inout [Double]) {
        var scratch = VectorFieldScratch(dimension: dimension)
        y.withUnsafeBufferPointer { yp in
            dy.withUnsafeMutableBufferPointer { dp in evaluate(t: t, y: yp.baseAddress!, into: dp.baseAddress!, scratch: &scratch) }
        }
    }

    public func evaluate(t: Double, y: UnsafePointer<Double>, into dy: UnsafeMutablePointer<Double>, scratch: inout VectorFieldScratch) {
        if let native, !isImplicit {
            native(y, constants, dy)
            return
        }
        let system = storage.system
        if scratch.registers.count != scratchSize {
            scratch.registers = rateRegisters + [Double](repeating: 0, count: scratchSize - rateRegisters.count)
        }
        let implicit = system.isImplicit
        let n = dimension
        let registerCount = rateRegisters.count
        scratch.registers.withUnsafeMutableBufferPointer { buffer in
            let r = buffer.baseAddress!
            if !implicit {
                system.rates.evaluate(y, registers: r, into: dy)  // interpreter (no native code)
                return
            }
            let out = r + registerCount
            if let native { native(y, constants, out) } else { system.rates.evaluate(y, registers: r, into: out) }
            for i in 0..<n { dy[i] = out[i] }
            let work = out + system.rates.outputCount
            Self.solveImplicit(system, tau: out, coefficients: out + n, work: work, into: dy)
        }
    }

    /// v ← (𝟙 − M)⁻¹ τ on each block of coupled derivatives; `dy` holds τ on entry.
    static func solveImplicit(_ system: DeclaredSystem, tau: UnsafePointer<Double>, coefficients m: UnsafePointer<Double>,
                              work: UnsafeMutablePointer<Double>, into dy: UnsafeMutablePointer<Double>) {
        for block in system.implicitBlocks {
            let k = block.count
            // A = 𝟙 − M on the block (row-major k × k), b = τ on the block.
            for a in 0..<(k * k) { work[a] = 0 }
            for a in 0..<k { work[a * k + a] = 1 }
            for (index, entry) in system.implicitPart.enumerated() {
                guard let i = block.firstIndex(of: entry.row), let j = block.firstIndex(of: entry.column) else { continue }
                work[i * k + j] -= m[index]
            }
            let b = work + k * k
            for a in 0..<k { b[a] = tau[block[a]] }
            Self.gauss(work, b, k)
            for a in 0..<k { dy[block[a]] = b[a] }
        }
    }

    /// Solves A x = b in place (A row-major k × k, destroyed; b ← x), partial pivoting.
    static func gauss(_ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>, _ k: Int) {
        for c in 0..<k {
            var p = c
            for r in (c + 1)..<max(c + 1, k) where abs(a[r * k + c]) > abs(a[p * k + c]) { p = r }
            if p != c {
                for j in 0..<k { let t = a[c * k + j]; a[c * k + j] = a[p * k + j]; a[p * k + j] = t }
                let t = b[c]; b[c] = b[p]; b[p] = t
            }
            let pivot = a[c * k + c]
            for r in (c + 1)..<max(c + 1, k) {
                let f = a[r * k + c] / pivot
                if f == 0 { continue }
                for j in c..<k { a[r * k + j] -= f * a[c * k + j] }
                b[r] -= f * b[c]
            }
        }
        for c in stride(from: k - 1, through: 0, by: -1) {
            var s = b[c]
            for j in (c + 1)..<max(c + 1, k) { s -= a[c * k + j] * b[j] }
            b[c] = s / a[c * k + c]
        }
    }

    /// The rates at y (array form).
    public func rates(at y: [Double]) -> [Double] {
        var dy = [Double](repeating: 0, count: dimension)
        evaluate(t: 0, y: y, into: &dy)
        return dy
    }

    /// The Jacobian ∂f_i/∂y_j at y (n × n, row-major) from the symbolic derivatives of the declared
    /// equations (`Expr.derivative`), compiled; for an implicit system by implicit differentiation.
    public func jacobian(at y: [Double]) -> [Double] {
        let n = dimension
        let parts = system.jacobianCode.values(at: y, bound: jacobianRegisters)
        var b = Array(parts[0..<(n * n)])
        guard system.isImplicit else { return b }
        let v = rates(at: y)
        let m = system.rates.values(at: y, bound: rateRegisters)
        for (k, entry) in system.implicitPart.enumerated() {
            for j in 0..<n { b[entry.row * n + j] += parts[n * n + k * n + j] * v[entry.column] }
        }
        // (𝟙 − M) J = B, column by column.
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { a[i * n + i] = 1 }
        for (k, entry) in system.implicitPart.enumerated() { a[entry.row * n + entry.column] -= m[n + k] }
        var result = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var column = (0..<n).map { b[$0 * n + j] }
            var copy = a
            copy.withUnsafeMutableBufferPointer { ap in column.withUnsafeMutableBufferPointer { Self.gauss(ap.baseAddress!, $0.baseAddress!, n) } }
            for i in 0..<n { result[i * n + j] = column[i] }
        }
        return result
    }

    /// Λ, the ∞-norm of the Jacobian at y: the rate scale of the fastest linear mode there.
    public func rateScale(at y: [Double]) -> Double {
        let n = dimension
        let j = jacobian(at: y)
        return (0..<n).map { i in (0..<n).reduce(0.0) { $0 + abs(j[i * n + $1]) } }.max() ?? 0
    }
}
