import Foundation
import Logging
import NIOSSL
import PostgresNIO

extension PostgresDatabase {
    /// Connects within five seconds or says why not: a command never hangs on an unreachable server.
    static func connect(_ url: PostgresURL) throws -> PostgresDatabase {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            var config = PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
                tls: try tls(url))
            config.options.connectTimeout = .seconds(5)
            if url.sslMode == .verifyFull, !isIPAddress(url.host) { config.options.tlsServerName = url.host }
            let loop = group.next()
            let promise = loop.makePromise(of: PostgresConnection.self)
            // The TCP connect has its own timeout; this one covers a server that accepts and then
            // says nothing (a stopped process, a firewall swallowing packets).
            let timeout = loop.scheduleTask(in: .seconds(5)) {
                promise.fail(JournalError.serverUnreachable(server: url.server, reason: "no answer within 5 seconds"))
            }
            PostgresConnection.connect(
                on: loop, configuration: config, id: 1,
                logger: Logger(label: "credence.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
            ).whenComplete { result in
                timeout.cancel()
                switch result {
                case .success(let c): promise.succeed(c)
                case .failure(let e): promise.fail(e)
                }
            }
            let connection: PostgresConnection
            do {
                connection = try promise.futureResult.wait()
            } catch {
                throw PostgresErrors.translate(error, server: url.server)
            }
            let db = PostgresDatabase(connection: connection, group: group, server: url.server)
            // A lock held by a transaction left open (at psql, say) fails a command after 10 s
            // rather than hanging it.
            try db.script("SET search_path TO credence, pg_catalog; SET lock_timeout = '10s'")
            return db
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
    }

    private static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// libpq's sslmode: `require` encrypts without checking whom it talks to; `verify-ca` checks
    /// the certificate against `sslrootcert` (or the system's roots); `verify-full` the host name too.
    private static func tls(_ url: PostgresURL) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch url.sslMode {
        case .disable: return .disable
        case .allow, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let root = url.sslRootCert, url.sslMode == .verifyCA || url.sslMode == .verifyFull {
            guard FileManager.default.isReadableFile(atPath: root) else {
                throw JournalError.badJournalURL(
                    "sslrootcert=\(root) cannot be read: give the CA certificate's PEM file")
            }
            tls.trustRoots = .file(root)
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw JournalError.badJournalURL("sslrootcert=\(url.sslRootCert ?? ""): not a PEM certificate (\(error))")
        }
        return url.sslMode == .allow || url.sslMode == .prefer ? .prefer(context) : .require(context)
    }

    /// Statements without arguments, several at once (schema scripts, transaction control), one
    /// after another.
    func script(_ sql: String) throws {
        for statement in Self.statements(sql) {
            do {
                try checkOpen()
                _ = try answer(connection.query(PostgresQuery(unsafeSQL: statement), logger: logger))
            } catch {
                throw PostgresErrors.translate(error, server: server)
            }
        }
    }

    /// postgres-nio leaves a query written to a closed connection unanswered, so `wait()` on it
    /// would never return: a lost connection is an error before anything is sent.
    func checkOpen() throws {
        if connection.isClosed {
            throw JournalError.serverUnreachable(
                server: server, reason: "the connection was lost; nothing of this command was written")
        }
    }

    /// A script's statements: split at semicolons outside quotes, `--` comments and `$$` bodies.
    static func statements(_ sql: String) -> [String] {
        var out: [String] = [], current = ""
        let chars = Array(sql)
        var i = 0
        var quote: Character?, dollar = false, comment = false
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            if comment {
                if c == "\n" { comment = false }
            } else if dollar {
                if c == "$" && next == "$" {
                    dollar = false
                    current += "$$"
                    i += 2
                    continue
                }
            } else if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "-" && next == "-" {
                comment = true
            } else if c == "$" && next == "$" {
                dollar = true
                current += "$$"
                i += 2
                continue
            } else if c == ";" {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { out.append(trimmed) }
                current = ""
                i += 1
                continue
            }
            current.append(c)
            i += 1
        }
        let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { out.append(trimmed) }
        return out
    }

    /// A read: one REPEATABLE READ snapshot, so a command's several queries see one state of the
    /// journal however many members write meanwhile.
    func reading<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        if depth > 0 { return try body(self) }
        try script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return try inTransaction { (try body(self), false) }
    }

    /// A write: committed when `body` says it changed something, rolled back otherwise or on error.
    func writing<T>(_ body: (any SQLDatabase) throws -> (T, Bool)) throws -> T {
        if depth > 0 { return try body(self).0 }
        try script("BEGIN ISOLATION LEVEL READ COMMITTED")
        return try inTransaction { try body(self) }
    }

    private func inTransaction<T>(_ body: () throws -> (T, Bool)) throws -> T {
        depth += 1
        defer { depth -= 1 }
        let result: (T, Bool)
        do {
            result = try body()
        } catch {
            // On a lost connection the server has rolled the transaction back already, and a
            // ROLLBACK sent there would wait forever (postgres-nio never answers a query written
            // to a closed channel).
            if case JournalError.serverUnreachable = error { throw error }
            try? script("ROLLBACK")
            throw error
        }
        // A lost connection at COMMIT is reported, never taken for success.
        try script(result.1 ? "COMMIT" : "ROLLBACK")
        return result.0
    }
}

/// The server's errors in words a user can act on.
enum PostgresErrors {
    static func translate(_ error: Error, server: String) -> Error {
        if error is JournalError { return error }
        if case .server(let response) = error as? PostgresError {
            return translate(
                state: response.fields[.sqlState] ?? "", message: response.fields[.message] ?? "", server: server)
        }
        guard let e = error as? PSQLError else {
            if let reason = certificateProblem(error, server: server) {
                return JournalError.serverNotTrusted(server: server, reason: reason)
            }
            return JournalError.serverUnreachable(server: server, reason: describe(error))
        }
        if let info = e.serverInfo, let state = info[.sqlState] {
            return translate(state: state, message: info[.message] ?? "an error", server: server)
        }
        switch e.code {
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return JournalError.serverUnreachable(
                server: server, reason: "the connection was lost; nothing of this command was written")
        case .sslUnsupported:
            return JournalError.serverRefused(
                server: server, reason: "the server does not offer TLS, which sslmode asks for")
        default:
            let underlying = e.underlying ?? e
            if let reason = certificateProblem(underlying, server: server) {
                return JournalError.serverNotTrusted(server: server, reason: reason)
            }
            return JournalError.serverUnreachable(server: server, reason: describe(underlying))
        }
    }

    /// A TLS failure in words: the server answered, but is not the one sslmode asked for.
    static func certificateProblem(_ error: Error, server: String) -> String? {
        let text = String(describing: error)
        if text.contains("failedToValidateHostname") {
            let host = server.split(separator: ":").dropLast().joined(separator: ":")
            return
                "its certificate does not name \(host) (verify-full checks the host name: connect by a name the certificate gives, or use sslmode=verify-ca)"
        }
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return
                "its certificate is not signed by a certificate authority this client trusts (sslrootcert=FILE names the team's CA; without it, the system's are used)"
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return "the TLS handshake failed (\(text))"
        }
        return nil
    }

    static func translate(state: String, message: String, server: String) -> Error {
        switch state {
        case "28P01", "28000":
            return JournalError.serverRefused(
                server: server,
                reason:
                    "\(message) (check the user and password in --journal, PGPASSWORD or ~/.pgpass, and that an admin ran `credence team add` for this user)"
            )
        case "3D000":
            return JournalError.serverRefused(
                server: server, reason: "\(message) (create it with createdb, then run `credence team init`)")
        // A trust rule (PostgresTrust) says why in its own words; a grant or policy in PostgreSQL's.
        case "CR001":
            return JournalError.notPermitted(message)
        case "CR002":
            return JournalError.nothingToUndo
        case "42501":
            return JournalError.notPermitted("the server refused it: \(message)")
        case "55P03":
            return JournalError.serverRefused(
                server: server,
                reason:
                    "another session has held the rows this needs for 10 seconds (a transaction left open at psql?); try again"
            )
        case "53100":
            return JournalError.diskFull(path: server)
        case _ where state.hasPrefix("23"):
            return JournalError.constraintRefused(message)
        case _ where state.hasPrefix("08") || state.hasPrefix("57P"):
            return JournalError.serverUnreachable(server: server, reason: message)
        default:
            return JournalError.serverRefused(server: server, reason: "\(message) (SQLSTATE \(state))")
        }
    }

    private static func describe(_ error: Error) -> String {
        if let e = error as? NIOConnectionError {
            let reasons =
                (e.connectionErrors.map { describe($0.error) }
                    + [e.dnsAError, e.dnsAAAAError].compactMap {
                        $0.map(describe)
                    })
            return reasons.first ?? "cannot connect"
        }
        if let e = error as? IOError { return String(cString: strerror(e.errnoCode)) }
        if case ChannelError.connectTimeout = error { return "no answer within 5 seconds" }
        if let e = error as? NIOSSLError { return "TLS failed: \(e)" }
        if let e = error as? BoringSSLError { return "TLS failed: \(e)" }
        return String(describing: error)
    }
}
