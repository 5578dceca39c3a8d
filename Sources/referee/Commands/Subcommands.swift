import ArgumentParser

extension Referee {
    /// Every subcommand, in the order `--help` lists them. One file per subcommand in Commands/.
    static let allSubcommands: [any ParsableCommand.Type] = [
        AuditCommand.self,
        CheckCommand.self,
        EvalCommand.self,
        IdentityCommand.self,
        KeldyshCommand.self,
        MutateCommand.self,
        IntegralCommand.self,
        TableCommand.self,
        CoefficientsCommand.self,
        EffectiveLindbladianCommand.self,
        SimulateCommand.self,
        SweepCommand.self,
        ThresholdsCommand.self,
        PhaseDiagramCommand.self,
        FigureCommand.self,
        MergeCommand.self,
        CoverageCommand.self,
        WhereCommand.self,
        EngineCommand.self,
    ]
}
