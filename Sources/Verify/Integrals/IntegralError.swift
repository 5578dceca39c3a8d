/// Bad arguments to the paper's integrals, naming the parameter and the fix.
public enum IntegralError: Error, Sendable, CustomStringConvertible, Equatable {
    case invalidParameter(name: String, value: String, requirement: String)

    public var description: String {
        switch self {
        case .invalidParameter(let n, let v, let r): return "invalid \(n) = \(v): \(r)"
        }
    }
}
