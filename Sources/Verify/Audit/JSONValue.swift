/// A JSON value with ordered object keys, so that reports are byte-identical from run to run.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number written exactly as given (decimal strings from the engine keep all their digits).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

    /// Serialises with two-space indentation.
    public func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent), inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .number(let s): return s
        case .string(let s): return JSONValue.quote(s)
        case .array(let xs):
            if xs.isEmpty { return "[]" }
            return "[\n" + xs.map { inner + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad + "]"
        case .object(let kv):
            if kv.isEmpty { return "{}" }
            return "{\n" + kv.map { inner + JSONValue.quote($0.0) + ": " + $0.1.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    /// `.string` or `.null`.
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// A binary64 result as a JSON number with 17 significant digits (round-trips exactly); non-finite → null.
    public static func double(_ x: Double) -> JSONValue { x.isFinite ? .number(String(format: "%.17g", x)) : .null }

    /// The one layout of every command's JSON (docs/JSON.md, schema/referee-output.schema.json): an object that
    /// starts with `referee_version` and `command` (the subcommand, e.g. `audit`, `keldysh partition`), then the
    /// command's own snake_case fields.
    public static func document(_ command: String, _ fields: [(String, JSONValue)]) -> JSONValue {
        .object([("referee_version", .string(RefereeVersion.number)), ("command", .string(command))] + fields)
    }
}

import Foundation
