import ArgumentParser
import CredenceStore

struct TeamInit: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create Credence's schema in a PostgreSQL database (as its owner); safe to run again.",
        discussion: """
            Creates the schema credence in the database named by --journal, and a role for the
            team's members. Running it again changes nothing, or migrates an older schema; a
            schema from a newer credence is refused and left as it is.
            """)

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let journal = try Journal.openTeam(url: try requireTeamJournal(options.journal, ctx), clock: ctx.clock)
        switch try journal.teamInit() {
        case .created(let version):
            ctx.out.line("Created the team journal at \(journal.path) (schema \(version)).")
            ctx.out.line("Next: `credence team add NAME --journal \(journal.path)` for each member.")
        case .migrated(let from, let to):
            ctx.out.line("Migrated the team journal at \(journal.path) from schema \(from) to \(to).")
        case .alreadyCurrent(let version):
            ctx.out.line("The team journal at \(journal.path) is already set up (schema \(version)); nothing changed.")
        }
    }
}
