/// An error of the Grassmann algebra: what went wrong and how to fix it.
public struct GrassmannError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var fix: String
    public init(_ message: String, fix: String) { self.message = message; self.fix = fix }
    public var description: String { "\(message) (fix: \(fix))" }
}
