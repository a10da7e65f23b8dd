import Foundation

/// A team journal's address: `postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…&sslrootcert=FILE]`
/// (or `postgresql://`), read as libpq reads it.
package struct PostgresURL: Sendable, Equatable {
    package enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    package var user: String
    package var password: String?
    package var host: String
    package var port: Int
    package var database: String
    package var sslMode: SSLMode
    package var sslRootCert: String?

    /// Whether a `--journal` value names a team journal rather than a file.
    package static func isPostgres(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    package init(
        user: String, password: String? = nil, host: String, port: Int = 5432, database: String,
        sslMode: SSLMode = .prefer, sslRootCert: String? = nil
    ) {
        (self.user, self.password, self.host, self.port) = (user, password, host, port)
        (self.database, self.sslMode, self.sslRootCert) = (database, sslMode, sslRootCert)
    }

    /// Parses a URL; the error says what is wrong and what a good one looks like.
    package init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func bad(_ why: String) -> JournalError {
            .badJournalURL(
                "\(why) in the journal URL: write postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require]")
        }
        guard Self.isPostgres(text), let url = URLComponents(string: text) else {
            throw bad("a character that must be percent-encoded, or a missing part,")
        }
        guard let host = url.percentEncodedHost.flatMap({ $0.removingPercentEncoding }), !host.isEmpty else {
            throw bad("no host")
        }
        let database = String(url.percentEncodedPath.drop(while: { $0 == "/" })).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else { throw bad("no database name (the part after /)") }
        let user = url.percentEncodedUser?.removingPercentEncoding ?? environment["PGUSER"] ?? environment["USER"] ?? ""
        guard !user.isEmpty else { throw bad("no user (the part before @)") }
        self.init(
            user: user, password: url.percentEncodedPassword?.removingPercentEncoding, host: host,
            port: url.port ?? 5432, database: database)
        guard (1...65535).contains(port) else { throw bad("the port \(port) out of range") }
        for item in url.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else {
                    throw JournalError.badJournalURL(
                        "sslmode=\(item.value ?? "") is not a mode: use one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                sslMode = mode
            case "sslrootcert": sslRootCert = item.value
            default:
                throw JournalError.badJournalURL(
                    "the journal URL's parameter \(item.name) is not one Credence reads: use sslmode and sslrootcert")
            }
        }
        if password == nil { password = environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 } }
        if password == nil { password = try PgPass.lookup(self, environment: environment) }
    }

    /// The journal as messages name it: never with its password.
    package var shown: String {
        var out = "postgres://\(user)@\(host):\(port)/\(database)"
        if sslMode != .prefer { out += "?sslmode=\(sslMode.rawValue)" }
        return out
    }

    package var server: String { "\(host):\(port)" }
}

/// `~/.pgpass` (or `PGPASSFILE`), in libpq's format: `host:port:database:user:password` lines,
/// `*` matching anything, `\` escaping `:` and `\`. Like libpq, a file others can read is ignored,
/// with a warning in the error that follows if the server then wants a password.
enum PgPass {
    static func lookup(_ url: PostgresURL, environment: [String: String]) throws -> String? {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let path = environment["PGPASSFILE"] ?? "\(home)/.pgpass"
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard info.st_mode & 0o077 == 0 else {
            throw JournalError.badJournalURL(
                "\(path) can be read by others, so it is not used (as psql would not): run chmod 600 \(path)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [url.host, String(url.port), url.database, url.user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = ""
        var escaped = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}
