import ArgumentParser
import CredenceCore
import Foundation

/// "Did you mean …?" for mistyped commands and flags: the nearest known name within an edit
/// distance of 2, and never for something that is not a word (`credence 70` is not a typo of `vs`).
enum Suggestions {
    static func nearest(_ typed: String, among names: [String]) -> String? {
        let word = typed.lowercased()
        guard word.contains(where: \.isLetter) else { return nil }
        let best = names.min { distance($0, word) < distance($1, word) }
        guard let best, case let d = distance(best, word), d <= 2, d < max(best.count, word.count) else { return nil }
        return best
    }

    /// Edits between two words, a swap of two neighbouring letters counting as one (`lsit` is one
    /// edit from `list`, two from `edit`): the optimal string alignment distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// The long flags a command takes, read from its own help so the list never goes stale.
    static func flags(of command: any ParsableCommand.Type) -> [String] {
        let help = command.helpMessage(columns: 10_000)
        var found: [String] = []
        var rest = Substring(help)
        while let range = rest.range(of: "--") {
            let name = rest[range.lowerBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if name.count > 2, !found.contains(String(name)) { found.append(String(name)) }
            rest = rest[range.upperBound...]
        }
        return found
    }

    /// `--tga`: "did you mean `--tag`? " (with the trailing space), or "".
    static func flagHint(_ typed: String, command: any ParsableCommand.Type) -> String {
        let name = String(typed.split(separator: "=", maxSplits: 1).first ?? "")
        return nearest(name, among: flags(of: command)).map { "did you mean `\($0)`? " } ?? ""
    }

    /// A line that holds a probability but no command: it is a claim to log with `add`.
    static func looksLikeAClaim(_ arguments: [String]) -> Bool {
        arguments.dropFirst().contains { word in
            (try? ProbabilityParser.parse(word, allowCertain: true)).map { $0.form != .verbal } ?? false
        }
    }
}
