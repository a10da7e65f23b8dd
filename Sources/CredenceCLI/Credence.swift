import ArgumentParser
import CredenceCore
import CredenceReport
import Foundation

/// The `credence` command: a calibration and forecasting journal.
package struct Credence: ParsableCommand {
    package static let version = "0.1.0"

    package static let configuration = CommandConfiguration(
        commandName: "credence",
        abstract:
            "A calibration and forecasting journal: log claims with your confidence, settle who was more right, and see how well calibrated you are.",
        usage: """
            credence                 (opens the prompt; from a pipe, one command per line)
            credence <subcommand> [<options>]
            """,
        discussion: """
            Log a claim in one line:  credence add Ryan ships by friday 70% +work
            Journal: --journal PATH (or a team journal's postgres://USER@HOST/DB), else $CREDENCE_JOURNAL, else the config's journal, else $XDG_DATA_HOME/credence/journal.sqlite.
            Exit codes: 0 ok, 1 runtime error, 64 usage error, 65 bad input data, 74 I/O error, 77 refused by a team journal's rules.
            """,
        version: "credence \(version)",
        subcommands: commands
    )

    static let commands: [any ParsableCommand.Type] = [
        Add.self, ForecastCommand.self, Resolve.self, List.self, Show.self, Due.self, Edit.self, Delete.self,
        Undo.self, Report.self, Import.self, BetGroup.self, Bets.self, Vs.self, Leaderboard.self, Caveats.self,
        Words.self, Yearly.self, Export.self, Backup.self, ConfigCommand.self, Team.self,
    ]

    package init() {}
}

/// Runs one command line in a context and returns its exit status; never exits the process,
/// so the REPL and the tests can call it again and again.
package enum CredenceMain {
    /// The process entry: with a command, run it; with none (or only --journal), the REPL on a
    /// terminal, or one command per line from a pipe.
    package static func main(_ arguments: [String]) -> Int32 {
        var journal: String?
        var rest = arguments[...]
        while let first = rest.first, first == "--journal" || first.hasPrefix("--journal=") {
            if first == "--journal" {
                guard rest.count >= 2 else { break }
                journal = rest.dropFirst().first
                rest = rest.dropFirst(2)
            } else {
                journal = String(first.dropFirst("--journal=".count))
                rest = rest.dropFirst()
            }
        }
        if rest.isEmpty { return REPL.forProcess(journal: journal).run() }
        let context = Context.process()
        let env = context.environment
        /// The command, then its journal closed (the log folded into the file) before the process ends.
        func runAndClose() -> Int32 {
            defer { context.journals.close() }
            return run(arguments, context: context)
        }
        if let pager = Pager.command(arguments: arguments, environment: env, isTerminal: context.isTerminal),
            let finish = Pager.start(pager, environment: env)
        {
            defer { finish() }
            return runAndClose()
        }
        return runAndClose()
    }

    package static func run(_ arguments: [String], context: Context) -> Int32 {
        var command: ParsableCommand
        do {
            try refuseNUL(arguments)
            let typed = try normalize(arguments)
            let (shorter, lifted) = RepeatedOptions.lift(typed)
            command = try lifted.restore(into: Credence.parseAsRoot(shorter)) ?? Credence.parseAsRoot(typed)
        } catch {
            if let status = fittedHelp(error, arguments, context) { return status }
            return report(error, context: context, command: Credence.self)
        }
        context.out.clearFailure()
        do {
            try Context.$current.withValue(context) { try command.run() }
            // Output that did not all arrive is a failure, however well the rest went.
            try context.out.checked()
            return ExitStatus.ok
        } catch {
            // The next command (the REPL's next line) opens the journal afresh after a file error.
            context.journals.discard(after: error)
            if let status = fittedHelp(error, arguments, context) { return status }
            return report(error, context: context, command: type(of: command))
        }
    }

    /// SQLite text ends at a NUL, so text holding one would be cut short on the way in. A shell
    /// cannot pass one, but a script piped into the prompt can.
    static func refuseNUL(_ arguments: [String]) throws {
        if let bad = arguments.first(where: { $0.utf8.contains(0) }) {
            let shown = Format.safe(bad).prefix(40)
            throw CLIError(
                "“\(shown)” holds a NUL character (shown as \u{FFFD}), which a journal cannot keep: remove it and try again",
                status: ExitStatus.usage)
        }
    }

    static let globalOptions: Set<String> = ["--journal", "--color"]

    /// `credence --journal J list` means `credence list --journal J`: options every command takes
    /// may come before the command name. An unknown command gets a suggestion.
    static func normalize(_ arguments: [String]) throws -> [String] {
        var leading: [String] = []
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            let name = arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg
            guard globalOptions.contains(name) else { break }
            leading.append(arg)
            if !arg.contains("="), i + 1 < arguments.count {
                leading.append(arguments[i + 1])
                i += 1
            }
            i += 1
        }
        guard i < arguments.count else { return leading.isEmpty ? arguments : leading }
        let first = arguments[i]
        let names = Credence.commands.map { $0._commandName } + ["help"]
        if !first.hasPrefix("-") && !names.contains(first) {
            let rest = Array(arguments[i...])
            if Suggestions.looksLikeAClaim(rest) {
                let line = QuickEntryParser.line(fromArguments: rest)
                throw CLIError(
                    "unknown command \"\(Format.safe(first))\": to log this claim, write `credence add \(Format.safe(line))`",
                    status: ExitStatus.usage)
            }
            let hint = Suggestions.nearest(first, among: names).map { "did you mean `\($0)`? " } ?? ""
            throw CLIError(
                "unknown command \"\(Format.safe(first))\": \(hint)`credence --help` lists the commands",
                status: ExitStatus.usage)
        }
        if first == "help", i + 1 < arguments.count, !arguments[i + 1].hasPrefix("-") {
            let topic = arguments[i + 1]
            if !names.contains(topic) {
                let hint = Suggestions.nearest(topic, among: names).map { "did you mean `\($0)`? " } ?? ""
                throw CLIError(
                    "there is no command \"\(Format.safe(topic))\" to explain: \(hint)`credence --help` lists the commands",
                    status: ExitStatus.usage)
            }
        }
        return [first] + arguments[(i + 1)...] + leading
    }

    /// Help on a terminal (or with --width) laid out for that width, once; nil if not a help request.
    static func fittedHelp(_ error: Error, _ arguments: [String], _ context: Context) -> Int32? {
        // --width is not parsed when help cuts the parse short: read it here.
        let flag = arguments.firstIndex(of: "--width").flatMap {
            $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil
        }
        guard Credence.exitCode(for: error) == .success, let width = context.truncationWidth(flag),
            let target = helpTarget(arguments)
        else { return nil }
        let help = Credence.helpMessage(for: target, columns: width)
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            for fitted in TerminalText.fit(String(line), width: width) { context.out.write(fitted + "\n") }
        }
        return ExitStatus.ok
    }

    /// The command whose help a successful early exit printed (`credence [help] CMD [SUB] --help`,
    /// or a command group named alone, `credence yearly`); nil for `--version`.
    static func helpTarget(_ arguments: [String]) -> (any ParsableCommand.Type)? {
        guard !arguments.contains("--version") else { return nil }
        var target: any ParsableCommand.Type = Credence.self
        for word in arguments.drop(while: { $0 == "help" }) where !word.hasPrefix("-") {
            guard let sub = target.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            target = sub
        }
        return target
    }

    private static func report(_ error: Error, context: Context, command: any ParsableCommand.Type) -> Int32 {
        var (message, status) = ErrorReport.describe(error, command: command)
        // Messages quote what was typed and what the journal holds (names from someone's import):
        // the one sanitiser, whichever stream they go to.
        message = TerminalText.safe(message, singleLine: false)
        if !message.isEmpty {
            if status == 0 { context.out.line(message) } else { context.err.line(message) }
        }
        return status
    }
}
