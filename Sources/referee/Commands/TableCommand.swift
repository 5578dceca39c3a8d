import ArgumentParser
import Foundation
import Symbolic
import Verify

/// `referee table NAME --over name=start:stop:step … [--set name=value …] [--digits N]
/// [--format csv|json|latex] [--output FILE] [--serial]`: a coefficient table (Verify/Tables).
struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Tabulate J, Omega, alpha, m_dis, h_dis (engine integrals) or g, gamma (NC(17)/(18)) over a grid.",
        discussion: """
        Parameters: J, Omega, m_dis (AX(S206)), h_dis (AX(S207)): kF-R (k_F R) and t (k_B T/eps_F,
        default 0); alpha: t;
        g, gamma: v, ed, U, eF, kappa (the symbols of the printed NC(17)/(18)).
        Rows are computed in parallel on all cores; --serial gives the identical serial run.
        Examples:
          referee table J --over kF-R=0.5:5:0.5 --digits 20 --format latex
          referee table g --over kappa=0:0.5:0.1 --set v=0.3 --set ed=-1 --set U=3 --set eF=0
        """)

    @Argument(help: "J, Omega, alpha, m_dis, h_dis, g or gamma.")
    var name: String
    @Option(name: .customLong("over"), help: "A swept parameter, name=start:stop:step (repeatable).")
    var over: [String] = []
    @Option(name: .customLong("set"), help: "A fixed parameter, name=value (repeatable).")
    var assignments: [String] = []
    @Option(parsing: .unconditional, help: "Correct significant digits (1...1000).")
    var digits: Int = 15
    @Option(help: "csv, json or latex.")
    var format: String = "csv"
    @Option(help: "Write to this file instead of standard output.")
    var output: String?
    @Flag(help: "Compute the rows serially (reference for the parallel run).")
    var serial = false
    @Option(help: ArgumentHelp(ShardOption.help + " With --shard, --output names that folder (required)."))
    var shard: String?

    func run() throws {
        guard let fmt = CoefficientTable.Format(rawValue: format) else {
            throw BadInput(place: "--format \(format)", message: "unknown format", fix: "use csv, json or latex")
        }
        do {
            let axes = try over.map { try TableAxis(parsing: $0) }
            var fixed: [String: BigRational] = [:]
            for a in assignments {
                let axis = try TableAxis(parsing: a)
                guard axis.values.count == 1 else {
                    throw BadInput(place: "--set \(a)", message: "expected a single value", fix: "write name=value, or use --over for a range")
                }
                fixed[axis.name] = axis.values[0]
            }
            let part = try ShardOption.parse(shard)
            let table = try CoefficientTable.compute(name, axes: axes, fixed: fixed, digits: digits, parallel: !serial, shard: part ?? .whole)
            if let part {
                guard let output else {
                    throw BadInput(place: "--shard \(part)", message: "a shard needs an --output folder", fix: "add e.g. --output table-run (then `referee merge table-run`)")
                }
                let total = axes.reduce(1) { $0 * $1.values.count }
                let p = table.pieces(fmt)
                let rows = zip(part.indices(of: total), p.rows).map { RowShard.Row(index: $0, text: $1) }
                let inputs = "table \(name) " + over.map { "--over \($0)" }.joined(separator: " ") + " "
                    + assignments.sorted().map { "--set \($0)" }.joined(separator: " ") + " --digits \(digits) --format \(format)"
                let file = RowShard(command: "table", inputs: inputs, shard: part, total: total, fileExtension: fmt == .latex ? "tex" : fmt.rawValue,
                                    head: p.head, separator: p.separator, tail: p.tail, rows: rows)
                try Output.write(file.encoded(), to: try ShardOption.path(folder: output, stem: "table", shard: part, fileExtension: "json"))
            } else {
                try Output.write(table.rendered(fmt), to: output)
            }
            if table.rows.contains(where: { $0.digits < digits }) {
                FileHandle.standardError.write(Data("referee: some rows reached fewer than \(digits) digits (column digits)\n".utf8))
                throw ExitCode(1)
            }
        } catch let e as IntegralError {
            throw BadInput(place: "table \(name)", message: e.description, fix: "see `referee table --help`")
        } catch let e as EvaluationError {
            throw BadInput(place: "table \(name)", message: "cannot evaluate: \(e)", fix: "check the parameter values")
        }
    }
}
