import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct ConfigCommand: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or set the settings (owner, bins, hints, journal) and say where they live.",
        discussion: """
              credence config
              credence config owner alice
              credence config hints off
            owner: your name in the journal (default me); bins: the report's bins, 1 to 100 (default 10); hints: the reference-class hint after add, on or off (default on); journal: the journal file or team URL used without --journal or CREDENCE_JOURNAL.
            """)

    static let keys = ["owner", "bins", "hints", "journal"]

    @Argument(help: "A setting: owner, bins, hints or journal.") var key: String?
    @Argument(help: "Its new value.") var value: String?
    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let path = Config.path(environment: ctx.environment)
        guard let key else {
            let exists = FileManager.default.fileExists(atPath: path)
            ctx.out.line("Config: \(Format.safe(path))\(exists ? "" : " (not created yet: the defaults apply)")")
            for k in Self.keys { ctx.out.line("  \(Format.pad(k, 7))  \(Format.safe(Self.shown(k, ctx.config)))") }
            return
        }
        let name = key.lowercased() == "reference_hints" ? "hints" : key.lowercased()
        guard Self.keys.contains(name) else {
            let hint = Suggestions.nearest(name, among: Self.keys).map { "did you mean `\($0)`? " } ?? ""
            throw CLIError(
                "\"\(Format.safe(key))\" is not a setting: \(hint)the settings are owner, bins, hints and journal",
                status: ExitStatus.usage)
        }
        guard let value else {
            ctx.out.line(Format.safe(Self.shown(name, ctx.config)))
            return
        }
        let stored = try Self.validated(name, value)
        try Self.write(name, stored, to: path)
        ctx.out.line("Set \(name) = \(Format.safe(stored)) in \(Format.safe(path))")
    }

    static func shown(_ key: String, _ c: Config) -> String {
        switch key {
        case "owner": return c.owner
        case "bins": return String(c.bins)
        case "journal":
            return c.journal.map {
                PostgresURL.isPostgres($0) ? ((try? PostgresURL($0, environment: [:]).shown) ?? $0) : $0
            } ?? "(the default file)"
        default: return c.referenceHints ? "on" : "off"
        }
    }

    /// The value as it will be stored, or an error saying what the setting takes.
    static func validated(_ key: String, _ value: String) throws -> String {
        let v = value.trimmingCharacters(in: .whitespaces)
        switch key {
        case "owner":
            guard !v.isEmpty, !v.contains("\n"), v.lowercased() != "all" else {
                throw CLIError("owner is a name, e.g. credence config owner alice (not empty, not \"all\")")
            }
            return v
        case "bins":
            guard let b = Int(v), (1...100).contains(b) else {
                throw CLIError("bins is a whole number from 1 to 100, e.g. credence config bins 10")
            }
            return String(b)
        case "journal":
            guard !v.isEmpty, !v.contains("\n") else {
                throw CLIError(
                    "journal is a file or a team URL, e.g. credence config journal postgres://alice@db.example/team")
            }
            if PostgresURL.isPostgres(v) { _ = try PostgresURL(v, environment: [:]) }
            return v
        default:
            switch v.lowercased() {
            case "on", "true", "yes", "1": return "on"
            case "off", "false", "no", "0": return "off"
            default: throw CLIError("hints is on or off, e.g. credence config hints off")
            }
        }
    }

    /// Replaces the key's line (or adds one), keeping every other line and comment; the file is
    /// private (0600) and replaced whole, so a failed write leaves the old one.
    static func write(_ key: String, _ value: String, to path: String) throws {
        let old = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var lines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let names = key == "hints" ? ["hints", "reference_hints"] : [key]
        var replaced = false
        lines = lines.compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let eq = trimmed.firstIndex(of: "="),
                names.contains(trimmed[..<eq].trimmingCharacters(in: .whitespaces).lowercased())
            else { return line }
            if replaced { return nil }
            replaced = true
            return "\(key) = \(value)"
        }
        if !replaced { lines.append("\(key) = \(value)") }
        let dir = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CLIError(
                "cannot create \(Format.safe(dir)): \(error.localizedDescription)", status: ExitStatus.ioError)
        }
        let temporary = "\(path).tmp-\(getpid())"
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]),
            rename(temporary, path) == 0
        else {
            unlink(temporary)
            throw CLIError(
                "cannot write \(Format.safe(path)): \(String(cString: strerror(errno)))", status: ExitStatus.ioError)
        }
    }
}
