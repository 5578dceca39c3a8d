import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The state-dependent code of `CompiledExpressions` translated to C and compiled to machine code by the
/// C compiler of the toolchain (clang or cc on PATH), loaded with dlopen: the fast path of a declared
/// right-hand side in long sweeps. The C function is a line-by-line transcription of the register code
/// (`double r12 = r3 * r5;`), so it computes exactly what the interpreter computes; the compiler only
/// allocates registers and schedules (no -ffast-math: IEEE semantics are kept, no reassociation).
/// When no compiler is found, compilation fails, or REFEREE_NATIVE_CODE=0, `load` returns nil and the
/// interpreter is used. Each distinct source is compiled once per process (cached by its text).
final class NativeCode: @unchecked Sendable {
    typealias Function = @convention(c) (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    let function: Function
    private let handle: UnsafeMutableRawPointer

    private init(function: Function, handle: UnsafeMutableRawPointer) {
        self.function = function
        self.handle = handle
    }
    // The library stays loaded for the life of the process (cached in `cache`).

    nonisolated(unsafe) private static var cache: [String: NativeCode] = [:]
    nonisolated(unsafe) private static var failed: Set<String> = []
    private static let lock = NSLock()

    /// The C source of `code`: `void f(const double *y, const double *c, double *out)`, with c the bound
    /// registers (literals, parameters, parameter-only values).
    static func source(_ code: CompiledExpressions) -> String {
        var lines = ["#include <math.h>", "void referee_rates(const double *restrict y, const double *restrict c, double *restrict out) {"]
        var local = Set<Int32>()
        func operand(_ r: Int32) -> String {
            if Int(r) < code.stateCount { return "y[\(r)]" }
            return local.contains(r) ? "r\(r)" : "c[\(r)]"
        }
        for ins in code.stateCode {
            let a = operand(ins.a), b = operand(ins.b)
            let e: String
            switch ins.op {
            case .add: e = "\(a) + \(b)"
            case .sub: e = "\(a) - \(b)"
            case .mul: e = "\(a) * \(b)"
            case .div: e = "\(a) / \(b)"
            case .neg: e = "-\(a)"
            case .sqrt: e = "sqrt(\(a))"
            case .exp: e = "exp(\(a))"
            case .log: e = "log(\(a))"
            case .sin: e = "sin(\(a))"
            case .cos: e = "cos(\(a))"
            case .tan: e = "tan(\(a))"
            case .atan: e = "atan(\(a))"
            case .sinh: e = "sinh(\(a))"
            case .cosh: e = "cosh(\(a))"
            case .tanh: e = "tanh(\(a))"
            case .abs: e = "fabs(\(a))"
            case .fermi: e = "1.0 / (exp(\(a)) + 1.0)"
            case .pow: e = "pow(\(a), \(b))"
            }
            lines.append("  const double r\(ins.dst) = \(e);")
            local.insert(ins.dst)
        }
        for (k, o) in code.outputs.enumerated() { lines.append("  out[\(k)] = \(operand(o));") }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The compiler: clang, then cc, on PATH.
    static func compiler() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["clang", "cc"] {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The native function of `code`, or nil (interpreter) — see the type's documentation.
    static func load(_ code: CompiledExpressions) -> NativeCode? {
        if ProcessInfo.processInfo.environment["REFEREE_NATIVE_CODE"] == "0" { return nil }
        let text = source(code)
        lock.lock(); defer { lock.unlock() }
        if let done = cache[text] { return done }
        if failed.contains(text) { return nil }
        guard let compiler = compiler() else { failed.insert(text); return nil }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("referee-native-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let c = dir.appendingPathComponent("rates.c").path, so = dir.appendingPathComponent("rates.so").path
            try text.write(toFile: c, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: compiler)
            process.arguments = ["-O2", "-fPIC", "-shared", "-fno-fast-math", "-ffp-contract=off", "-o", so, c, "-lm"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let handle = dlopen(so, RTLD_NOW | RTLD_LOCAL) else { failed.insert(text); return nil }
            guard let symbol = dlsym(handle, "referee_rates") else { dlclose(handle); failed.insert(text); return nil }
            let native = NativeCode(function: unsafeBitCast(symbol, to: Function.self), handle: handle)
            cache[text] = native
            return native
        } catch {
            failed.insert(text)
            return nil
        }
    }
}

/// The native code of one system's right-hand side, compiled on first use (shared by copies of the system).
final class NativeSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var tried = false
    private var code: NativeCode?
    func get(_ compiled: CompiledExpressions) -> NativeCode? {
        lock.lock(); defer { lock.unlock() }
        if !tried { code = NativeCode.load(compiled); tried = true }
        return code
    }
}

/// Bound registers in memory owned by one object, so that a field reads them through a raw pointer.
final class BoundRegisters: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<Double>
    init(_ values: [Double]) {
        pointer = .allocate(capacity: max(values.count, 1))
        _ = pointer.initialize(from: values)
    }
    deinit { pointer.deallocate() }
}
