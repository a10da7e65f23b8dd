import CredenceCore

/// Words every sentence about people and counts shares.
package enum Wording {
    /// "1 claim", "3 claims", "1,250 forecasts".
    package static func plural(_ n: Int, _ word: String) -> String { "\(n.grouped) \(word)\(n == 1 ? "" : "s")" }

    /// "you" for the journal's owner, anyone else by name, made safe for a terminal.
    package static func who(_ name: String, owner: String) -> String {
        name.lowercased() == owner.lowercased() ? "you" : TerminalText.safe(name)
    }
}
