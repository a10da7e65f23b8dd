import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

/// What TAB offers, computed from the command definitions and the journal; pure, so it can be
/// tested without a terminal.
package struct CompletionModel: Sendable {
    /// Every command with its long flags, from argument-parser's own description of the commands;
    /// a command group's subcommands appear as "group sub" (`yearly paste`).
    package var commands: [String: [String]]
    /// The subcommand names of each command group.
    package var groups: [String: [String]] = [:]
    /// Claims as `id` with a hint of their text, newest first.
    package var claims: [(id: String, text: String)] = []
    package var tags: [String] = []
    package var forecasters: [String] = []

    package static let replWords = ["help", "quit", "exit"]
    /// Commands whose first argument is a claim id.
    static let takesClaim: Set<String> = ["forecast", "resolve", "show", "edit", "delete", "bet"]
    /// Options whose value is a forecaster's name, a tag, a claim id.
    static let nameOptions: Set<String> = ["--as", "--with"]
    static let tagOptions: Set<String> = ["--tag"]

    package init(commands: [String: [String]]) { self.commands = commands }

    /// The command definitions, read from argument-parser's help dump so they never drift.
    package static func fromDefinitions() -> CompletionModel {
        var commands: [String: [String]] = [:], groups: [String: [String]] = [:]
        func longFlags(_ command: [String: Any]) -> [String] {
            (command["arguments"] as? [[String: Any]] ?? []).flatMap { arg in
                (arg["names"] as? [[String: Any]] ?? []).compactMap { n in
                    (n["kind"] as? String) == "long" ? "--" + (n["name"] as? String ?? "") : nil
                }
            }.filter { $0 != "--version" }
        }
        do {
            _ = try Credence.parseAsRoot(["--experimental-dump-help"])
        } catch {
            let json = Credence.fullMessage(for: error)
            if let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
                let command = root["command"] as? [String: Any], let subs = command["subcommands"] as? [[String: Any]]
            {
                for sub in subs {
                    guard let name = sub["commandName"] as? String else { continue }
                    commands[name] = longFlags(sub)
                    for nested in sub["subcommands"] as? [[String: Any]] ?? [] {
                        guard let nestedName = nested["commandName"] as? String, nestedName != "help" else { continue }
                        groups[name, default: []].append(nestedName)
                        commands["\(name) \(nestedName)"] = longFlags(nested)
                    }
                }
            }
        }
        var model = CompletionModel(commands: commands)
        model.groups = groups
        return model
    }

    /// Candidates for the word being completed, given the words before it on the line.
    package func candidates(before: [String], word: String) -> [String] {
        func matching(_ options: [String]) -> [String] { options.filter { $0.hasPrefix(word) }.sorted() }
        // Claim ids in the journal's order, newest first, as `list` shows them: not as text (1, 10, 11, 2).
        func matchingIDs() -> [String] { claims.map(\.id).filter { $0.hasPrefix(word) } }
        guard let first = before.first else {
            return matching(Array(commands.keys.filter { !$0.contains(" ") }) + Self.replWords)
        }
        if first == "help" {
            return before.count == 1 ? matching(Array(commands.keys.filter { !$0.contains(" ") })) : []
        }
        if let subs = groups[first] {
            guard before.count >= 2, let flags = commands["\(first) \(before[1])"] else {
                return before.count == 1 ? matching(subs) : []
            }
            if before.last == "--tag" { return matching(tags) }
            if before.last == "--as" { return matching(forecasters) }
            return word.hasPrefix("-") ? matching(flags) : []
        }
        guard let flags = commands[first] else {
            // A quick-entry line: tags after # or +.
            if word.hasPrefix("+") { return matching(tags.map { "+" + $0 }) }
            return word.hasPrefix("#") ? matching(tags.map { "#" + $0 }) : []
        }
        if let previous = before.last, before.count >= 2 {
            if Self.nameOptions.contains(previous) { return matching(forecasters) }
            if Self.tagOptions.contains(previous) { return matching(tags) }
            if previous == "--if" { return matchingIDs() }
            if previous == "--by" && first == "report" {
                return matching(ReportGrouping.allCases.filter { $0 != .none }.map(\.rawValue))
            }
            if previous == "--scoring" { return matching(["final", "time-averaged"]) }
        }
        if word.hasPrefix("-") { return matching(flags) }
        if word.hasPrefix("#") { return matching(tags.map { "#" + $0 }) }
        let positional = before.dropFirst().filter { !$0.hasPrefix("-") }.count
        if Self.takesClaim.contains(first) && positional == 0 { return matchingIDs() }
        if first == "resolve" && positional == 1 { return matching(["yes", "no", "annul"]) }
        if first == "vs" && positional < 2 { return matching(forecasters) }
        return []
    }

    /// How candidates are listed under the prompt: a claim id one per line with a hint of its
    /// text; anything else (commands, flags, tags, names) in columns across the width, as a shell does.
    package func layout(_ candidates: [String], width: Int) -> [String] {
        if candidates.contains(where: { hint(for: $0) != nil }) {
            return candidates.map { Format.truncate(Format.safe(hint(for: $0) ?? $0), to: max(10, width - 1)) }
        }
        let shown = candidates.map { Format.safe($0) }
        let column = (shown.map { Format.width($0) }.max() ?? 0) + 2
        let perRow = max(1, (width - 1) / max(1, column))
        let rows = (shown.count + perRow - 1) / perRow
        // Down the columns, then across, as readline and ls do.
        return (0..<rows).map { r in
            TerminalText.trimmingTrailingSpaces(
                stride(from: r, to: shown.count, by: rows).map { Format.pad(shown[$0], column) }.joined())
        }
    }

    /// "7  Ryan ships by friday" for a claim id candidate, so the list says what each id is.
    package func hint(for candidate: String) -> String? {
        claims.first { $0.id == candidate }.map { "\($0.id)  \($0.text)" }
    }
}
