import Grassmann

/// The two families of the tests' impurity models: a localized level d (declared first) and
/// conduction levels c_k — names for the test fixtures, not part of the engine.
extension Mode {
    static func d(_ spin: Spin, site: Int = 0) -> Mode { Mode("d", rank: 0, labels: site == 0 ? [] : [site], spin: spin) }
    static func c(_ k: Int, _ spin: Spin) -> Mode { Mode("c", rank: 1, labels: [k], spin: spin) }
}
