import ArgumentParser
import CredenceStore

struct TeamList: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the team's members, their logins and what they may do.")

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let journal = try ctx.openJournal(try requireTeamJournal(options.journal, ctx), access: .read)
        let members = try journal.teamMembers()
        var rows = [["name", "login", "may"]]
        for m in members {
            let may = [
                m.isOwner ? "owner" : nil, m.isAdmin ? "admin" : nil, m.isResolver ? "resolve" : nil,
                m.canLogIn ? nil : "removed",
            ]
            .compactMap { $0 }
            rows.append([Format.safe(m.name), m.role, may.isEmpty ? "forecast" : may.joined(separator: ", ")])
        }
        for line in Format.table(rows) { ctx.out.line(line) }
    }
}
