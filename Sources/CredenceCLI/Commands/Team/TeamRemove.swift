import ArgumentParser
import CredenceStore

struct TeamRemove: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Revoke a member's login; their forecasts, claims and resolutions stay in the record.")

    @Argument(help: "The member's name.")
    var name: String

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let journal = try ctx.openJournal(try requireTeamJournal(options.journal, ctx), access: .write)
        let member = try journal.teamRemove(name: name)
        ctx.out.line(
            "Removed \(Format.safe(member.name))'s login (\(member.role)); their forecasts stay in the team's record.")
    }
}
