import Foundation

/// A JSON value as read by `JSONDocumentReader`: numbers keep their text, so that integer and number differ.
indirect enum JSONNode: Equatable {
    case null, bool(Bool), number(String), string(String), array([JSONNode]), object([(String, JSONNode)])

    static func == (a: JSONNode, b: JSONNode) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return Double(x) == Double(y)
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    subscript(key: String) -> JSONNode? {
        if case .object(let kv) = self { return kv.first { $0.0 == key }?.1 }
        return nil
    }
}

/// A strict JSON reader (RFC 8259): the whole text must be one value; duplicate keys are an error.
struct JSONDocumentReader {
    struct Failure: Error, CustomStringConvertible { var description: String }
    let scalars: [Unicode.Scalar]
    var i = 0

    static func read(_ text: String) throws -> JSONNode {
        var r = JSONDocumentReader(scalars: Array(text.unicodeScalars))
        let v = try r.value()
        r.space()
        guard r.i == r.scalars.count else { throw Failure(description: "text after the JSON value at \(r.i)") }
        return v
    }

    mutating func space() { while i < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[i]) { i += 1 } }

    mutating func value() throws -> JSONNode {
        space()
        guard i < scalars.count else { throw Failure(description: "unexpected end") }
        switch scalars[i] {
        case "{":
            i += 1
            var kv: [(String, JSONNode)] = []
            space()
            if i < scalars.count, scalars[i] == "}" { i += 1; return .object(kv) }
            while true {
                space()
                guard case .string(let key) = try value() else { throw Failure(description: "object key is not a string at \(i)") }
                if kv.contains(where: { $0.0 == key }) { throw Failure(description: "duplicate key \(key)") }
                space()
                guard i < scalars.count, scalars[i] == ":" else { throw Failure(description: "expected : at \(i)") }
                i += 1
                kv.append((key, try value()))
                space()
                guard i < scalars.count else { throw Failure(description: "unclosed object") }
                if scalars[i] == "," { i += 1; continue }
                if scalars[i] == "}" { i += 1; return .object(kv) }
                throw Failure(description: "expected , or } at \(i)")
            }
        case "[":
            i += 1
            var xs: [JSONNode] = []
            space()
            if i < scalars.count, scalars[i] == "]" { i += 1; return .array(xs) }
            while true {
                xs.append(try value())
                space()
                guard i < scalars.count else { throw Failure(description: "unclosed array") }
                if scalars[i] == "," { i += 1; continue }
                if scalars[i] == "]" { i += 1; return .array(xs) }
                throw Failure(description: "expected , or ] at \(i)")
            }
        case "\"":
            i += 1
            var s = ""
            while i < scalars.count, scalars[i] != "\"" {
                if scalars[i] == "\\" {
                    i += 1
                    guard i < scalars.count else { break }
                    switch scalars[i] {
                    case "n": s += "\n"
                    case "t": s += "\t"
                    case "r": s += "\r"
                    case "b": s += "\u{8}"
                    case "f": s += "\u{c}"
                    case "u":
                        let hex = String(String.UnicodeScalarView(scalars[(i + 1)..<min(i + 5, scalars.count)]))
                        guard let code = UInt32(hex, radix: 16), let u = Unicode.Scalar(code) else { throw Failure(description: "bad \\u escape") }
                        s.unicodeScalars.append(u)
                        i += 4
                    default: s.unicodeScalars.append(scalars[i])
                    }
                } else {
                    guard scalars[i].value >= 0x20 else { throw Failure(description: "control character in a string") }
                    s.unicodeScalars.append(scalars[i])
                }
                i += 1
            }
            guard i < scalars.count else { throw Failure(description: "unclosed string") }
            i += 1
            return .string(s)
        case "t", "f", "n":
            for (word, v) in [("true", JSONNode.bool(true)), ("false", .bool(false)), ("null", .null)] {
                let w = Array(word.unicodeScalars)
                if i + w.count <= scalars.count, Array(scalars[i..<(i + w.count)]) == w { i += w.count; return v }
            }
            throw Failure(description: "bad literal at \(i)")
        default:
            let start = i
            while i < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[i]) { i += 1 }
            let text = String(String.UnicodeScalarView(scalars[start..<i]))
            guard text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil else {
                throw Failure(description: "bad number \(text) at \(start)")
            }
            return .number(text)
        }
    }
}

/// A validator for the subset of JSON Schema (2020-12) that schema/referee-output.schema.json uses:
/// type (one or several), enum, const, required, properties, additionalProperties (false or a schema), items,
/// minItems, maxItems, pattern, oneOf, anyOf and local $ref (#/$defs/…). Any other keyword is reported, so that the
/// schema cannot silently use something this validator ignores.
struct JSONSchemaValidator {
    let root: JSONNode
    static let known: Set<String> = ["$schema", "$id", "title", "description", "type", "enum", "const", "required", "properties",
                                     "additionalProperties", "items", "minItems", "maxItems", "pattern", "oneOf", "anyOf", "$ref", "$defs"]

    /// The violations of `value` (empty when it is valid), each with its JSON path.
    func errors(_ value: JSONNode, _ schema: JSONNode? = nil, path: String = "$") -> [String] {
        let schema = schema ?? root
        guard case .object(let kv) = schema else { return ["\(path): schema is not an object"] }
        var out: [String] = []
        for (k, _) in kv where !Self.known.contains(k) { out.append("\(path): unsupported schema keyword \(k)") }
        if case .string(let r)? = schema["$ref"] {
            guard r.hasPrefix("#/$defs/"), let target = root["$defs"]?[String(r.dropFirst(8))] else { return ["\(path): unresolved $ref \(r)"] }
            out += errors(value, target, path: path)
        }
        if let t = schema["type"] {
            let types: [String]
            switch t { case .string(let s): types = [s]; case .array(let xs): types = xs.compactMap { if case .string(let s) = $0 { return s }; return nil }; default: types = [] }
            if !types.contains(where: { Self.has(value, type: $0) }) { out.append("\(path): expected \(types.joined(separator: " or ")), got \(Self.kind(value))") }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) { out.append("\(path): \(Self.short(value)) not one of the allowed values") }
        if let c = schema["const"], c != value { out.append("\(path): \(Self.short(value)) is not the constant \(Self.short(c))") }
        if case .string(let pattern)? = schema["pattern"], case .string(let s) = value,
           s.range(of: pattern, options: .regularExpression) == nil {
            out.append("\(path): \"\(s)\" does not match \(pattern)")
        }
        if case .object(let fields) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where !fields.contains(where: { $0.0 == key }) { out.append("\(path): missing \(key)") }
            }
            let properties: [(String, JSONNode)]
            if case .object(let p)? = schema["properties"] { properties = p } else { properties = [] }
            for (key, v) in fields {
                if let s = properties.first(where: { $0.0 == key })?.1 {
                    out += errors(v, s, path: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] {
                    if extra == .bool(false) { out.append("\(path): unexpected field \(key)") }
                    else if case .object = extra { out += errors(v, extra, path: "\(path).\(key)") }
                }
            }
        }
        if case .array(let items) = value {
            if let s = schema["items"] { for (k, v) in items.enumerated() { out += errors(v, s, path: "\(path)[\(k)]") } }
            if case .number(let n)? = schema["minItems"], let m = Int(n), items.count < m { out.append("\(path): fewer than \(m) items") }
            if case .number(let n)? = schema["maxItems"], let m = Int(n), items.count > m { out.append("\(path): more than \(m) items") }
        }
        if case .array(let options)? = schema["anyOf"], !options.contains(where: { errors(value, $0, path: path).isEmpty }) {
            out.append("\(path): matches none of anyOf")
        }
        if case .array(let options)? = schema["oneOf"] {
            let matching = options.filter { errors(value, $0, path: path).isEmpty }.count
            if matching != 1 {
                let closest = options.map { errors(value, $0, path: path) }.min { $0.count < $1.count } ?? []
                out.append("\(path): matches \(matching) of oneOf (exactly one required); closest: \(closest.prefix(5).joined(separator: "; "))")
            }
        }
        return out
    }

    static func has(_ v: JSONNode, type: String) -> Bool {
        switch (v, type) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"), (.number, "number"): return true
        case (.number(let t), "integer"): return !t.contains(".") && !t.contains("e") && !t.contains("E")
        default: return false
        }
    }

    static func kind(_ v: JSONNode) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let t): return has(v, type: "integer") ? "integer \(t)" : "number \(t)"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    static func short(_ v: JSONNode) -> String {
        switch v {
        case .string(let s): return "\"\(s.prefix(40))\""
        case .number(let t): return t
        default: return kind(v)
        }
    }
}
