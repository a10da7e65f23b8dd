import ArgumentParser

/// `credence bet …`: propose a bet (the default), or answer one offered on a team journal.
struct BetGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bet",
        abstract: "Record a bet with someone on a yes/no claim; it settles when the claim resolves.",
        discussion: """
              credence bet 7 --with ryan --stake 20 --odds 4:1
              # on a team journal, Ryan answers the offer
              credence bet accept 3
            `credence bet propose --help` explains the terms.
            """,
        subcommands: [BetCommand.self, BetAnswer<Accepting>.self, BetAnswer<Declining>.self],
        defaultSubcommand: BetCommand.self)
}

/// Which answer a `bet accept` or `bet decline` gives.
protocol BetAnswerKind {
    static var name: String { get }
    static var accepts: Bool { get }
}
enum Accepting: BetAnswerKind {
    static let name = "accept"
    static let accepts = true
}
enum Declining: BetAnswerKind {
    static let name = "decline"
    static let accepts = false
}
