import ArgumentParser
import CredenceStore
import Foundation

struct TeamAdd: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a member: a PostgreSQL login of their own and their forecaster.",
        discussion: """
            Needs the CREATEROLE privilege (the database's owner, or a superuser). Prints the
            URL and password NAME connects with; the password is shown once. A name already in
            the journal (imported history) becomes that member's, forecasts and all.
            """)

    @Argument(help: "The member's name (letters, digits, _); their login is the name in lower case.")
    var name: String

    @Flag(name: .long, help: "May resolve claims others wrote.")
    var resolver = false

    @Flag(name: .long, help: "May import history for several forecasters.")
    var admin = false

    @Option(name: .long, help: ArgumentHelp("Their password (default: a new random one).", valueName: "password"))
    var password: String?

    @OptionGroup var options: JournalOptions

    func validate() throws {
        if let password, password.isEmpty { throw ValidationError("--password must not be empty") }
    }

    func execute(in ctx: Context) throws {
        let target = try requireTeamJournal(options.journal, ctx)
        let journal = try ctx.openJournal(target, access: .write)
        let secret = password ?? Self.randomPassword()
        let member = try journal.teamAdd(name: name, password: secret, resolver: resolver, admin: admin)
        guard let url = journal.url else { return }
        let roles = [member.isResolver ? "resolver" : nil, member.isAdmin ? "admin" : nil].compactMap { $0 }
        ctx.out.line(
            "Added \(Format.safe(member.name))\(roles.isEmpty ? "" : " (\(roles.joined(separator: ", ")))") to the team journal."
        )
        var theirs = url
        theirs.user = member.role
        theirs.password = nil
        ctx.out.line("\(Format.safe(member.name)) connects with:")
        ctx.out.line("  --journal \(theirs.shown)")
        if password == nil {
            ctx.out.line("  password: \(secret)")
            ctx.out.line(
                "Give it to them privately; they can keep it in ~/.pgpass (mode 600) as the line")
            ctx.out.line("  \(url.host):\(url.port):\(url.database):\(member.role):\(secret)")
        }
    }

    /// 24 characters from a 57-letter alphabet (no look-alikes): about 140 bits.
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
