import CredenceCLI
import CredenceCore
import Foundation
import GRDB
import Testing

/// Runs commands in-process against a temporary journal with a pinned clock: Sunday
/// 2026-11-22 12:00 UTC, in London.
final class Harness {
    let directory: URL
    let journal: String
    var now: Date
    var environment: [String: String]
    var confirmAnswer: Bool?
    /// Whether standard output is a terminal (as opposed to a pipe or file).
    var isTerminal = false
    /// The terminal's width when `isTerminal` (nil: unknown).
    var terminalWidth: Int?
    /// Lines a command reads as further input (a pasted list, grading answers), with the prompts it showed.
    let input = Input()

    final class Input: @unchecked Sendable {
        private var lines: [String] = []
        private(set) var prompts: [String] = []
        private let lock = NSLock()
        func feed(_ more: [String]) {
            lock.lock()
            lines += more
            lock.unlock()
        }
        func next(_ prompt: String) -> String? {
            lock.lock()
            defer { lock.unlock() }
            prompts.append(prompt)
            return lines.isEmpty ? nil : lines.removeFirst()
        }
    }
    let uuidCounter = Counter()

    /// Numbers the claims' UUIDs 1, 2, 3 … so golden output is stable.
    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }

    /// Which engine the journal is on: a file, or a fresh database on the test server
    /// (`CREDENCE_TEST_POSTGRES`; see `TestPostgres`).
    let engine: TestEngine

    init(now: String = "2026-11-22T12:00:00Z", engine: TestEngine = .sqlite) {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("credence-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.engine = engine
        switch engine {
        case .sqlite: journal = directory.appendingPathComponent("journal.sqlite").path
        case .postgres: journal = TestPostgres.newJournal()
        }
        self.now = ISO8601DateFormatter().date(from: now)!
        environment = [
            "CREDENCE_JOURNAL": journal, "HOME": directory.path,
            "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
            "TERM": "dumb", "COLUMNS": "100",
        ]
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    struct Result {
        let out: String, err: String, status: Int32
    }

    var clock: Clock { Clock.fixed(now, timeZone: TimeZone(identifier: "Europe/London")!) }

    @discardableResult
    func run(_ args: [String]) -> Result {
        let out = OutputSink(), err = OutputSink()
        let answer = confirmAnswer
        let counter = uuidCounter
        let ctx = Context(
            environment: environment, clock: clock, out: out, err: err, isTerminal: isTerminal,
            terminalWidth: terminalWidth,
            confirm: answer.map { a in { @Sendable _ in a } },
            makeUUID: { String(format: "00000000-0000-4000-8000-%012d", counter.next()) },
            readLine: { [input] in input.next($0) })
        let status = CredenceMain.run(args, context: ctx)
        return Result(out: out.text, err: err.text, status: status)
    }

    @discardableResult
    func run(_ line: String) -> Result { run(try! ShellWords.split(line)) }

    /// Advances the pinned clock.
    func advance(days: Double) { now = now.addingTimeInterval(days * 86_400) }

    /// The journal file's bytes, to prove a refused command changed nothing.
    func snapshot() -> Data? { FileManager.default.contents(atPath: journal) }

    /// Reads the journal directly, to assert what a command stored.
    func rows(_ query: String, in path: String? = nil) -> [[String]] {
        if engine == .postgres && path == nil { return TestPostgres.rows(query, in: journal) }
        let path = path ?? journal
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let db = try! DatabaseQueue(path: path)
        return try! db.read { db in
            try Row.fetchAll(db, sql: query).map { row in
                row.databaseValues.map { $0.isNull ? "NULL" : "\($0.storage.value!)" }
            }
        }
    }

    func value(_ query: String) -> String? { rows(query).first?.first }

    /// Changes the journal behind credence's back (states only an older version or damage could leave).
    func sql(_ statements: String) {
        if engine == .postgres { return TestPostgres.execute(statements, in: journal) }
        let db = try! DatabaseQueue(path: journal)
        try! db.writeWithoutTransaction { try $0.execute(sql: statements) }
    }
}
