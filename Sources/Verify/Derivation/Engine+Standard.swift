import Symbolic

extension Engine {
    /// The engine with every module's operations, numeric functions and check kinds.
    public static let standard: Engine = {
        var engine = Engine()
        // Registries are added here as the modules provide them.
        for check in DynamicsClaimCheck.all { engine.register(check: check) }
        return engine
    }()
}
