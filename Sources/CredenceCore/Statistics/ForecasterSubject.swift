/// Whose forecasts a report or comparison scores: one person, everyone's pooled rows, or
/// `@team`, the pseudo-forecaster whose forecast on a claim pools everyone's (§16).
package enum ForecasterSubject: Sendable, Equatable {
    case everyone
    case person(String)
    case team(TeamPool)

    /// The name `--as` and `vs` give the pooled forecaster. It cannot be a person's name: the
    /// store refuses it for a new forecaster.
    package static let teamName = "@team"

    /// Whether a name typed on the command line means `@team` (case-insensitive, as names are).
    package static func isTeam(_ name: String) -> Bool { name.lowercased() == teamName }

    /// The person's name, if it is one.
    package var person: String? {
        if case .person(let name) = self { return name }
        return nil
    }
}
