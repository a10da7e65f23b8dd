import ArgumentParser
import CredenceStore

/// `team config blind on|off`: the team's settings, changed by its owner or an admin (the server
/// refuses anyone else).
struct TeamConfig: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change the team's settings: blind on makes every new claim blind.",
        discussion: """
              credence team config blind on
            A blind claim hides others' forecasts from each member until they forecast it themselves, and from everyone until they do or it resolves. `credence add … --blind` makes one claim blind.
            """)

    @Argument(help: "The setting: blind.") var key: String?
    @Argument(help: "on or off.") var value: String?
    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        guard key == nil || key?.lowercased() == "blind" else {
            throw CLIError(
                "the team's one setting is blind (on or off), not \"\(Format.safe(key!))\"", status: ExitStatus.usage)
        }
        let target = try requireTeamJournal(options.journal, ctx)
        guard let value else {
            let journal = try ctx.openJournal(target, access: .read)
            ctx.out.line("blind = \(try journal.blindByDefault() ? "on" : "off")")
            return
        }
        let on: Bool
        switch value.lowercased() {
        case "on", "yes", "true": on = true
        case "off", "no", "false": on = false
        default: throw CLIError("blind is on or off, not \"\(Format.safe(value))\"", status: ExitStatus.usage)
        }
        let journal = try ctx.openJournal(target, access: .write)
        try journal.setBlindByDefault(on)
        ctx.out.line(
            on
                ? "Every new claim is blind: members see others' forecasts on it once they forecast it, or once it resolves."
                : "New claims are not blind unless added with --blind.")
    }
}
