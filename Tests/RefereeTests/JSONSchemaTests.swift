import Foundation
import XCTest

/// Every command's JSON output follows the one published layout (docs/JSON.md): validated against
/// schema/referee-output.schema.json by `JSONSchemaValidator`, which itself rejects documents that break the layout.
extension CommandLineTests {
    static let schema: JSONNode = {
        let url = packageRoot.appendingPathComponent("schema/referee-output.schema.json")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? "{}"
        return (try? JSONDocumentReader.read(text)) ?? .null
    }()

    func assertValid(_ arguments: [String], status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try referee(arguments)
        XCTAssertEqual(r.status, status, "\(arguments.joined(separator: " ")): \(r.stderr)", file: file, line: line)
        let document = try JSONDocumentReader.read(r.stdout)
        let errors = JSONSchemaValidator(root: Self.schema).errors(document)
        XCTAssertEqual(errors, [], arguments.joined(separator: " "), file: file, line: line)
        XCTAssertEqual(document["referee_version"], .string(try XCTUnwrap(r.stdout.firstMatch(#"[0-9]+\.[0-9]+\.[0-9]+"#))), file: file, line: line)
    }

    func testSchemaUsesOnlyWhatTheValidatorChecks() throws {
        XCTAssertNotEqual(Self.schema, .null, "schema/referee-output.schema.json is missing or not JSON")
        // Walk the schema: every keyword must be one the validator implements.
        func walk(_ n: JSONNode, _ path: String) -> [String] {
            switch n {
            case .object(let kv):
                var out: [String] = []
                let isSchema = kv.contains { ["type", "$ref", "enum", "const", "anyOf", "oneOf", "properties"].contains($0.0) }
                for (k, v) in kv {
                    if isSchema && !JSONSchemaValidator.known.contains(k) { out.append("\(path).\(k)") }
                    if ["properties", "$defs"].contains(k), case .object(let children) = v {
                        for (name, child) in children { out += walk(child, "\(path).\(k).\(name)") }
                    } else if k != "enum" && k != "const" {
                        out += walk(v, "\(path).\(k)")
                    }
                }
                return out
            case .array(let xs): return xs.enumerated().flatMap { walk($1, "\(path)[\($0)]") }
            default: return []
            }
        }
        XCTAssertEqual(walk(Self.schema, "$"), [])
    }

    /// The validator is not a rubber stamp: a wrong type, a missing field, a camelCase key, a string where a decimal
    /// is required and an unknown command are each rejected.
    func testValidatorRejectsBrokenDocuments() throws {
        let v = JSONSchemaValidator(root: Self.schema)
        let good = """
        {"referee_version": "0.5.0", "command": "coefficients", "g": "-0.5", "gamma": "0.01", "g_imp_c": "1", "g_imp_d": "2e-3",
         "digits": 30, "error": "rounding to 30 digits", "model": "m", "method": "x"}
        """
        XCTAssertEqual(v.errors(try JSONDocumentReader.read(good)), [])
        let broken = [
            good.replacingOccurrences(of: "\"digits\": 30", with: "\"digits\": 30.5"),
            good.replacingOccurrences(of: "\"g\": \"-0.5\", ", with: ""),
            good.replacingOccurrences(of: "\"g_imp_c\"", with: "\"gImpC\""),
            good.replacingOccurrences(of: "\"-0.5\"", with: "\"about a half\""),
            good.replacingOccurrences(of: "\"-0.5\"", with: "-0.5"),
            good.replacingOccurrences(of: "\"coefficients\"", with: "\"coefficient\""),
            good.replacingOccurrences(of: "\"0.5.0\"", with: "\"v0.5\""),
        ]
        for text in broken { XCTAssertFalse(v.errors(try JSONDocumentReader.read(text)).isEmpty, text) }
        XCTAssertThrowsError(try JSONDocumentReader.read("{\"a\": 1, \"a\": 2}"), "duplicate keys")
        XCTAssertThrowsError(try JSONDocumentReader.read("{\"a\": 01}"), "a leading zero")
        XCTAssertThrowsError(try JSONDocumentReader.read("[1, 2] 3"), "text after the value")
    }

    func testEveryJSONOutputFollowsTheSchema() throws {
        let f = try temporaryFile(oneClaim)
        try assertValid(["check", f, "--format", "json"])
        try assertValid(["check", f, "--format", "json", "--no-timings"])
        try assertValid(["audit", "derivations/sd-coupling.md", "--format", "json"])
        try assertValid(["identity", "(x+1)^2", "x^2+2*x+1", "--format", "json"])
        try assertValid(["identity", "(x+1)^2", "x^2+x+1", "--format", "json"], status: 1)
        try assertValid(["identity", "limit(atan(x), x, oo)", "pi/2", "--format", "json"])
        try assertValid(["coverage", "derivations", "--format", "json"])
        try assertValid(["coefficients", "--eps-d", "-1", "--U", "3", "--eps-F", "0", "--kappa", "0.2", "--v", "0.1", "--format", "json"])
        try assertValid(["effective-lindbladian", "--eps-d", "-1", "--U", "3", "--kappa", "0.5", "--v", "0.02", "--bath", "0.2",
                         "--eps-F", "0.3", "--format", "json", "--digits", "12"])
        try assertValid(["integral", "J", "--kF-R", "1.3", "--digits", "20", "--format", "json"])
        try assertValid(["table", "g", "--over", "kappa=0:0.2:0.1", "--set", "v=0.3", "--set", "ed=-1", "--set", "U=3", "--set", "eF=0",
                         "--digits", "12", "--format", "json"])
        try assertValid(["simulate", "meanfield", "--gamma-ratio", "1.5", "--format", "json"])
        try assertValid(["sweep", "meanfield", "--gamma-ratio", "0:1.5:0.75", "--format", "json"])
        try assertValid(["thresholds", "meanfield", "--jAB", "5", "--ratio-max", "3", "--format", "json"])
        try assertValid(["keldysh", "partition", "--slices", "12", "--energy", "1", "--temperature", "0.5", "--format", "json"])
    }
}

extension String {
    /// The first match of a regular expression, or nil.
    func firstMatch(_ pattern: String) -> String? {
        range(of: pattern, options: .regularExpression).map { String(self[$0]) }
    }
}
