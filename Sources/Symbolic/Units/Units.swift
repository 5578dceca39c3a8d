/// The unit table and the unit-expression parser.
///
/// A unit is a `Quantity`: its exact SI value times its dimension (1 meV = 1.602176634e-22 kg m² s⁻²).
/// Unit texts combine units with `*`, `·` or a space (product), `/` (quotient, left-associative:
/// "J/K/mol" = J K⁻¹ mol⁻¹), `^` with an integer or rational exponent ("s^-1", "m^(1/2)"), and
/// parentheses: "W/cm^2", "kg m^2 s^-2", "F/m", "meV", "1/s". SI prefixes from q (10⁻³⁰) to Q (10³⁰)
/// apply to the prefixable units (µ may be written u, µ or μ); the exact name wins over a
/// prefix reading ("Pa" is pascal, "mm" is millimetre).
public enum Units {
    /// A unit of the table and whether SI prefixes apply to it.
    struct Entry: Sendable {
        let quantity: Quantity
        let prefixable: Bool
    }

    static func q(_ text: String) -> BigRational { BigRational(text)! }

    static let newton = PhysicalDimension(mass: 1, length: 1, time: -2)
    static let volt = PhysicalDimension(mass: 1, length: 2, time: -3, current: -1)
    static let ohm = PhysicalDimension(mass: 1, length: 2, time: -3, current: -2)
    static let farad = PhysicalDimension(mass: -1, length: -2, time: 4, current: 2)
    static let weber = PhysicalDimension(mass: 1, length: 2, time: -2, current: -1)

    /// The units by symbol, in SI base units.
    static let table: [String: Entry] = {
        var t: [String: Entry] = [:]
        func add(_ names: [String], _ value: BigRational, _ d: PhysicalDimension, prefixable: Bool = true) {
            for n in names { t[n] = Entry(quantity: Quantity(value, d), prefixable: prefixable) }
        }
        add(["m"], 1, .length)
        add(["g"], q("1/1000"), .mass)
        add(["s"], 1, .time)
        add(["A"], 1, .current)
        add(["K"], 1, .temperature)
        add(["mol"], 1, .amount)
        add(["Hz"], 1, .frequency)
        add(["N"], 1, newton)
        add(["Pa"], 1, PhysicalDimension(mass: 1, length: -1, time: -2))
        add(["J"], 1, .energy)
        add(["W"], 1, .power)
        add(["C"], 1, .charge)
        add(["V"], 1, volt)
        add(["F"], 1, farad)
        add(["Ohm", "ohm", "Ω"], 1, ohm)
        add(["S"], 1, ohm.inverse)
        add(["Wb"], 1, weber)
        add(["T"], 1, PhysicalDimension(mass: 1, time: -2, current: -1))
        add(["H"], 1, PhysicalDimension(mass: 1, length: 2, time: -2, current: -2))
        add(["eV"], q("1.602176634e-19"), .energy)
        add(["Å", "angstrom"], q("1e-10"), .length, prefixable: false)
        add(["1"], 1, .dimensionless, prefixable: false)
        // Exact constants usable as units, e.g. "meV/hbar" (a rate) or "K*kB" (an energy).
        t["hbar"] = Entry(quantity: PhysicalConstants.hbar, prefixable: false)
        t["kB"] = Entry(quantity: PhysicalConstants.boltzmann, prefixable: false)
        t["k_B"] = Entry(quantity: PhysicalConstants.boltzmann, prefixable: false)
        return t
    }()

    /// SI prefixes and their exact factors.
    static let prefixes: [String: BigRational] = [
        "Q": q("1e30"), "R": q("1e27"), "Y": q("1e24"), "Z": q("1e21"), "E": q("1e18"), "P": q("1e15"),
        "T": q("1e12"), "G": q("1e9"), "M": q("1e6"), "k": q("1e3"), "h": q("1e2"), "da": q("1e1"),
        "d": q("1e-1"), "c": q("1e-2"), "m": q("1e-3"), "u": q("1e-6"), "µ": q("1e-6"), "μ": q("1e-6"),
        "n": q("1e-9"), "p": q("1e-12"), "f": q("1e-15"), "a": q("1e-18"), "z": q("1e-21"), "y": q("1e-24"),
        "r": q("1e-27"), "q": q("1e-30"),
    ]

    /// Every unit symbol of the table (without prefixes).
    public static var knownUnits: [String] { table.keys.sorted() }

    /// The unit named `name`, with or without an SI prefix ("meV", "cm", "kg", "nm", "W"), or nil.
    public static func unit(named name: String) -> Quantity? {
        if let e = table[name] { return e.quantity }
        for (p, factor) in prefixes where name.hasPrefix(p) && name.count > p.count {
            if let e = table[String(name.dropFirst(p.count))], e.prefixable {
                return Quantity(factor) * e.quantity
            }
        }
        return nil
    }

    /// Parses a unit expression ("W/cm^2", "meV", "s^-1", "kg m^2 s^-2") to its exact SI value
    /// and dimension. Throws `DimensionError.badUnit` with the column on bad input.
    public static func parse(_ text: String) throws(DimensionError) -> Quantity {
        var parser = UnitParser(text: text)
        return try parser.parseAll()
    }
}

/// Recursive-descent parser for unit texts (grammar in `Units`).
struct UnitParser {
    let text: String
    let chars: [Character]
    var i = 0

    init(text: String) {
        self.text = text
        self.chars = Array(text)
    }

    func fail(_ message: String, at position: Int? = nil) -> DimensionError {
        .badUnit(text: text, column: (position ?? i) + 1, message: message)
    }

    mutating func skipSpaces() { while i < chars.count, chars[i] == " " { i += 1 } }

    mutating func parseAll() throws(DimensionError) -> Quantity {
        skipSpaces()
        guard i < chars.count else { throw fail("empty unit") }
        let q = try parseProduct()
        skipSpaces()
        if i < chars.count { throw fail("unexpected '\(chars[i])'") }
        return q
    }

    /// product := factor ((‘*’ | ‘·’ | ‘/’ | space) factor)*
    mutating func parseProduct() throws(DimensionError) -> Quantity {
        var result = try parseFactor()
        while true {
            let before = i
            skipSpaces()
            guard i < chars.count else { return result }
            let c = chars[i]
            if c == "*" || c == "·" || c == "/" {
                i += 1
                skipSpaces()
                let f = try parseFactor()
                result = c == "/" ? result / f : result * f
            } else if c == ")" {
                i = before
                return result
            } else if i > before {
                result = result * (try parseFactor())
            } else {
                throw fail("expected an operator (*, /, space) before '\(c)'")
            }
        }
    }

    /// factor := atom (‘^’ exponent)?
    mutating func parseFactor() throws(DimensionError) -> Quantity {
        let atom = try parseAtom()
        let afterAtom = i
        skipSpaces()
        if i < chars.count, chars[i] == "^" {
            i += 1
            skipSpaces()
            let p = try parseExponent()
            return atom.pow(p)
        }
        i = afterAtom
        return atom
    }

    /// exponent := integer | integer ‘/’ integer | ‘(’ that ‘)’
    mutating func parseExponent() throws(DimensionError) -> BigRational {
        var parenthesised = false
        if i < chars.count, chars[i] == "(" { parenthesised = true; i += 1; skipSpaces() }
        let start = i
        if i < chars.count, chars[i] == "-" || chars[i] == "+" { i += 1 }
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        if parenthesised, i < chars.count, chars[i] == "/" {
            i += 1
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        }
        guard let p = BigRational(String(chars[start..<i])) else { throw fail("expected an exponent such as 2, -1 or (1/2)", at: start) }
        if parenthesised {
            skipSpaces()
            guard i < chars.count, chars[i] == ")" else { throw fail("expected ')' to close the exponent") }
            i += 1
        }
        return p
    }

    /// atom := name | number | ‘(’ product ‘)’
    mutating func parseAtom() throws(DimensionError) -> Quantity {
        guard i < chars.count else { throw fail("expected a unit at the end") }
        let c = chars[i]
        if c == "(" {
            i += 1
            skipSpaces()
            let q = try parseProduct()
            skipSpaces()
            guard i < chars.count, chars[i] == ")" else { throw fail("expected ')'") }
            i += 1
            return q
        }
        if c.isASCII && c.isNumber {
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." || chars[i] == "e" || chars[i] == "E"
                    || ((chars[i] == "-" || chars[i] == "+") && (chars[i - 1] == "e" || chars[i - 1] == "E")) { i += 1 }
            guard let v = BigRational(String(chars[start..<i])) else { throw fail("bad number", at: start) }
            return Quantity(v)
        }
        if c.isLetter || c == "_" || c == "µ" || c == "Ω" || c == "Å" {
            let start = i
            while i < chars.count, chars[i].isLetter || chars[i] == "_" || chars[i] == "µ" || chars[i] == "Ω" || chars[i] == "Å" { i += 1 }
            let name = String(chars[start..<i])
            guard let u = Units.unit(named: name) else {
                throw fail("unknown unit '\(name)' (known: \(Units.knownUnits.joined(separator: " ")), with SI prefixes)", at: start)
            }
            return u
        }
        throw fail("unexpected '\(c)'")
    }
}
