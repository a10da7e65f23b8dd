import CredenceCLI
import Foundation
import Testing

/// The real binary, as a shell runs it: exit codes, streams, and a reader that goes away.
@Suite struct ProcessTests {
    static var binary: String {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("credence").path
    }

    struct Result { let out: String, err: String, status: Int32 }

    /// Runs `script` with bash; see `run`.
    static func shell(_ script: String, environment: [String: String] = [:], timeout: Double = 300) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["CREDENCE"] = binary
        env["PATH"] = (binary as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "")
        for (k, v) in environment { env[k] = v }
        return try run("/bin/bash", ["-c", script], environment: env, timeout: timeout)
    }

    /// Runs a program with stdin from /dev/null and its output through files (a daemon it leaves
    /// behind cannot hold them open); killed, failing the test, after `timeout` seconds, so a
    /// hang fails the run instead of stalling it.
    static func run(
        _ path: String, _ arguments: [String], environment: [String: String]? = nil, timeout: Double
    ) throws -> Result {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("credence-run-\(UUID().uuidString)")
            .path
        defer { for f in [".out", ".err"] { try? FileManager.default.removeItem(atPath: base + f) } }
        let status = try ChildProcess.run(
            path, arguments, environment: environment, stdin: .null,
            stdout: .file(base + ".out"), stderr: .file(base + ".err"), timeout: timeout)
        func text(_ f: String) -> String {
            String(decoding: FileManager.default.contents(atPath: base + f) ?? Data(), as: UTF8.self)
        }
        return Result(out: text(".out"), err: text(".err"), status: status)
    }

    @Test func versionAndUsage() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first: \(Self.binary)")
        let v = try Self.shell("\"$CREDENCE\" --version")
        #expect(v.status == 0 && v.out == "credence 0.1.0\n")
        let bad = try Self.shell("\"$CREDENCE\" list --frobnicate")
        #expect(bad.status == 64 && bad.out.isEmpty && bad.err.contains("Unknown option '--frobnicate'"))
    }

    /// A child that leaves a background process behind (as `tmux new-session` leaves its server,
    /// or an editor its daemon) is done when it exits: Foundation's Process waited for the
    /// background process too, and hung CI.
    @Test func aChildIsDoneWhenItExitsNotWhenItsDaemonDoes() throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "credence-daemon-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        let started = Date()
        let status = try ChildProcess.run(
            "/bin/sh", ["-c", "sleep 30 & echo $! > \(pidFile); exit 3"], stdin: .null, stdout: .null, stderr: .null)
        #expect(status == 3)
        #expect(Date().timeIntervalSince(started) < 10)
        let daemon = try #require(
            Int32(
                (try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(daemon, 0) == 0, "the background process outlived its parent, as a daemon does")
        kill(daemon, SIGKILL)
    }

    @Test func aHungChildIsKilledAndReported() throws {
        let started = Date()
        #expect(throws: ChildProcess.Failure.self) {
            try ChildProcess.run(
                "/bin/sh", ["-c", "sleep 30"], stdin: .null, stdout: .null, stderr: .null, timeout: 0.5)
        }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(try Self.shell("kill -TERM $$").status == 128 + SIGTERM)
    }

    @Test func aClosedPipeIsACleanExit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("credence-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = "forecaster,question_id,probability,outcome,question\n"
        for i in 0..<3000 {
            csv +=
                "me,q\(i),0.\(10 + i % 80),\(i % 2),A fairly long claim text number \(i) to fill the pipe buffer quickly\n"
        }
        try csv.write(to: dir.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
        let env = ["CREDENCE_JOURNAL": dir.appendingPathComponent("j.sqlite").path, "HOME": dir.path]
        #expect(try Self.shell("\"$CREDENCE\" import \"\(dir.path)/big.csv\"", environment: env).status == 0)
        let r = try Self.shell("\"$CREDENCE\" list | head -n 2; echo \"status ${PIPESTATUS[0]}\"", environment: env)
        #expect(r.err.isEmpty, "stderr: \(r.err)")
        #expect(r.out.hasSuffix("status 0\n"), "\(r.out)")
        #expect(r.out.split(separator: "\n").count == 3)
    }

    /// A Credence CSV over 4 MB into a journal that does not exist yet: read while it is written,
    /// the new journal linked into place whole. Then 12,000 more claims into that journal (its
    /// forecast indexes dropped and rebuilt), and both undone. (While SQLite kept statement
    /// journals of 256 KB or more in memory, dropping those indexes and both undos failed with
    /// "disk full".)
    @Test func largeImportsAndTheirUndo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("credence-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (file, first) in [("big.csv", 0), ("more.csv", 12_000)] {
            var csv =
                "record,claim_uuid,claim_id,claim,kind,notes,claim_created_at,resolve_by,options,tags,condition_uuid,condition_requires,forecaster,option,probability,typed,form,reason,caveats,created_at,status,resolved_at,recorded_at,note,resolved_by,automatic,yes,no,yes_stake,no_stake,terms,settled_at,settlement\n"
            for i in first..<(first + 12_000) {
                let uuid = String(format: "00000000-0000-4000-8000-%012d", i)
                let claim =
                    "forecast,\(uuid),,A claim long enough to look like one people write (#\(i)),binary,,2025-01-01T00:00:00.000Z,,,\"[\"\"work\"\"]\",,,"
                csv += claim + "me,,0.7,70%,percent,,,2025-01-01T00:00:00.000Z,,,,,,,,,,,,,\n"
                csv += claim + "ryan,,0.4,40%,percent,,,2025-01-02T00:00:00.000Z,,,,,,,,,,,,,\n"
                csv +=
                    "resolution,\(uuid),,,,,,,,,,,,,,,,,,,yes,2025-02-01T00:00:00.000Z,2025-02-01T00:00:00.000Z,,,0,,,,,,,\n"
            }
            #expect(csv.utf8.count > 4 << 20)
            try csv.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        let env = ["CREDENCE_JOURNAL": dir.appendingPathComponent("j.sqlite").path, "HOME": dir.path]
        for file in ["big.csv", "more.csv"] {
            let imported = try Self.shell("\"$CREDENCE\" import \"\(dir.path)/\(file)\"", environment: env)
            #expect(imported.status == 0, "\(imported.err)")
            #expect(
                imported.out.hasPrefix(
                    "Imported 12,000 claims and 24,000 forecasts from \(file) (Credence), with 12,000 resolutions"))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
                    "big.csv", "j.sqlite", "more.csv",
                ])
        }
        let undone = try Self.shell("\"$CREDENCE\" undo && \"$CREDENCE\" undo && \"$CREDENCE\" list", environment: env)
        #expect(undone.status == 0 && undone.err.isEmpty, "\(undone.err)")
        // Each `sh -c` is its own shell: the imports came from another process, at a time of day.
        let lines = undone.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(undone.out)")
        #expect(lines.first?.hasPrefix("Undid: import more.csv: 12,000 claims, 24,000 forecasts (") == true)
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix(", another process)") }, "\(undone.out)")
        #expect(lines.dropFirst().first?.hasPrefix("Undid: import big.csv: 12,000 claims, 24,000 forecasts (") == true)
        #expect(lines.last == "No claims match. `credence add Ryan ships by friday 70%` logs one.")
    }

    @Test func dataErrorsGoToStderrWithStatus65() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("credence-err-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.shell(
            "\"$CREDENCE\" add Rain 70", environment: ["CREDENCE_JOURNAL": dir.appendingPathComponent("j.sqlite").path])
        #expect(
            r.status == 65 && r.out.isEmpty
                && r.err == "error: \"70\" is a bare number: did you mean 70%?\n  Rain 70\n       ^^\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }
}

/// The runnable walk-throughs in Examples/, run as a user would, against the built binary.
@Suite struct ExampleScriptTests {
    static func script(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples/\(name)")
            .standardized.path
    }

    @Test func betWithRyan() throws {
        let r = try ProcessTests.shell("bash \"\(Self.script("bet-with-ryan.sh"))\"")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Ryan was more right than you: 80% on what happened against your 35%"))
        #expect(r.out.contains("Settled bet 1: ryan wins 20 from you."))
        #expect(r.out.contains("  ryan        −20   0 won, 1 lost"))
    }
}

extension ExampleScriptTests {
    @Test func aScriptOnStdin() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("credence-week-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ProcessTests.shell(
            "\"$CREDENCE\" < \"\(Self.script("week.credence"))\"",
            environment: ["CREDENCE_JOURNAL": dir.appendingPathComponent("j.sqlite").path, "HOME": dir.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.isEmpty)
        #expect(r.out.contains("Added claim 3: The eval harness ships by March"))
        #expect(r.out.contains("Resolved claim 2 “The launch slips past Friday”: YES"))
        #expect(!r.out.contains("journal>"))
    }

    @Test func aFailingLineNamesItsLineAndFailsTheRun() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("credence-fail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ProcessTests.shell(
            "printf 'add A 30%%\\nresolve 7 yes\\nadd B 60%%\\n' | \"$CREDENCE\"",
            environment: ["CREDENCE_JOURNAL": dir.appendingPathComponent("j.sqlite").path, "HOME": dir.path])
        #expect(r.status == 65)
        #expect(r.err == "line 2: error: there is no claim 7: `credence list` shows the ids\n")
        #expect(r.out.contains("Added claim 2: B"))
    }
}

/// The committed shell completions are what the binary generates from the command definitions.
@Suite struct CompletionScriptTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionsAreCurrent(shell: String) throws {
        let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../completions/credence.\(shell)").standardized
        let r = try ProcessTests.shell("\"$CREDENCE\" --generate-completion-script \(shell)")
        #expect(r.status == 0)
        #expect(
            r.out == (try String(contentsOf: committed, encoding: .utf8)),
            "completions/credence.\(shell) is stale: run scripts/generate-docs")
    }
}

extension ExampleScriptTests {
    @Test func fatebookImport() throws {
        let r = try ProcessTests.shell("bash \"\(Self.script("fatebook-import.sh"))\"")
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.out.contains(
                "Imported 3 claims and 4 forecasts from fatebook-sample.csv (Fatebook CSV), with 2 resolutions"))
        #expect(r.out.contains("Nothing new in fatebook-sample.csv"))
        #expect(r.out.contains("Alice vs Bob on 1 shared resolved claim"))
    }

    @Test func yearlyList() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("credence-year-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ProcessTests.shell(
            "\"$CREDENCE\" < \"\(Self.script("yearly-list.credence"))\"",
            environment: ["CREDENCE_JOURNAL": dir.appendingPathComponent("j.sqlite").path, "HOME": dir.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Added 5 predictions to #predictions-2026 as claims 1–5"))
        #expect(r.out.contains("Graded 5 of 5 in #predictions-2026: 3 came true, 2 did not."))
        #expect(
            r.out.contains(
                "# Predictions for 2026: how they turned out\n\n5 predictions: 5 graded (3 came true, 2 did not)."))
        #expect(r.out.contains("- ✅ The team ships v2: 80%\n- ❌ It snows in London in December: 25%\n"))
    }
}

/// The fault script, small: kills during import and during command loops, concurrent writers.
@Suite struct FaultScriptTests {
    @Test func killsAndConcurrentWritersLoseNothing() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../scripts/fault-tests.sh"
        ).standardized.path
        let r = try ProcessTests.shell("TRIALS=4 WRITES=60 CREDENCE=\"$CREDENCE\" bash \"\(script)\"")
        #expect(r.status == 0, "\(r.out)\n\(r.err)")
        #expect(r.out.hasSuffix("no failures\n"))
    }
}
