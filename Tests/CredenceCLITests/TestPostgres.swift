import CredenceCLI
import CredenceCore
import Foundation
import Testing

/// The engines a parameterised test runs on.
enum TestEngine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

/// The PostgreSQL server the team-journal tests use: `CREDENCE_TEST_POSTGRES` is a superuser's
/// URL (scripts/test-postgres.sh and .ci/run start a throwaway cluster and set it). Each test gets
/// a database of its own, copied from a template that `credence team init` set up once. Without
/// the variable the PostgreSQL cases are left out, except under CI=true, where they run and fail:
/// a server missing in CI is never a silent skip.
enum TestPostgres {
    static let environment = ProcessInfo.processInfo.environment
    static let adminURL: String? = environment["CREDENCE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let required = environment["CI"] == "true"

    /// Engines to run parameterised tests on.
    static let engines: [TestEngine] = adminURL != nil || required ? [.sqlite, .postgres] : [.sqlite]

    /// `url` with another database name.
    static func url(_ url: String, database: String) -> String {
        guard let slash = url.range(of: "/", options: .backwards, range: url.range(of: "@")!.upperBound..<url.endIndex)
        else { return url }
        let query = url[slash.upperBound...].firstIndex(of: "?").map { String(url[$0...]) } ?? ""
        return String(url[..<slash.upperBound]) + database + query
    }

    /// The template every test database is copied from, made once per test process.
    static let template: String = {
        guard let admin = adminURL else {
            Issue.record("CI=true but CREDENCE_TEST_POSTGRES is not set: the team-journal tests need a server")
            return ""
        }
        let name = "credence_template_\(getpid())"
        psql(admin, "DROP DATABASE IF EXISTS \(name)")
        psql(admin, "CREATE DATABASE \(name)")
        let h = Harness()
        let r = h.run(["team", "init", "--journal", url(admin, database: name)])
        if r.status != 0 { Issue.record("team init failed: \(r.err)") }
        return name
    }()

    /// A fresh, initialised team journal's URL.
    static func newJournal() -> String {
        let template = self.template
        guard let admin = adminURL else { return "postgres://missing-server@127.0.0.1:1/none" }
        let name = "credence_test_\(UUID().uuidString.prefix(8).lowercased())_\(getpid())"
        psql(admin, "CREATE DATABASE \(name) TEMPLATE \(template)")
        return url(admin, database: name)
    }

    /// Rows as text, NULL as "NULL", like `Harness.rows` on a file.
    static func rows(_ query: String, in url: String) -> [[String]] {
        let out = psql(url, "SET search_path TO credence; " + query, tuples: true)
        // Records and fields apart by ASCII's own separators: values may hold newlines and tabs.
        let records = out.hasSuffix("\n") ? String(out.dropLast()) : out
        return records.split(separator: "\u{1E}", omittingEmptySubsequences: true).map {
            $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        }
    }

    static func execute(_ sql: String, in url: String) { psql(url, "SET search_path TO credence; " + sql) }

    @discardableResult
    static func psql(_ url: String, _ sql: String, tuples: Bool = false) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-P", "null=NULL"]
            + (tuples ? ["-At", "-F", "\u{1F}", "-R", "\u{1E}"] : [])
            + ["-d", url, "-c", sql]
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        do {
            try process.run()
        } catch {
            Issue.record("psql could not run: \(error)")
            return ""
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Issue.record("psql failed on \(sql): \(String(decoding: err, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
