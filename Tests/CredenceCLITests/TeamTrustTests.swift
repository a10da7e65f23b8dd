import CredenceCLI
import Foundation
import Testing

/// The trust rules of a team journal (PostgresTrust), tried as a member would break them: through
/// `psql` as that member's own login, and through `credence`. Each refusal leaves every table as
/// it was (compared row by row, read as the owner).
@Suite(.enabled(if: TestPostgres.engines.contains(.postgres))) struct TeamTrustTests {
    /// A team journal with two members who each connect as themselves, and its owner (`h`).
    /// Roles are the cluster's, shared by tests running at once: each team's logins are its own.
    struct Team {
        let h = Harness(engine: .postgres)
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        var alice: String { "alice_\(tag)" }
        var ryan: String { "ryan_\(tag)" }

        init(resolver: Bool = false, admin: Bool = false) {
            h.run("team add \(alice) --password pw-\(tag)" + (admin ? " --admin" : ""))
            h.run("team add \(ryan) --password pw-\(tag)" + (resolver ? " --resolver" : ""))
        }

        func url(_ member: String) -> String { TeamJournalTests.url(h.journal, user: member, password: "pw-\(tag)") }

        /// `credence LINE` as `member`, from their own connection.
        @discardableResult
        func run(_ member: String, _ line: String) -> Harness.Result {
            h.run(try! ShellWords.split(line) + ["--journal", url(member)])
        }

        /// SQL typed at `psql` as `member`: its exit status, output and errors.
        func psql(_ member: String, _ sql: String) -> (ok: Bool, out: String, err: String) {
            TeamTrustTests.psql(url(member), sql)
        }

        /// A plain CSV in which two names without a login (dana, erin) forecast one resolved question:
        /// what an admin imports. Its path, in the harness's directory.
        func importFile() throws -> String {
            let path = h.directory.appendingPathComponent("import-\(tag).csv").path
            try
                "forecaster,question_id,probability,outcome,created\ndana,q1,0.7,1,2025-03-01\nerin,q1,0.4,1,2025-03-02\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        /// Every row of every table, as the owner reads them.
        func everything() -> [[String]] {
            let tables = h.rows(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'credence' ORDER BY tablename"
            ).map { $0[0] }
            return tables.flatMap { table in
                h.rows("SELECT '\(table)', t::text FROM credence.\(table) t ORDER BY 2")
            }
        }
    }

    /// SQL typed at `psql` connected by `url`: its exit status, output and errors.
    static func psql(_ url: String, _ sql: String) -> (ok: Bool, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        guard (try? process.run()) != nil else { return (false, "", "psql could not run") }
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus == 0, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func aMemberCannotWriteAsAnotherOrChangeTheRecordThroughPsql() {
        let t = Team()
        #expect(t.run(t.alice, "add \"The probe replicates\" 35% +ai").status == 0)
        #expect(t.run(t.ryan, "forecast 1 80%").status == 0)
        #expect(t.run(t.alice, "bet 1 --with \(t.ryan) --stake 10").status == 0)
        #expect(t.run(t.ryan, "bet accept 1").status == 0)
        let before = t.everything()
        let alice = "(SELECT id FROM credence.forecaster WHERE role_name = '\(t.alice)')"
        let refused: [(String, String)] = [
            (
                "INSERT INTO credence.forecast(claim_id, forecaster_id, probability, typed, form, created_at) VALUES (1, \(alice), 0.9, '90%', 'percent', 0)",
                "you forecast only as yourself (\(t.ryan)), not as \(t.alice)"
            ),
            ("UPDATE credence.forecast SET probability = 0.99 WHERE forecaster_id = \(alice)", "permission denied"),
            ("UPDATE credence.forecast SET probability = 0.99", "permission denied"),
            ("UPDATE credence.forecast SET created_at = 0", "permission denied"),
            ("DELETE FROM credence.forecast", "permission denied"),
            ("DELETE FROM credence.caveat", "permission denied"),
            ("UPDATE credence.claim SET created_at = 0 WHERE id = 1", "permission denied"),
            (
                "UPDATE credence.claim SET text = 'The probe fails' WHERE id = 1",
                "only \(t.alice), who wrote claim 1, may change it"
            ),
            (
                "INSERT INTO credence.resolution(claim_id, status, resolved_at, recorded_at) VALUES (1, 'yes', 0, 0)",
                "only \(t.alice), who wrote claim 1, or a resolver may resolve it"
            ),
            (
                "UPDATE credence.claim SET status = 'yes', outcome = 1, resolved_at = 0 WHERE id = 1",
                "or a resolver may resolve it"
            ),
            ("UPDATE credence.bet SET terms = 'free money' WHERE id = 1", "permission denied"),
            ("UPDATE credence.bet SET state = 'declined' WHERE id = 1", "bet 1 was already accepted"),
            ("UPDATE credence.forecaster SET is_resolver = 1", "permission denied"),
            (
                "INSERT INTO credence.forecaster(name, created_at) VALUES ('ghost', 0)",
                "only an admin adds a forecaster"
            ),
            ("INSERT INTO credence.undo_op(step_id, sql) VALUES (1, 'DROP TABLE credence.claim')", "permission denied"),
            ("DELETE FROM credence.claim", "permission denied"),
            ("DELETE FROM credence.claim_tag", "permission denied"),
            ("SELECT credence.delete_claim(1)", "only \(t.alice), who wrote claim 1, may change it"),
            // A lock on a whole table would stop every member's commands, reads included.
            ("BEGIN; LOCK TABLE credence.claim IN ACCESS EXCLUSIVE MODE; COMMIT;", "permission denied"),
        ]
        for (sql, reason) in refused {
            let r = t.psql(t.ryan, sql)
            #expect(!r.ok, "\(sql) was not refused")
            #expect(r.err.contains(reason), "\(sql): \(r.err)")
        }
        // What the policies leave no row to act on, or the server recomputes to what it was.
        for sql in [
            "UPDATE credence.meta SET value = '9' WHERE key = 'schema_version'",
            "UPDATE credence.forecast SET is_final = 0, outcome = 1",
            "UPDATE credence.bet SET settlement = 'yes', settled_at = 0",
        ] {
            let r = t.psql(t.ryan, sql)
            #expect(r.ok && (r.out.hasSuffix(" 0\n") || r.out.isEmpty), "\(sql): \(r.out) \(r.err)")
        }
        #expect(t.everything() == before, "a refused write changed the record")
        // Undo records hold rows' old values (a blind claim's among them): no member reads them.
        #expect(t.psql(t.ryan, "SELECT count(*) FROM credence.undo_op").err.contains("permission denied"))
        #expect(
            t.psql(t.ryan, "SELECT count(*) FROM credence.undo_step").out == "2\n", "his forecast and his acceptance")
    }

    /// The server marks which forecast counts, for a statement of several rows too (schema 3's
    /// statement trigger): the latest of a member's counts, and a later `forecast` supersedes it.
    @Test func theLatestForecastCountsWhateverTheStatement() {
        let t = Team()
        #expect(t.run(t.alice, "add \"Rain tomorrow\" 70%").status == 0)
        let two = t.psql(
            t.ryan,
            """
            INSERT INTO credence.forecast(claim_id, forecaster_id, probability, typed, form, created_at)
            SELECT 1, credence.caller_id(), v.p, v.typed, 'percent', 0 FROM (VALUES (0.2, '20%'), (0.3, '30%')) v(p, typed)
            """)
        #expect(two.ok, "\(two.err)")
        let counted =
            "SELECT f.typed, f.is_final FROM credence.forecast f JOIN credence.forecaster w ON w.id = f.forecaster_id WHERE w.name = '\(t.ryan)' ORDER BY f.id"
        #expect(t.h.rows(counted) == [["20%", "0"], ["30%", "1"]])
        #expect(t.run(t.ryan, "forecast 1 40%").status == 0)
        #expect(t.h.rows(counted) == [["20%", "0"], ["30%", "0"], ["40%", "1"]])
        // Alice's own forecast is hers and still counts.
        #expect(
            t.h.rows(
                "SELECT f.typed, f.is_final FROM credence.forecast f JOIN credence.forecaster w ON w.id = f.forecaster_id WHERE w.name = '\(t.alice)'"
            ) == [["70%", "1"]])
    }

    @Test func theSameRulesThroughCredence() {
        let t = Team()
        #expect(t.run(t.alice, "add \"Rain tomorrow\" 70%").status == 0)
        let before = t.everything()
        let asOther = t.run(t.ryan, "forecast 1 20% --as \(t.alice)")
        #expect(asOther.status == 77)
        #expect(
            asOther.err
                == "error: on a team journal you write only as yourself (\(t.ryan)), not as \(t.alice): leave out --as; \(t.alice) writes from their own login\n"
        )
        let resolve = t.run(t.ryan, "resolve 1 yes")
        #expect(resolve.status == 77)
        #expect(
            resolve.err
                == "error: only \(t.alice), who wrote claim 1, or a resolver may resolve it; nothing was written\n")
        let delete = t.run(t.ryan, "delete 1 --yes")
        #expect(delete.status == 77 && delete.err.contains("only \(t.alice), who wrote claim 1, may change it"))
        #expect(t.everything() == before)
        #expect(t.run(t.alice, "resolve 1 yes").status == 0)
        #expect(t.run(t.alice, "resolve 1 no --force").status == 0)
        #expect(
            t.h.rows("SELECT status FROM resolution ORDER BY id") == [["yes"], ["no"]], "re-resolution keeps history")
    }

    @Test func aResolverMayResolveAnyClaim() {
        let t = Team(resolver: true)
        t.run(t.alice, "add \"Rain tomorrow\" 70%")
        let r = t.run(t.ryan, "resolve 1 no")
        #expect(r.status == 0, "\(r.err)")
        #expect(t.h.value("SELECT f.role_name FROM resolution r JOIN forecaster f ON f.id = r.resolved_by") == t.ryan)
    }

    @Test func timesAreTheServers() throws {
        let t = Team(resolver: true)
        // The owner's writes keep the owner's clock (PostgreSQL lets an owner change anything):
        // a claim from three days ago.
        t.h.now = Date().addingTimeInterval(-3 * 86_400)
        #expect(t.h.run("add \"Snow by Friday\" 40%").status == 0)
        // A member's clock is far off; the times stored are the server's.
        t.h.now = Date(timeIntervalSince1970: 0)
        #expect(t.run(t.alice, "add \"Rain by Friday\" 40%").status == 0)
        let sql =
            "INSERT INTO credence.forecast(claim_id, forecaster_id, probability, typed, form, created_at) VALUES (1, credence.caller_id(), 0.5, '50%', 'percent', 0)"
        #expect(t.psql(t.alice, sql).ok)
        let skew = t.h.rows(
            "SELECT count(*) FILTER (WHERE abs(created_at - credence.server_ms()) < 60000) FROM forecast WHERE forecaster_id <> (SELECT id FROM forecaster WHERE name = 'me')"
        )
        #expect(skew == [["2"]], "every member's time is the server's, within a minute")
        let resolved = t.run(t.ryan, "resolve 1 yes --at yesterday")
        #expect(resolved.status == 0, "\(resolved.err)")
        let times = t.h.rows(
            "SELECT recorded_at - resolved_at BETWEEN 0 AND 2 * 86400000, abs(recorded_at - credence.server_ms()) < 60000 FROM resolution"
        )
        #expect(times == [["t", "t"]], "--at is when it happened; when it was recorded is the server's")
        let future = t.psql(
            t.ryan,
            "INSERT INTO credence.resolution(claim_id, status, resolved_at, recorded_at) VALUES (2, 'no', credence.server_ms() + 86400000, 0)"
        )
        #expect(!future.ok && future.err.contains("cannot be later than now"), "\(future.err)")
    }

    @Test func aBlindClaimHidesOthersForecastsUntilYouForecast() {
        let t = Team()
        #expect(t.run(t.alice, "add \"The merger closes\" 37% --blind --caveat \"if regulators agree\"").status == 0)
        #expect(t.psql(t.ryan, "SELECT count(*) FROM credence.forecast").out == "0\n")
        #expect(t.psql(t.ryan, "SELECT count(*) FROM credence.caveat").out == "0\n")
        let show = t.run(t.ryan, "show 1").out
        #expect(show.contains("1 forecast by others, hidden until you forecast"))
        #expect(!show.contains("37%"))
        for line in ["list", "report --as all --json", "export --format json", "vs \(t.alice)", "leaderboard --json"] {
            let out = t.run(t.ryan, line).out
            #expect(!out.contains("37%") && !out.contains("0.37"), "\(line) shows the hidden forecast")
        }
        #expect(t.run(t.ryan, "forecast 1 60%").status == 0)
        #expect(t.psql(t.ryan, "SELECT count(*) FROM credence.forecast").out == "2\n")
        #expect(t.run(t.ryan, "show 1").out.contains("37%"))
        // Having seen, Ryan cannot take his forecast back and forecast again.
        let undo = t.run(t.ryan, "undo")
        #expect(undo.status == 77 && undo.err.contains("a forecast on a blind claim"), "\(undo.err)")
        #expect(t.run(t.alice, "resolve 1 no").status == 0)
        t.h.run("team add sam_\(t.tag) --password pw-\(t.tag)")
        #expect(t.run("sam_\(t.tag)", "show 1").out.contains("37%"), "after resolution everything is visible")
    }

    @Test func blindByDefaultAndNotOnAFile() {
        let t = Team()
        #expect(t.run(t.ryan, "team config blind on").status == 77, "only an admin changes the team's settings")
        #expect(t.h.run("team config blind on").status == 0)
        #expect(t.h.run("team config").out == "blind = on\n")
        t.run(t.alice, "add \"Rain tomorrow\" 70%")
        #expect(t.h.value("SELECT blind FROM claim WHERE id = 1") == "1")
        let file = Harness()
        let r = file.run("add \"Rain tomorrow\" 70% --blind")
        #expect(r.status == 65)
        #expect(r.err.contains("--blind is for a team journal: a journal file has one reader"))
        #expect(file.rows("SELECT count(*) FROM claim") == [["0"]])
    }

    @Test func aBetStandsOnlyOnceItsCounterpartyAccepts() {
        let t = Team()
        t.run(t.alice, "add \"Rain tomorrow\" 70%")
        t.run(t.ryan, "forecast 1 40%")
        let offered = t.run(t.alice, "bet 1 --with \(t.ryan) --stake 10")
        #expect(offered.out.contains("It stands once \(t.ryan) accepts it"), "\(offered.out)\(offered.err)")
        #expect(t.run(t.ryan, "bets").out.contains("yours to answer: `credence bet accept 1`"))
        let own = t.run(t.alice, "bet accept 1")
        #expect(own.status == 77 && own.err.contains("only \(t.ryan), whom bet 1 was offered to"))
        #expect(
            t.psql(t.alice, "UPDATE credence.bet SET state = 'accepted' WHERE id = 1").err.contains("only \(t.ryan)"))
        #expect(t.run(t.ryan, "bet accept 1").status == 0)
        t.run(t.alice, "bet 1 --with \(t.ryan) --stake 5 --odds 1:1 --side yes")
        #expect(t.run(t.ryan, "bet decline 2").status == 0)
        t.run(t.alice, "bet 1 --with \(t.ryan) --stake 5 --odds 1:1 --side yes")
        let resolved = t.run(t.alice, "resolve 1 yes")
        #expect(resolved.out.contains("Settled bet 1"))
        #expect(!resolved.out.contains("bet 2") && !resolved.out.contains("bet 3"))
        #expect(
            t.h.rows("SELECT id, state, settlement FROM bet ORDER BY id")
                == [["1", "accepted", "yes"], ["2", "declined", "NULL"], ["3", "pending", "NULL"]])
        #expect(t.run(t.ryan, "bet accept 3").err.contains("was resolved before bet 3 was accepted"))
        #expect(Harness().run("bet accept 1").err.contains("on a journal file a bet is agreed as it is entered"))
    }

    @Test func undoRevertsOnlyTheCallersOwnLastChange() {
        let t = Team()
        t.run(t.alice, "add \"Rain tomorrow\" 70%")
        t.run(t.ryan, "add \"Snow tomorrow\" 10%")
        let undone = t.run(t.alice, "undo")
        #expect(undone.status == 0, "\(undone.err)")
        #expect(t.h.rows("SELECT id FROM claim ORDER BY id") == [["2"]], "Alice's claim went, Ryan's stayed")
        t.run(t.alice, "add \"Hail tomorrow\" 5%")
        t.run(t.ryan, "forecast 3 8%")
        let refused = t.run(t.alice, "undo")
        #expect(refused.status == 77)
        #expect(refused.err.contains("this would remove \(t.ryan)'s forecast on claim 3"), "\(refused.err)")
        #expect(t.h.rows("SELECT count(*) FROM forecast") == [["3"]])
        t.run(t.alice, "add \"Fog tomorrow\" 50%")
        t.h.run("team add res_\(t.tag) --password pw-\(t.tag) --resolver")
        t.run("res_\(t.tag)", "resolve 4 no")
        let later = t.run(t.alice, "undo")
        #expect(
            later.status == 77 && later.err.contains("res_\(t.tag) has changed the same record since"), "\(later.err)")
    }

    @Test func anAdminImportKeepsTheFilesTimesAndIsMarked() throws {
        let t = Team(admin: true)
        let file = try t.importFile()
        let refused = t.run(t.ryan, "import \(file)")
        #expect(refused.status == 77, "\(refused.out)\(refused.err)")
        let r = t.run(t.alice, "import \(file)")
        #expect(r.status == 0, "\(r.err)")
        #expect(
            t.h.rows(
                "SELECT to_char(to_timestamp(created_at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), imported FROM forecast ORDER BY id"
            )
                == [["2025-03-01", "1"], ["2025-03-02", "1"]])
        #expect(t.run(t.ryan, "show 1").out.contains("dana  70% (typed 0.7) ← counts  (imported)"))
    }

    /// What an attacker found in a first version of the rules, each now refused.
    @Test func whatATesterBrokeStaysShut() {
        let t = Team()
        t.run(t.alice, "add \"The merger closes\" 37% --blind")
        t.run(t.ryan, "add \"Rain tomorrow\" 50%")
        let ryanID = t.h.value("SELECT id FROM forecaster WHERE role_name = '\(t.ryan)'")!
        let aliceID = t.h.value("SELECT id FROM forecaster WHERE role_name = '\(t.alice)'")!
        // A temporary table named like Credence's must not stand in for it inside the rules.
        let shadow = t.psql(
            t.ryan,
            """
            CREATE TEMP TABLE forecaster(id bigint, name text, created_at bigint, role_name text, is_resolver int, is_admin int);
            INSERT INTO forecaster VALUES (\(aliceID), 'x', 0, '\(t.ryan)', 1, 1);
            CREATE TEMP TABLE pg_roles(rolname name, rolsuper bool);
            INSERT INTO pg_roles VALUES ('\(t.ryan)', true);
            SELECT credence.is_admin(), credence.trusted(), credence.caller_id();
            """)
        #expect(shadow.out.hasSuffix("f|f|\(ryanID)\n"), "\(shadow.out)\(shadow.err)")
        // A forecast made and rolled back in one transaction shows nothing of a blind claim.
        let peek = t.psql(
            t.ryan,
            """
            BEGIN;
            INSERT INTO credence.forecast(claim_id, forecaster_id, probability, typed, form, created_at)
                VALUES (1, credence.caller_id(), 0.5, '50%', 'percent', 0);
            SELECT count(*) FROM credence.forecast WHERE claim_id = 1;
            ROLLBACK;
            """)
        #expect(peek.out.contains("\n1\n"), "\(peek.out)\(peek.err)")
        let before = t.everything()
        for (sql, reason) in [
            (
                "UPDATE credence.claim SET status = 'yes', outcome = 1, resolved_at = credence.server_ms() WHERE id = 2",
                "is resolved by `credence resolve`"
            ),
            (
                "INSERT INTO credence.claim(id, uuid, text, created_at) VALUES (99, '00000000-0000-4000-8000-00000000ffff', 'x', 0)",
                "ids are given by the server"
            ),
            (
                "INSERT INTO credence.bet(claim_id, yes_forecaster_id, no_forecaster_id, yes_stake, no_stake, terms, created_at) VALUES (2, \(ryanID), \(aliceID), 'NaN', 1, 'x', 0)",
                "a stake is an amount"
            ),
            (
                "INSERT INTO credence.caveat(forecast_id, text) VALUES (2, 'said afterwards')",
                "a caveat belongs to its forecast"
            ),
        ] {
            let r = t.psql(t.ryan, sql)
            #expect(!r.ok && r.err.contains(reason), "\(sql): \(r.err)")
        }
        #expect(t.everything() == before)
        // A claim another member bet on, or made a claim conditional on, is theirs too.
        t.run(t.alice, "add \"Snow tomorrow\" 20% --if 2")
        t.run(t.ryan, "bet 2 --with \(t.alice) --stake 10 --odds 1:1 --side yes")
        // (A refused insert above drew an id: ids are never given twice.)
        let bet = t.h.value("SELECT max(id) FROM bet")!
        #expect(t.run(t.alice, "bet accept \(bet)").status == 0)
        let gone = t.run(t.ryan, "delete 2 --yes")
        #expect(gone.status == 77, "\(gone.out)\(gone.err)")
        let undo = t.run(t.alice, "undo")
        #expect(undo.status == 77 && undo.err.contains("an answered bet stands for both sides"), "\(undo.err)")
        #expect(t.h.rows("SELECT count(*) FROM bet WHERE state = 'accepted'") == [["1"]])
        // A forecast typed at psql supersedes the member's earlier one, as `credence` would.
        t.psql(
            t.ryan,
            "INSERT INTO credence.forecast(claim_id, forecaster_id, probability, typed, form, created_at) VALUES (2, credence.caller_id(), 0.6, '60%', 'percent', 0)"
        )
        #expect(
            t.h.rows("SELECT count(*) FROM forecast WHERE claim_id = 2 AND forecaster_id = \(ryanID) AND is_final = 1")
                == [["1"]])
    }

    @Test func anImportIsForNamesWithoutALogin() throws {
        let t = Team(admin: true)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("team-member-\(t.tag).csv")
        try "forecaster,question_id,probability,outcome\n\(t.ryan),q1,0.99,1\n".write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = t.run(t.alice, "import \(file.path)")
        #expect(r.status == 77 && r.err.contains("\(t.ryan) is a member and forecasts from their own"), "\(r.err)")
        #expect(t.h.rows("SELECT count(*) FROM forecast") == [["0"]])
        let reserved = t.psql(t.alice, "INSERT INTO credence.forecaster(name, created_at) VALUES ('@team', 0)")
        #expect(reserved.err.contains("names starting with @ are Credence's"))
    }

    /// A second attacker's finds, each now refused.
    @Test func whatASecondTesterBrokeStaysShut() {
        let t = Team(resolver: true)
        t.h.run("team add carol_\(t.tag) --password pw-\(t.tag)")
        let carol = "carol_\(t.tag)"
        t.run(t.alice, "add \"The merger closes\" 62% --blind")
        t.run(t.ryan, "forecast 1 28%")
        // A midpoint bet's terms carry both numbers: a member still blind to the claim sees no bet.
        #expect(t.run(t.alice, "bet 1 --with \(t.ryan) --stake 10").status == 0)
        #expect(t.psql(carol, "SELECT count(*) FROM credence.bet").out == "0\n")
        #expect(!t.run(carol, "show 1").out.contains("62%"))
        // A resolution row left beside an open claim is refused at commit.
        let stray = t.psql(
            t.ryan,
            "INSERT INTO credence.resolution(claim_id, status, resolved_at, recorded_at) VALUES (1, 'yes', credence.server_ms(), 0)"
        )
        #expect(!stray.ok && stray.err.contains("goes with the claim's own change"), "\(stray.err)")
        // Conditions, like options and text, stay once others have forecast or bet.
        t.run(t.alice, "add \"Throwaway\" 50%")
        let condition = t.psql(
            t.alice, "INSERT INTO credence.condition(claim_id, on_claim_id, required_outcome) VALUES (1, 2, 1)")
        #expect(!condition.ok && condition.err.contains("its options and conditions stay"), "\(condition.err)")
        // A forecast names an option of its own claim, and only on a scenario set.
        t.run(t.alice, "add \"Which\" --option \"red=60%\" --option \"blue=40%\"")
        let option = t.psql(
            t.ryan,
            "INSERT INTO credence.forecast(claim_id, forecaster_id, option_id, probability, typed, form, created_at) VALUES (2, credence.caller_id(), 1, 0.99, '99%', 'percent', 0)"
        )
        #expect(!option.ok && option.err.contains("names an option of that claim"), "\(option.err)")
        // Resolving again keeps the first resolution's time: a forecast made afterwards never counts.
        t.run(t.alice, "resolve 2 yes")
        t.run(t.ryan, "forecast 2 99%")
        #expect(t.run(t.alice, "resolve 2 yes --force").status == 0)
        #expect(
            t.h.rows(
                "SELECT count(*) FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id WHERE f.claim_id = 2 AND w.role_name = '\(t.ryan)' AND f.is_final = 1"
            )
                == [["0"]])
        #expect(t.h.rows("SELECT count(DISTINCT resolved_at) FROM resolution WHERE claim_id = 2") == [["1"]])
    }

    /// A third attacker's finds that the rules close (the EXPLAIN ANALYZE inference they also found
    /// is documented as open in the README).
    @Test func whatAThirdTesterBrokeStaysShut() {
        let t = Team(resolver: true)
        t.run(t.alice, "add \"Rain tomorrow\" 30%")
        // Ids of every table are the server's.
        for sql in [
            "INSERT INTO credence.tag(id, name) VALUES (9000, 'squat')",
            "INSERT INTO credence.undo_step(id, description, created_at, marks) VALUES (9000, 'squat', 0, '')",
            "INSERT INTO credence.claim_tag(id, claim_id, tag_id) VALUES (9000, 1, 1)",
        ] {
            let r = t.psql(t.alice, sql)
            #expect(!r.ok && r.err.contains("ids are given by the server"), "\(sql): \(r.err)")
        }
        // A transaction held open does not stamp a later write with its early time.
        let stale = t.psql(
            t.ryan,
            """
            BEGIN;
            SELECT pg_sleep(61);
            INSERT INTO credence.forecast(claim_id, forecaster_id, probability, typed, form, created_at)
                VALUES (1, credence.caller_id(), 0.99, '99%', 'percent', 0);
            COMMIT;
            """)
        #expect(!stale.ok && stale.err.contains("began more than a minute ago"), "\(stale.err)")
        // The derived values are computed only for what the caller may see.
        #expect(
            t.psql(
                t.ryan,
                "SELECT credence.derived_final(ROW(0, 1, 1, NULL, 0.5, '', 'percent', NULL, 0, 1, NULL, 0)::credence.forecast)"
            ).err.contains("permission denied"))
        // Undoing a resolution others forecast after would let those forecasts count.
        t.run(t.alice, "resolve 1 yes")
        // (credence refuses a forecast on a resolved claim; psql does not, and it never counts.)
        t.psql(
            t.ryan,
            "INSERT INTO credence.forecast(claim_id, forecaster_id, probability, typed, form, created_at) VALUES (1, credence.caller_id(), 0.99, '99%', 'percent', 0)"
        )
        let undo = t.run(t.alice, "undo")
        #expect(
            undo.status == 77 && undo.err.contains("others have forecast the claim since it resolved"), "\(undo.err)")
    }

    /// The third attacker's binary search on a hidden number through EXPLAIN ANALYZE: the number's
    /// column cannot be named on the table, and through the readable view every threshold plans
    /// and runs alike.
    @Test func aHiddenNumberCannotBeInferred() {
        let t = Team()
        t.h.run("team add carol_\(t.tag) --password pw-\(t.tag)")
        let carol = "carol_\(t.tag)"
        t.run(t.alice, "add \"The merger closes\" 30% --blind")
        t.run(t.ryan, "forecast 1 83%")
        t.run(t.ryan, "bet 1 --with \(t.alice) --stake 37 --odds 1:1 --side yes")
        for sql in [
            "SELECT 1 FROM credence.forecast WHERE id = 2 AND probability > 0.8",
            "SELECT 1 FROM credence.forecast WHERE typed = '83%'",
            "SELECT 1 FROM credence.bet WHERE yes_stake >= 37",
        ] {
            #expect(t.psql(carol, sql).err.contains("permission denied"), "\(sql)")
        }
        // The plan as run, the threshold itself left out.
        func plan(_ threshold: String) -> String {
            let condition = "probability > \(threshold)"
            return t.psql(
                carol,
                "SET enable_seqscan = off; SET enable_bitmapscan = off; EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT 1 FROM credence_seen.forecast WHERE id = 2 AND \(condition)"
            ).out.replacingOccurrences(of: threshold, with: "X")
        }
        #expect(plan("0.8").contains("Rows Removed by Filter: 1"))
        #expect(plan("0.8") == plan("0.9"), "the plan's run tells one threshold from another")
        #expect(t.psql(carol, "SELECT count(*) FROM credence_seen.forecast WHERE claim_id = 1").out == "0\n")
        #expect(t.psql(carol, "SELECT count(*) FROM credence_seen.bet").out == "0\n")
        // The forecasters themselves read their own numbers, and each other's once both forecast.
        #expect(t.psql(t.ryan, "SELECT probability FROM credence_seen.forecast ORDER BY id").out == "0.3\n0.83\n")
    }

    /// A fourth attacker read hidden numbers from a resolver's own undo records (printed in the
    /// context of a cancelled undo): a resolution's records hold only the columns it changed.
    @Test func aResolutionsUndoRecordsHoldNoNumbers() {
        let t = Team(resolver: true)
        t.h.run("team add carol_\(t.tag) --password pw-\(t.tag)")
        t.run("carol_\(t.tag)", "add \"The merger closes\" 62% --blind")
        t.run(t.alice, "forecast 1 28%")
        #expect(t.run(t.ryan, "resolve 1 yes").status == 0)
        let records = t.h.rows(
            "SELECT count(*) FILTER (WHERE o.sql LIKE '%probability%'), count(*) FROM undo_op o JOIN undo_step s ON s.id = o.step_id WHERE s.role_name = '\(t.ryan)' AND o.table_name = 'forecast'"
        )
        #expect(records == [["0", "2"]], "\(records)")
    }
}
