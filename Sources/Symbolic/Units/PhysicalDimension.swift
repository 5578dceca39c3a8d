/// A physical dimension M^a L^b T^c I^d Θ^e N^f: rational exponents of the SI base dimensions
/// mass (kg), length (m), time (s), electric current (A), temperature (K) and amount of substance (mol).
///
/// Dimensions form a free abelian group (over Q): `*` adds exponents, `/` subtracts them, `pow`
/// multiplies them. Printed with SI base units, positive and negative exponents in base order:
/// energy is "kg m^2 s^-2", a rational exponent is written "m^(1/2)", dimensionless is "1".
public struct PhysicalDimension: Hashable, Sendable {
    /// Exponent of mass (kg).
    public var mass: BigRational
    /// Exponent of length (m).
    public var length: BigRational
    /// Exponent of time (s).
    public var time: BigRational
    /// Exponent of electric current (A).
    public var current: BigRational
    /// Exponent of temperature (K).
    public var temperature: BigRational
    /// Amount of substance (mol). Needed only for N_A; a pure count is dimensionless.
    public var amount: BigRational

    /// M^mass L^length T^time I^current Θ^temperature N^amount; omitted exponents are 0.
    public init(mass: BigRational = .zero, length: BigRational = .zero, time: BigRational = .zero,
                current: BigRational = .zero, temperature: BigRational = .zero, amount: BigRational = .zero) {
        self.mass = mass
        self.length = length
        self.time = time
        self.current = current
        self.temperature = temperature
        self.amount = amount
    }

    /// The exponents in base order (mass, length, time, current, temperature, amount).
    public var exponents: [BigRational] { [mass, length, time, current, temperature, amount] }

    init(exponents e: [BigRational]) {
        self.init(mass: e[0], length: e[1], time: e[2], current: e[3], temperature: e[4], amount: e[5])
    }

    /// The SI base-unit symbols in base order.
    public static let baseUnitSymbols = ["kg", "m", "s", "A", "K", "mol"]

    /// The dimension of pure numbers (every exponent 0).
    public static let dimensionless = PhysicalDimension()
    /// The base dimensions.
    public static let mass = PhysicalDimension(mass: 1)
    public static let length = PhysicalDimension(length: 1)
    public static let time = PhysicalDimension(time: 1)
    public static let current = PhysicalDimension(current: 1)
    public static let temperature = PhysicalDimension(temperature: 1)
    public static let amount = PhysicalDimension(amount: 1)

    /// Energy M L² T⁻² (joule).
    public static let energy = PhysicalDimension(mass: 1, length: 2, time: -2)
    /// Action M L² T⁻¹ (joule second), the dimension of h and ħ.
    public static let action = PhysicalDimension(mass: 1, length: 2, time: -1)
    /// Entropy M L² T⁻² Θ⁻¹ (joule per kelvin), the dimension of k_B.
    public static let entropy = PhysicalDimension(mass: 1, length: 2, time: -2, temperature: -1)
    /// Frequency or rate T⁻¹.
    public static let frequency = PhysicalDimension(time: -1)
    /// Power M L² T⁻³ (watt).
    public static let power = PhysicalDimension(mass: 1, length: 2, time: -3)
    /// Charge T I (coulomb).
    public static let charge = PhysicalDimension(time: 1, current: 1)

    /// True when every exponent is 0.
    public var isDimensionless: Bool { exponents.allSatisfy { $0.isZero } }

    /// Product: exponents add.
    public static func * (a: PhysicalDimension, b: PhysicalDimension) -> PhysicalDimension {
        PhysicalDimension(exponents: zip(a.exponents, b.exponents).map { $0 + $1 })
    }
    /// Quotient: exponents subtract.
    public static func / (a: PhysicalDimension, b: PhysicalDimension) -> PhysicalDimension {
        PhysicalDimension(exponents: zip(a.exponents, b.exponents).map { $0 - $1 })
    }
    /// a = a · b.
    public static func *= (a: inout PhysicalDimension, b: PhysicalDimension) { a = a * b }
    /// a = a / b.
    public static func /= (a: inout PhysicalDimension, b: PhysicalDimension) { a = a / b }

    /// D^p for a rational p: every exponent multiplied by p.
    public func pow(_ p: BigRational) -> PhysicalDimension { PhysicalDimension(exponents: exponents.map { $0 * p }) }
    /// D^n.
    public func pow(_ n: Int) -> PhysicalDimension { pow(BigRational(n)) }
    /// 1/D.
    public var inverse: PhysicalDimension { pow(-1) }
}

extension PhysicalDimension: CustomStringConvertible {
    /// "kg m^2 s^-2"; "1" when dimensionless; rational exponents as "m^(1/2)".
    public var description: String {
        var parts: [String] = []
        for (symbol, e) in zip(PhysicalDimension.baseUnitSymbols, exponents) where !e.isZero {
            if e.isOne { parts.append(symbol) }
            else if e.isInteger { parts.append("\(symbol)^\(e)") }
            else { parts.append("\(symbol)^(\(e))") }
        }
        return parts.isEmpty ? "1" : parts.joined(separator: " ")
    }
}

// MARK: Natural units ħ = k_B = 1

extension PhysicalDimension {
    /// The image of this dimension in natural units ħ = k_B = 1 (docs/ARCHITECTURE.md, "Conventions").
    ///
    /// Setting ħ = 1 identifies M ≡ L⁻² T; then setting k_B = 1 identifies Θ ≡ M L² T⁻² ≡ T⁻¹.
    /// The result has zero mass and temperature exponents. Two dimensions have the same natural
    /// image exactly when they differ by [ħ]^a [k_B]^b for rationals a, b (`naturalUnitFactor`).
    public var natural: PhysicalDimension {
        // M^m Θ^θ → (L^-2 T)^m (T^-1)^θ
        PhysicalDimension(length: length - mass * 2, time: time + mass - temperature, current: current, amount: amount)
    }

    /// Exponents (a, b) with self = [ħ]^a · [k_B]^b, where [ħ] = J s and [k_B] = J/K, or nil when
    /// self is not of that form. `a.naturalUnitFactor(to: b)` uses b / a.
    ///
    /// Solving (M, L, T, I, Θ, N) = a(1, 2, −1, 0, 0, 0) + b(1, 2, −2, 0, −1, 0): b = −Θ, a = −T − 2b,
    /// then M = a + b, L = 2(a + b), I = N = 0 must hold.
    public var hbarBoltzmannPowers: (hbar: BigRational, boltzmann: BigRational)? {
        let b = -temperature
        let a = -time - b * 2
        guard mass == a + b, length == (a + b) * 2, current.isZero, amount.isZero else { return nil }
        return (a, b)
    }
}
