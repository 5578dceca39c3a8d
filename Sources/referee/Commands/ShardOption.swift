import Foundation
import Verify

/// `--shard K/N` or `--shard slurm` (the Slurm job array's task: SLURM_ARRAY_TASK_ID, _COUNT, _MIN,
/// 0- or 1-based), shared by phase-diagram, sweep, table, audit, check and mutate. A shard writes
/// `STEM.shard-K-of-N.EXT` into its --output folder; `referee merge` joins the N files.
enum ShardOption {
    static let help = "Compute only shard K of N (K/N, e.g. 2/4), or `slurm` to take K and N from the Slurm job array (SLURM_ARRAY_TASK_ID/_COUNT/_MIN, 0- or 1-based); writes STEM.shard-K-of-N.EXT into the --output folder for `referee merge`."

    static func parse(_ text: String?) throws -> Shard? {
        guard let text else { return nil }
        do { return try Shard(parsing: text) } catch {
            throw BadInput(place: "--shard \(text)", message: error.message, fix: error.fix)
        }
    }

    /// The path of this shard's file in `folder` (created when missing).
    static func path(folder: String, stem: String, shard: Shard, fileExtension: String) throws -> String {
        try PhaseDiagramFiles.ensureFolder(folder)
        return (folder as NSString).appendingPathComponent(ShardFile.name(stem: stem, shard: shard, fileExtension: fileExtension))
    }
}
