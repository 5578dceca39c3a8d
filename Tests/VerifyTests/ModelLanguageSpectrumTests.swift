import Foundation
import XCTest
import Symbolic
@testable import Verify

/// `spectrum(S, x: value, …)`: every eigenvalue of a declared superoperator, numerically (LAPACK, block
/// by block), compared with printed numbers; wrong printed spectra and rates are rejected.
final class ModelLanguageSpectrumTests: XCTestCase {
    /// A decaying level: H = w n, J = √g a. Populations: 0 and −g; coherences −g/2 ± iw. The spectrum's
    /// definition is on line 14.
    static let template = """
    # A decaying level

    ```symbols
    w: real
    g: positive
    ```

    ```modes
    a: fermion
    ```

    ```define
    L = lindblad(w*a'*a, sqrt(g)*a)
    S = SPECTRUM
    ```

    ```claim
    id: s.claim
    statement: a claim
    printed: PRINTED
    computed: COMPUTED
    where: w = 2, g = 1/2
    check: identity
    expect: verified
    ```
    """

    func audit(_ printed: String, _ computed: String, spectrum: String = "spectrum(L, w: 2, g: 1/2)") throws -> Verdict {
        let text = Self.template.replacingOccurrences(of: "PRINTED", with: printed).replacingOccurrences(of: "COMPUTED", with: computed)
            .replacingOccurrences(of: "SPECTRUM", with: spectrum)
        let path = NSTemporaryDirectory() + "spectrum-\(UUID().uuidString).md"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try AuditRunner(engine: .standard).audit(paths: [path]).results[0].verdict
    }

    func testEigenvaluesAsAMultiset() throws {
        let right = try audit("[-g/2 - I*w, 0, -g, -g/2 + I*w]", "S.eigenvalues")
        XCTAssertEqual(right.kind, .verified, right.detail)
        guard case .numeric = right.method else { return XCTFail("a spectrum is a numeric verdict: \(right.method)") }
        // Wrong: coherences decaying at g instead of g/2; the frequency's sign flipped in one of them
        // only (the multiset then misses −g/2 − iw); a missing eigenvalue.
        XCTAssertEqual(try audit("[0, -g, -g + I*w, -g - I*w]", "S.eigenvalues").kind, .discrepancy)
        XCTAssertEqual(try audit("[0, -g, -g/2 + I*w, -g/2 + I*w]", "S.eigenvalues").kind, .discrepancy)
        XCTAssertEqual(try audit("[0, -g, -g/2 + I*w]", "S.eigenvalues").kind, .discrepancy)
    }

    func testGapZeroModesAndDimension() throws {
        XCTAssertEqual(try audit("g/2", "S.gap").kind, .verified)
        XCTAssertEqual(try audit("g", "S.gap").kind, .discrepancy)
        XCTAssertEqual(try audit("1", "S.zero_modes").kind, .verified)
        XCTAssertEqual(try audit("4", "S.dimension").kind, .verified)
        XCTAssertEqual(try audit("2", "S.zero_modes").kind, .discrepancy)
        // Without decay every population is stationary: two zero modes and no gap.
        XCTAssertEqual(try audit("2", "S.zero_modes", spectrum: "spectrum(L, w: 2, g: 0)").kind, .verified)
    }

    /// Bad input: a symbol without a value (located, with the fix), a value that is not a number.
    func testErrors() throws {
        XCTAssertThrowsError(try audit("0", "S.gap", spectrum: "spectrum(L, w: 2)")) { e in
            guard let e = e as? DerivationError else { return XCTFail("\(e)") }
            XCTAssertEqual(e.location.line, 14)
            XCTAssertTrue(e.message.contains("missing: g"), e.message)
            XCTAssertNotNil(e.fix)
        }
        XCTAssertThrowsError(try audit("0", "S.gap", spectrum: "spectrum(L, w: 2, g: w)"))
    }
}
