import ArgumentParser
import Foundation
import Verify

/// The `referee` command line: thin wrappers that parse options, call Verify, and print.
/// Exit codes (docs/ARCHITECTURE.md): 0 success / every verdict as expected, 1 some verdict not as expected,
/// 2 bad input (unknown option, malformed file, unphysical parameter), with a message naming the
/// place and the fix.
struct Referee: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referee",
        abstract: "Re-derives a paper's formulas with its own engine and reports, claim by claim, which hold.",
        discussion: """
        Run `referee audit` for the whole paper; `referee <subcommand> --help` for details.
        Example: referee audit derivations --format html --output report.html
        Shell completion: referee --generate-completion-script bash > /etc/bash_completion.d/referee
        (or zsh, fish; see README.md).
        """,
        version: RefereeVersion.number,
        subcommands: allSubcommands)
}

@main
enum Main {
    static func main() {
        // `referee --version` prints the release and the source commit (the parser's own flag knows only the release).
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            print("referee \(RefereeVersion.description)")
            exit(0)
        }
        do {
            var command = try Referee.parseAsRoot()
            try command.run()
        } catch let error as BadInput {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            exit(2)
        } catch let error as DerivationError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            exit(2)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = Referee.exitCode(for: error)
            if code == .success {
                print(Referee.fullMessage(for: error))
                exit(0)
            }
            FileHandle.standardError.write(Data(("referee: " + Referee.fullMessage(for: error) + "\n").utf8))
            exit(2)
        }
    }
}
