import ArgumentParser
import CredenceStore

/// `credence team …`: a team journal on PostgreSQL, managed by its owner.
struct Team: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Set up and manage a team journal on PostgreSQL (init, add, list, remove, config).",
        discussion: """
            A team journal is a PostgreSQL database; each member connects as their own login:
              credence team init --journal postgres://OWNER@HOST/DB
              credence team add ryan --journal postgres://OWNER@HOST/DB
            Ryan then uses --journal postgres://ryan@HOST/DB (or CREDENCE_JOURNAL, or the config
            key journal) with every command, and "me" is Ryan.
            """,
        subcommands: [TeamInit.self, TeamAdd.self, TeamList.self, TeamRemove.self, TeamConfig.self])
}

/// The journal a team command manages: only a team journal will do.
func requireTeamJournal(_ flag: String?, _ ctx: Context) throws -> String {
    let target = ctx.journalPath(flag)
    guard PostgresURL.isPostgres(target) else {
        throw CLIError(
            "team commands manage a team journal: give --journal postgres://USER@HOST[:PORT]/DB (the journal is \(target), a file)",
            status: ExitStatus.usage)
    }
    return target
}
