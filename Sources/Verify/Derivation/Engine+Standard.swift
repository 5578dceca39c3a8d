import Symbolic
import Grassmann
import Keldysh

extension Engine {
    /// The built-in check kinds (Sources/Verify/Checks).
    public static let builtinChecks: [any ClaimCheck] = [
        IdentityCheck(), SignCheck(), DimensionCheck(), EstimateCheck(), NumericCheck(),
    ]

    /// The engine with every module's operations, numeric functions and check kinds.
    /// One line per registry (this file merges with `merge=union`: keep lines independent).
    public static let standard: Engine = {
        var engine = Engine(checks: builtinChecks)
        engine.register(operations: StandardOperations.all)
        DeclaredIntegral.registerBindings()
        for check in DynamicsClaimCheck.all { engine.register(check: check) }
        for check in OdeChecks.all { engine.register(check: check) }
        engine.register(operations: KeldyshOperations.all)
        engine.register(check: CausalityCheck())
        engine.register(check: KeldyshRotationCheck())
        engine.register(check: FieldIdentityCheck())
        engine.register(check: RequiresCheck())
        engine.register(check: SlowSpectrumExponentCheck())
        engine.register(formalAtom: SpinTrace.name)
        engine.register(formalAtom: SpinTrace.gradientName)
        engine.register(formalAtom: FirstOrderAction.traceName)
        return engine
    }()
}
