/// A place in a derivation file, 1-based, for error messages of the form `file:line:column`.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
    /// `file:line:column`; just `file` for an error about the file as a whole (line 0).
    public var description: String { line == 0 ? file : "\(file):\(line):\(column)" }
}

/// Bad input in a derivation file: where, what, and how to fix it. The command line prints it
/// and exits with code 2.
public struct DerivationError: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public var fix: String?
    public init(_ location: SourceLocation, _ message: String, fix: String? = nil) {
        self.location = location
        self.message = message
        self.fix = fix
    }
    public var description: String {
        "\(location): error: \(message)" + (fix.map { "\n  fix: \($0)" } ?? "")
    }
}

/// A value read from a derivation file together with the place it came from.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
