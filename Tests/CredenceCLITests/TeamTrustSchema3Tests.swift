import Foundation
import Testing

/// What an attacker found in schema 2's rules while schema 3 was tried (a helper's report of
/// 2026-12-01), each now refused; and the admin's import, which undo now takes back whole.
extension TeamTrustTests {
    @Test func theOwnersTriggerFunctionsCannotBeAttachedToAMembersTable() {
        let t = Team()
        t.run(t.alice, "add \"Rain tomorrow\" 70%")
        t.run(t.alice, "resolve 1 yes")
        let before = t.everything()
        // A temporary table named like ours, with the owner's undo trigger on it, would record an
        // "undo" of alice's resolution that undo_last replays as the owner.
        for function in ["record_undo_inserts", "supersede_inserted"] {
            let r = t.psql(
                t.ryan,
                """
                CREATE TEMP TABLE resolution (id bigint);
                CREATE TRIGGER u AFTER INSERT ON pg_temp.resolution REFERENCING NEW TABLE AS inserted
                    FOR EACH STATEMENT EXECUTE FUNCTION credence.\(function)();
                """)
            #expect(
                !r.ok && r.err.contains("permission denied for function credence.\(function)"), "\(function): \(r.err)")
        }
        for function in ["record_undo", "claim_resolved", "prune_undo", "resolution_applied"] {
            let r = t.psql(
                t.ryan,
                """
                CREATE TEMP TABLE forecast (id bigint, probability double precision);
                CREATE TRIGGER u AFTER UPDATE ON pg_temp.forecast FOR EACH ROW EXECUTE FUNCTION credence.\(function)();
                """)
            #expect(
                !r.ok && r.err.contains("permission denied for function credence.\(function)"), "\(function): \(r.err)")
        }
        #expect(t.everything() == before)
    }

    @Test func aTypeNamedNameDoesNotMakeAMemberTheOwner() {
        let t = Team()
        let r = t.psql(
            t.ryan,
            """
            CREATE TYPE pg_temp.name AS ENUM ('\(t.ryan)', 'me');
            CREATE FUNCTION pg_temp.tn(pg_temp.name) RETURNS pg_catalog.name LANGUAGE sql AS 'SELECT current_user';
            CREATE CAST (pg_temp.name AS pg_catalog.name) WITH FUNCTION pg_temp.tn(pg_temp.name) AS IMPLICIT;
            SELECT credence.trusted(), credence.caller_trusted();
            """)
        #expect(r.out.hasSuffix("f|f\n"), "\(r.out)\(r.err)")
    }

    @Test func anAdminUndoesTheirOwnImportWhole() throws {
        let t = Team(admin: true)
        let file = try t.importFile()
        #expect(t.run(t.alice, "import \(file)").status == 0)
        #expect(t.h.rows("SELECT count(*) FROM forecast") == [["2"]])
        let undone = t.run(t.alice, "undo")
        #expect(undone.status == 0, "\(undone.out)\(undone.err)")
        #expect(t.h.rows("SELECT count(*) FROM forecast UNION ALL SELECT count(*) FROM claim") == [["0"], ["0"]])
        // What others forecast stays theirs: the admin cannot take back a member's forecast.
        #expect(t.run(t.alice, "add \"Snow\" 20%").status == 0)
        let snow = t.h.value("SELECT max(id) FROM claim")!
        #expect(t.run(t.ryan, "forecast \(snow) 30%").status == 0)
        let delete = t.run(t.alice, "delete \(snow) --yes")
        #expect(delete.status == 77, "\(delete.out)\(delete.err)")
        #expect(delete.err.contains("which is theirs: it stays"), "\(delete.err)")
    }

    /// From a second tester's report: a view a member may update could be locked whole, and an
    /// undo of an edit brought back words others had not forecast on.
    @Test func noMemberLocksATableOrUndoesWordsOthersForecastOn() {
        let t = Team()
        for view in ["forecast", "caveat", "bet"] {
            let lock = t.psql(t.ryan, "BEGIN; LOCK TABLE credence_seen.\(view) IN ACCESS EXCLUSIVE MODE; COMMIT;")
            #expect(!lock.ok && lock.err.contains("permission denied"), "\(view): \(lock.err)")
        }
        #expect(t.run(t.alice, "add \"Merger closes by March\" 40%").status == 0)
        t.h.environment["EDITOR"] = "sed -i 1s/March/June/"
        let edited = t.run(t.alice, "edit 1")
        #expect(edited.status == 0, "\(edited.out)\(edited.err)")
        t.h.environment["EDITOR"] = nil
        #expect(t.run(t.ryan, "forecast 1 80%").status == 0)
        let undo = t.run(t.alice, "undo")
        #expect(undo.status == 77, "\(undo.out)\(undo.err)")
        #expect(undo.err.contains("its text stays as they saw it"), "\(undo.err)")
        #expect(t.h.rows("SELECT text FROM claim") == [["Merger closes by June"]])
        // Members still accept bets and mark what counts: those writes go to the tables.
        #expect(t.run(t.ryan, "bet 1 --with \(t.alice) --stake 10").status == 0)
        let accepted = t.run(t.alice, "bet accept 1")
        #expect(accepted.status == 0, "\(accepted.out)\(accepted.err)")
        #expect(t.run(t.ryan, "forecast 1 70%").status == 0)
        #expect(
            t.h.rows(
                "SELECT f.typed, f.is_final FROM credence.forecast f JOIN credence.forecaster w ON w.id = f.forecaster_id WHERE w.name = '\(t.ryan)' ORDER BY f.id"
            ) == [["80%", "0"], ["70%", "1"]])
    }
}
