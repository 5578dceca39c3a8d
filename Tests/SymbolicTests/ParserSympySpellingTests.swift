import XCTest
@testable import Symbolic

/// SymPy's printed spellings (`str(expr)`: `Abs`, `conjugate`, `re`, `im`, `E`, `I`, `**`) parse to
/// exactly the `Expr` of the native spellings, so a formula pasted from a notebook means what it
/// says — and a SymPy spelling of a *different* function is not mistaken for the intended one.
final class ParserSympySpellingTests: XCTestCase {
    let z = Expr.symbol("z"), x = Expr.symbol("x")

    func parse(_ s: String, _ context: ParseContext = .lenient) throws -> Expr { try context.parse(s) }

    /// Each SymPy spelling against its native spelling, as whole parsed expressions.
    func testEachSpellingMeansTheNativeOne() throws {
        let pairs: [(sympy: String, native: String)] = [
            ("Abs(z)", "abs(z)"),
            ("conjugate(z)", "conj(z)"),
            ("re(z)", "re(z)"),
            ("im(z)", "im(z)"),
            ("E", "exp(1)"),
            ("E**z", "exp(z)"),
            ("I", "sqrt(-1)"),
            ("z**2", "z^2"),
            ("z**-2", "z^(-2)"),
            ("2**3**2", "2^(3^2)"),
            ("-z**2", "-(z^2)"),
            ("Abs(z)**2", "abs(z)^2"),
            ("exp(I*pi/3)*conjugate(z)", "conj(z)*exp(I*pi/3)"),
            ("sqrt(2)*I/2", "I*2^(1/2)/2"),
            ("re(z)**2 + im(z)**2 - Abs(z)**2", "re(z)^2 + im(z)^2 - abs(z)^2"),
        ]
        for (sympy, native) in pairs {
            XCTAssertEqual(try parse(sympy), try parse(native), "\(sympy) vs \(native)")
        }
        XCTAssertEqual(try parse("Abs(z)"), Expr.abs(z))
        XCTAssertEqual(try parse("conjugate(z)"), Expr.conj(z))
        XCTAssertEqual(try parse("E"), .e)
        XCTAssertEqual(try parse("I**2"), .minusOne)
    }

    /// The assumptions act the same way: `Abs` of a positive symbol is the symbol, `conjugate`
    /// of a real one is the symbol, `Abs` of a complex one stays `abs`.
    func testAssumptionsActTheSame() throws {
        let context = ParseContext(symbols: [Symbol("p", .positive), Symbol("r", .real), Symbol("z")])
        XCTAssertEqual(try context.parse("Abs(p)"), Expr.symbol("p", .positive))
        XCTAssertEqual(try context.parse("conjugate(r)"), Expr.symbol("r", .real))
        XCTAssertEqual(try context.parse("Abs(-r)"), try context.parse("abs(r)"))
        XCTAssertEqual(try context.parse("conjugate(conjugate(z))"), try context.parse("conj(conj(z))"))
    }

    /// NC(17) as `str()` of the SymPy expression prints it (terms reordered, `Abs`, `**`): the same
    /// `Expr` as the derivation file's spelling.
    func testSympyPrintOfThePaperExpression() throws {
        var context = ParseContext(undeclaredNames: .reject)
        context.declare(try context.parseSymbolDeclaration("v: complex"))
        context.declare(try context.parseSymbolDeclaration("ed, eF: real"))
        context.declare(try context.parseSymbolDeclaration("U, kappa: positive"))
        let sympy = try context.parse("-((U - eF + ed)/(kappa**2/4 + (U - eF + ed)**2) + 1/(eF - ed))*Abs(v)**2")
        let native = try context.parse("-abs(v)^2*((ed+U-eF)/((ed+U-eF)^2+kappa^2/4) + 1/(eF-ed))")
        XCTAssertEqual(sympy, native)
        // The canonical text is the native one: printing never produces a SymPy spelling.
        XCTAssertFalse(sympy.text.contains("Abs"))
        XCTAssertFalse(sympy.text.contains("**"))
    }

    /// Wrong readings are rejected: `Abs` is not `conj`, `conjugate` is not `re`, `E` is not `e`
    /// (an ordinary symbol), and a SymPy name with the wrong arity is an error naming the name.
    func testDifferentFunctionsStayDifferent() throws {
        XCTAssertNotEqual(try parse("Abs(z)"), try parse("conj(z)"))
        XCTAssertNotEqual(try parse("conjugate(z)"), try parse("re(z)"))
        XCTAssertNotEqual(try parse("Abs(z)**2"), try parse("z*z"))
        XCTAssertNotEqual(try parse("E"), try parse("e"))
        XCTAssertNotEqual(try parse("z**2"), try parse("z*2"))
        let checker = IdentityChecker(digits: 20, seed: 7)
        XCTAssertEqual(checker.check(try parse("Abs(z)**2"), try parse("z*conjugate(z)")).kind, .verified)
        XCTAssertNotEqual(checker.check(try parse("Abs(z)**2"), try parse("z**2")).kind, .verified)
        XCTAssertNotEqual(checker.check(try parse("conjugate(z)"), try parse("z")).kind, .verified)
        do {
            _ = try parse("Abs(x, z)")
            XCTFail("Abs with two arguments parsed")
        } catch let error as ParseError {
            XCTAssertEqual(error.message, "`Abs` takes 1 argument, got 2")
            XCTAssertEqual(error.column, 1)
        } catch {
            XCTFail("unexpected \(error)")
        }
    }

    /// The SymPy names are reserved like the native ones: they cannot be declared as symbols.
    func testSympyNamesAreReserved() {
        XCTAssertTrue(ParseContext.isReserved("Abs"))
        XCTAssertTrue(ParseContext.isReserved("conjugate"))
        XCTAssertThrowsError(try ParseContext.lenient.parseSymbolDeclaration("Abs: real"))
    }
}
