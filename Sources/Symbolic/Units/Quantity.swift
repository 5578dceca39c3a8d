/// A physical quantity: a value times the SI base units of its dimension, with a relative
/// standard uncertainty.
///
/// The value is expressed in coherent SI base units (kg, m, s, A, K, mol): 1 eV is
/// `Quantity(1.602176634e-19, .energy)`. `relativeUncertainty` is the relative standard
/// uncertainty u_r (0 for exact values such as the SI 2019 defining constants); it propagates to
/// first order assuming uncorrelated inputs: u_r(xy) = u_r(x/y) = √(u_r(x)² + u_r(y)²),
/// u_r(x^p) = |p| u_r(x). (Correlations between CODATA constants, e.g. ε0 and α, are ignored,
/// which can only overstate the uncertainty of a product containing both.)
public struct Quantity: Sendable, Equatable {
    /// The value in coherent SI base units.
    public var value: QuantityValue
    /// The dimension.
    public var dimension: PhysicalDimension
    /// Relative standard uncertainty u_r; 0 when exact.
    public var relativeUncertainty: Double

    /// value × (SI base units of `dimension`), with relative standard uncertainty u_r.
    public init(_ value: QuantityValue, _ dimension: PhysicalDimension = .dimensionless, relativeUncertainty: Double = 0) {
        self.value = value
        self.dimension = dimension
        self.relativeUncertainty = relativeUncertainty
    }
    /// An exact rational value × (SI base units of `dimension`).
    public init(_ value: BigRational, _ dimension: PhysicalDimension = .dimensionless, relativeUncertainty: Double = 0) {
        self.init(.exact(value, piPower: 0), dimension, relativeUncertainty: relativeUncertainty)
    }
    /// A rounded value × (SI base units of `dimension`).
    public init(_ value: BigFloat, _ dimension: PhysicalDimension = .dimensionless, relativeUncertainty: Double = 0) {
        self.init(.approximate(value), dimension, relativeUncertainty: relativeUncertainty)
    }
    /// `value` in the units written in `unit`, e.g. `Quantity(10, "meV")`.
    public init(_ value: BigRational, _ unit: String) throws(DimensionError) {
        self = try Quantity(value) * Units.parse(unit)
    }

    /// A dimensionless pure number.
    public static func number(_ q: BigRational) -> Quantity { Quantity(q) }

    /// True when the value is exact and carries no uncertainty.
    public var isExact: Bool { value.isExact && relativeUncertainty == 0 }

    /// Product: values multiply, dimensions multiply, u_r add in quadrature.
    public static func * (a: Quantity, b: Quantity) -> Quantity {
        Quantity(a.value * b.value, a.dimension * b.dimension,
                 relativeUncertainty: (a.relativeUncertainty * a.relativeUncertainty + b.relativeUncertainty * b.relativeUncertainty).squareRoot())
    }
    /// Quotient: values divide, dimensions divide, u_r add in quadrature.
    public static func / (a: Quantity, b: Quantity) -> Quantity {
        Quantity(a.value / b.value, a.dimension / b.dimension,
                 relativeUncertainty: (a.relativeUncertainty * a.relativeUncertainty + b.relativeUncertainty * b.relativeUncertainty).squareRoot())
    }
    /// Negation.
    public static prefix func - (a: Quantity) -> Quantity {
        Quantity(-a.value, a.dimension, relativeUncertainty: a.relativeUncertainty)
    }
    /// self^p for a rational exponent p (exact where possible; see `QuantityValue.pow`).
    public func pow(_ p: BigRational, precision: Int = 256) -> Quantity {
        Quantity(value.pow(p, precision: precision), dimension.pow(p),
                 relativeUncertainty: relativeUncertainty * p.magnitude.doubleValue)
    }
    /// self^n for an integer n.
    public func pow(_ n: Int) -> Quantity { pow(BigRational(n)) }

    /// self + b; throws `DimensionError.mismatch` when the dimensions differ.
    public func adding(_ b: Quantity, precision: Int = 256) throws(DimensionError) -> Quantity {
        guard dimension == b.dimension else {
            throw DimensionError.mismatch(DimensionMismatch(context: "sum of quantities", left: dimension, right: b.dimension, subexpression: nil))
        }
        let sum = value.adding(b.value, precision: precision)
        // Absolute uncertainties add in quadrature.
        let ua = Swift.abs(value.doubleValue) * relativeUncertainty, ub = Swift.abs(b.value.doubleValue) * b.relativeUncertainty
        let s = Swift.abs(sum.doubleValue)
        let u = (ua == 0 && ub == 0) ? 0 : (s == 0 ? Double.infinity : (ua * ua + ub * ub).squareRoot() / s)
        return Quantity(sum, dimension, relativeUncertainty: u)
    }

    /// The number that multiplies `unit` to give this quantity (`q = x · unit`), e.g.
    /// `kT.value(in: Units.parse("meV"))`. Throws when the dimensions differ.
    public func value(in unit: Quantity) throws(DimensionError) -> QuantityValue {
        guard dimension == unit.dimension else {
            throw DimensionError.mismatch(DimensionMismatch(context: "conversion", left: dimension, right: unit.dimension, subexpression: nil))
        }
        return (self / unit).value
    }

    /// This quantity expressed in the units `unit` (text, parsed by `Units.parse`).
    ///
    /// With `naturalUnits: true` the conversion may multiply by powers of ħ and k_B (ħ = k_B = 1):
    /// 10 meV in "s^-1" is (10 meV)/ħ, 300 K in "meV" is k_B·300 K. The powers used are returned.
    public func converted(to unit: String, naturalUnits: Bool = false) throws(DimensionError) -> Conversion {
        let target = try Units.parse(unit)
        var q = self
        var hbarPower = BigRational.zero, boltzmannPower = BigRational.zero
        if naturalUnits, q.dimension != target.dimension {
            guard let (a, b) = (target.dimension / q.dimension).hbarBoltzmannPowers else {
                throw DimensionError.mismatch(DimensionMismatch(context: "conversion to \(unit) with ħ = k_B = 1",
                                                                left: dimension, right: target.dimension, subexpression: nil))
            }
            q = q * PhysicalConstants.hbar.pow(a) * PhysicalConstants.boltzmann.pow(b)
            hbarPower = a
            boltzmannPower = b
        }
        let x = try q.value(in: target)
        return Conversion(value: x, unit: unit, relativeUncertainty: q.relativeUncertainty,
                          hbarPower: hbarPower, boltzmannPower: boltzmannPower)
    }

    /// "1.602176634e-19 kg m^2 s^-2".
    public func toString(digits: Int) -> String {
        let v = value.toString(digits: digits)
        return dimension.isDimensionless ? v : v + " " + dimension.description
    }
}

/// A quantity expressed as a number times a chosen unit, with the powers of ħ and k_B that a
/// natural-unit conversion inserted (value · unit = quantity · ħ^hbarPower · k_B^boltzmannPower).
public struct Conversion: Sendable, Equatable, CustomStringConvertible {
    /// The number that multiplies `unit`.
    public var value: QuantityValue
    /// The unit text it was converted to.
    public var unit: String
    /// Relative standard uncertainty u_r of `value`.
    public var relativeUncertainty: Double
    /// Power of ħ inserted by a natural-unit conversion (0 otherwise).
    public var hbarPower: BigRational
    /// Power of k_B inserted by a natural-unit conversion (0 otherwise).
    public var boltzmannPower: BigRational

    /// "3.3e8 W/cm^2".
    public func toString(digits: Int) -> String { value.toString(digits: digits) + " " + unit }
    /// Ten significant digits and the unit.
    public var description: String { toString(digits: 10) }
}
