import GRDB

/// The journal's schema. Migrations are literal SQL, frozen once shipped: a journal on disk has
/// them already, so a new journal must get exactly the same statements, and a change is a new
/// migration (ARCHITECTURE.md §7; `Tests/CredenceStoreTests/Fixtures/schema.sql` holds the
/// result). `PRAGMA user_version` holds the schema version so a current journal opens without
/// the migrator, and a journal from a newer Credence is refused before anything touches it.
enum Schema {
    static let version = 2
    /// "CRED": marks a file as a Credence journal.
    static let applicationID: Int32 = 0x4352_4544

    /// Version 1 as shipped: the tables, their indexes, and the triggers that record, for every
    /// UPDATE and DELETE, the SQL that reverses it. Inserts are reverted through the
    /// AUTOINCREMENT high-water marks each step records, so bulk imports pay nothing for undo.
    /// (`undo` leaves the counters where they are: an id, once given, is never given to another
    /// claim.) Times are INTEGER milliseconds since the Unix epoch (UTC). The forecast indexes:
    /// by claim (show, merges, vs) and the counted forecasts by forecaster and probability (the
    /// report's GROUP BY reads this index alone). SQLite stores each statement's text as written,
    /// so not a byte of this changes, long lines included.
    static let v1 = """
        CREATE TABLE forecaster (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
            created_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE claim (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            kind TEXT NOT NULL DEFAULT 'binary' CHECK (kind IN ('binary', 'scenarios')),
            notes TEXT,
            created_at INTEGER NOT NULL,
            resolve_by INTEGER CHECK (resolve_by IS NULL OR resolve_by >= created_at),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'yes', 'no', 'annulled', 'resolved')),
            outcome INTEGER CHECK (outcome IN (0, 1)),
            resolved_at INTEGER,
            resolved_option_id INTEGER REFERENCES scenario_option(id),
            CHECK ((status = 'open') = (resolved_at IS NULL)),
            CHECK (outcome IS (CASE status WHEN 'yes' THEN 1 WHEN 'no' THEN 0 END)),
            CHECK ((status = 'resolved') = (resolved_option_id IS NOT NULL))
        ) STRICT;
        CREATE INDEX claim_open_due ON claim(resolve_by) WHERE status = 'open';
        CREATE INDEX claim_created ON claim(created_at);

        CREATE TABLE scenario_option (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
            label TEXT NOT NULL CHECK (length(trim(label)) > 0),
            position INTEGER NOT NULL,
            UNIQUE (claim_id, label COLLATE NOCASE)
        ) STRICT;

        CREATE TABLE forecast (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
            forecaster_id INTEGER NOT NULL REFERENCES forecaster(id),
            option_id INTEGER REFERENCES scenario_option(id) ON DELETE CASCADE,
            probability REAL NOT NULL CHECK (probability >= 0 AND probability <= 1),
            typed TEXT NOT NULL,
            form TEXT NOT NULL CHECK (form IN ('percent', 'decimal', 'fraction', 'odds', 'one_in', 'verbal')),
            reason TEXT,
            created_at INTEGER NOT NULL,
            is_final INTEGER NOT NULL DEFAULT 1 CHECK (is_final IN (0, 1)),
            -- What this forecast is scored against, copied from its claim so reports read one index:
            -- the claim's outcome, or for a scenario option whether it happened; NULL while open or annulled.
            outcome INTEGER CHECK (outcome IN (0, 1))
        ) STRICT;
        CREATE INDEX forecast_by_claim ON forecast(claim_id, forecaster_id, created_at);
        CREATE INDEX forecast_final ON forecast(forecaster_id, probability, outcome, option_id, claim_id) WHERE is_final = 1;

        CREATE TABLE caveat (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            forecast_id INTEGER NOT NULL REFERENCES forecast(id) ON DELETE CASCADE,
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            is_condition INTEGER NOT NULL DEFAULT 0 CHECK (is_condition IN (0, 1))
        ) STRICT;
        CREATE INDEX caveat_by_forecast ON caveat(forecast_id);

        CREATE TABLE tag (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(name) > 0)
        ) STRICT;

        CREATE TABLE claim_tag (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tag(id),
            UNIQUE (claim_id, tag_id)
        ) STRICT;
        CREATE INDEX claim_tag_by_tag ON claim_tag(tag_id, claim_id);

        CREATE TABLE resolution (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('yes', 'no', 'annulled', 'resolved')),
            option_id INTEGER REFERENCES scenario_option(id),
            resolved_at INTEGER NOT NULL,
            recorded_at INTEGER NOT NULL,
            note TEXT,
            resolved_by INTEGER REFERENCES forecaster(id),
            automatic INTEGER NOT NULL DEFAULT 0 CHECK (automatic IN (0, 1))
        ) STRICT;
        CREATE INDEX resolution_by_claim ON resolution(claim_id);

        CREATE TABLE condition (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id INTEGER NOT NULL UNIQUE REFERENCES claim(id) ON DELETE CASCADE,
            on_claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
            required_outcome INTEGER NOT NULL CHECK (required_outcome IN (0, 1)),
            CHECK (claim_id <> on_claim_id)
        ) STRICT;
        CREATE INDEX condition_on ON condition(on_claim_id);

        CREATE TABLE bet (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
            yes_forecaster_id INTEGER NOT NULL REFERENCES forecaster(id),
            no_forecaster_id INTEGER NOT NULL REFERENCES forecaster(id),
            yes_stake REAL NOT NULL CHECK (yes_stake > 0),
            no_stake REAL NOT NULL CHECK (no_stake > 0),
            terms TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            settled_at INTEGER,
            settlement TEXT CHECK (settlement IN ('yes', 'no', 'refunded')),
            CHECK (yes_forecaster_id <> no_forecaster_id),
            CHECK ((settled_at IS NULL) = (settlement IS NULL))
        ) STRICT;
        CREATE INDEX bet_by_claim ON bet(claim_id);

        CREATE TABLE undo_step (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            description TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            marks TEXT NOT NULL
        ) STRICT;

        CREATE TABLE undo_op (
            id INTEGER PRIMARY KEY,
            step_id INTEGER NOT NULL,
            sql TEXT NOT NULL
        ) STRICT;
        CREATE INDEX undo_op_by_step ON undo_op(step_id);
        CREATE TRIGGER undo_forecaster_update AFTER UPDATE ON forecaster BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'UPDATE forecaster SET name = ' || quote(OLD.name) || ', created_at = ' || quote(OLD.created_at) || ' WHERE id = ' || OLD.id;
        END;
        CREATE TRIGGER undo_forecaster_delete AFTER DELETE ON forecaster BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'INSERT INTO forecaster(id, name, created_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.name) || ', ' || quote(OLD.created_at) || ')';
        END;
        CREATE TRIGGER undo_claim_update AFTER UPDATE ON claim BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'UPDATE claim SET uuid = ' || quote(OLD.uuid) || ', text = ' || quote(OLD.text) || ', kind = ' || quote(OLD.kind) || ', notes = ' || quote(OLD.notes) || ', created_at = ' || quote(OLD.created_at) || ', resolve_by = ' || quote(OLD.resolve_by) || ', status = ' || quote(OLD.status) || ', outcome = ' || quote(OLD.outcome) || ', resolved_at = ' || quote(OLD.resolved_at) || ', resolved_option_id = ' || quote(OLD.resolved_option_id) || ' WHERE id = ' || OLD.id;
        END;
        CREATE TRIGGER undo_claim_delete AFTER DELETE ON claim BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'INSERT INTO claim(id, uuid, text, kind, notes, created_at, resolve_by, status, outcome, resolved_at, resolved_option_id) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.uuid) || ', ' || quote(OLD.text) || ', ' || quote(OLD.kind) || ', ' || quote(OLD.notes) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.resolve_by) || ', ' || quote(OLD.status) || ', ' || quote(OLD.outcome) || ', ' || quote(OLD.resolved_at) || ', ' || quote(OLD.resolved_option_id) || ')';
        END;
        CREATE TRIGGER undo_scenario_option_update AFTER UPDATE ON scenario_option BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'UPDATE scenario_option SET claim_id = ' || quote(OLD.claim_id) || ', label = ' || quote(OLD.label) || ', position = ' || quote(OLD.position) || ' WHERE id = ' || OLD.id;
        END;
        CREATE TRIGGER undo_scenario_option_delete AFTER DELETE ON scenario_option BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'INSERT INTO scenario_option(id, claim_id, label, position) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.claim_id) || ', ' || quote(OLD.label) || ', ' || quote(OLD.position) || ')';
        END;
        CREATE TRIGGER undo_forecast_update AFTER UPDATE ON forecast BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'UPDATE forecast SET claim_id = ' || quote(OLD.claim_id) || ', forecaster_id = ' || quote(OLD.forecaster_id) || ', option_id = ' || quote(OLD.option_id) || ', probability = ' || quote(OLD.probability) || ', typed = ' || quote(OLD.typed) || ', form = ' || quote(OLD.form) || ', reason = ' || quote(OLD.reason) || ', created_at = ' || quote(OLD.created_at) || ', is_final = ' || quote(OLD.is_final) || ', outcome = ' || quote(OLD.outcome) || ' WHERE id = ' || OLD.id;
        END;
        CREATE TRIGGER undo_forecast_delete AFTER DELETE ON forecast BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'INSERT INTO forecast(id, claim_id, forecaster_id, option_id, probability, typed, form, reason, created_at, is_final, outcome) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.claim_id) || ', ' || quote(OLD.forecaster_id) || ', ' || quote(OLD.option_id) || ', ' || quote(OLD.probability) || ', ' || quote(OLD.typed) || ', ' || quote(OLD.form) || ', ' || quote(OLD.reason) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.is_final) || ', ' || quote(OLD.outcome) || ')';
        END;
        CREATE TRIGGER undo_caveat_update AFTER UPDATE ON caveat BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'UPDATE caveat SET forecast_id = ' || quote(OLD.forecast_id) || ', text = ' || quote(OLD.text) || ', is_condition = ' || quote(OLD.is_condition) || ' WHERE id = ' || OLD.id;
        END;
        CREATE TRIGGER undo_caveat_delete AFTER DELETE ON caveat BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'INSERT INTO caveat(id, forecast_id, text, is_condition) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.forecast_id) || ', ' || quote(OLD.text) || ', ' || quote(OLD.is_condition) || ')';
        END;
        CREATE TRIGGER undo_tag_update AFTER UPDATE ON tag BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'UPDATE tag SET name = ' || quote(OLD.name) || ' WHERE id = ' || OLD.id;
        END;
        CREATE TRIGGER undo_tag_delete AFTER DELETE ON tag BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'INSERT INTO tag(id, name) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.name) || ')';
        END;
        CREATE TRIGGER undo_claim_tag_update AFTER UPDATE ON claim_tag BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'UPDATE claim_tag SET claim_id = ' || quote(OLD.claim_id) || ', tag_id = ' || quote(OLD.tag_id) || ' WHERE id = ' || OLD.id;
        END;
        CREATE TRIGGER undo_claim_tag_delete AFTER DELETE ON claim_tag BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'INSERT INTO claim_tag(id, claim_id, tag_id) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.claim_id) || ', ' || quote(OLD.tag_id) || ')';
        END;
        CREATE TRIGGER undo_resolution_update AFTER UPDATE ON resolution BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'UPDATE resolution SET claim_id = ' || quote(OLD.claim_id) || ', status = ' || quote(OLD.status) || ', option_id = ' || quote(OLD.option_id) || ', resolved_at = ' || quote(OLD.resolved_at) || ', recorded_at = ' || quote(OLD.recorded_at) || ', note = ' || quote(OLD.note) || ', resolved_by = ' || quote(OLD.resolved_by) || ', automatic = ' || quote(OLD.automatic) || ' WHERE id = ' || OLD.id;
        END;
        CREATE TRIGGER undo_resolution_delete AFTER DELETE ON resolution BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'INSERT INTO resolution(id, claim_id, status, option_id, resolved_at, recorded_at, note, resolved_by, automatic) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.claim_id) || ', ' || quote(OLD.status) || ', ' || quote(OLD.option_id) || ', ' || quote(OLD.resolved_at) || ', ' || quote(OLD.recorded_at) || ', ' || quote(OLD.note) || ', ' || quote(OLD.resolved_by) || ', ' || quote(OLD.automatic) || ')';
        END;
        CREATE TRIGGER undo_condition_update AFTER UPDATE ON condition BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'UPDATE condition SET claim_id = ' || quote(OLD.claim_id) || ', on_claim_id = ' || quote(OLD.on_claim_id) || ', required_outcome = ' || quote(OLD.required_outcome) || ' WHERE id = ' || OLD.id;
        END;
        CREATE TRIGGER undo_condition_delete AFTER DELETE ON condition BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'INSERT INTO condition(id, claim_id, on_claim_id, required_outcome) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.claim_id) || ', ' || quote(OLD.on_claim_id) || ', ' || quote(OLD.required_outcome) || ')';
        END;
        CREATE TRIGGER undo_bet_update AFTER UPDATE ON bet BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'UPDATE bet SET claim_id = ' || quote(OLD.claim_id) || ', yes_forecaster_id = ' || quote(OLD.yes_forecaster_id) || ', no_forecaster_id = ' || quote(OLD.no_forecaster_id) || ', yes_stake = ' || quote(OLD.yes_stake) || ', no_stake = ' || quote(OLD.no_stake) || ', terms = ' || quote(OLD.terms) || ', created_at = ' || quote(OLD.created_at) || ', settled_at = ' || quote(OLD.settled_at) || ', settlement = ' || quote(OLD.settlement) || ' WHERE id = ' || OLD.id;
        END;
        CREATE TRIGGER undo_bet_delete AFTER DELETE ON bet BEGIN
            INSERT INTO undo_op(step_id, sql) SELECT (SELECT max(id) FROM undo_step), 'INSERT INTO bet(id, claim_id, yes_forecaster_id, no_forecaster_id, yes_stake, no_stake, terms, created_at, settled_at, settlement) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.claim_id) || ', ' || quote(OLD.yes_forecaster_id) || ', ' || quote(OLD.no_forecaster_id) || ', ' || quote(OLD.yes_stake) || ', ' || quote(OLD.no_stake) || ', ' || quote(OLD.terms) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.settled_at) || ', ' || quote(OLD.settlement) || ')';
        END;
        """

    /// Who made each undo step (`undo` says whether it reverts another process's change), and
    /// when the whole journal last passed SQLite's quick check (`Journal.checkBeforeWriting`).
    static let v2 = """
        ALTER TABLE undo_step ADD COLUMN origin TEXT NOT NULL DEFAULT '';

        CREATE TABLE journal_check (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            checked_at INTEGER NOT NULL
        ) STRICT;
        """

    /// The forecast indexes as the current schema has them (v1's), which a bulk import drops
    /// and rebuilds; a migration that changes them updates this too (SchemaTests checks it).
    static let forecastIndexes = """
        CREATE INDEX forecast_by_claim ON forecast(claim_id, forecaster_id, created_at);
        CREATE INDEX forecast_final ON forecast(forecaster_id, probability, outcome, option_id, claim_id) WHERE is_final = 1;
        """

    /// Tables whose changes `undo` reverts, parents before children, with their columns as the
    /// current schema has them: `undo` deletes rows above each step's marks in these tables. v1's
    /// triggers were written from this list; a migration that adds a column to one of these
    /// tables updates it and replaces that table's two triggers (SchemaTests checks both).
    static let undoable: [(table: String, columns: [String])] = [
        ("forecaster", ["id", "name", "created_at"]),
        (
            "claim",
            [
                "id", "uuid", "text", "kind", "notes", "created_at", "resolve_by", "status", "outcome",
                "resolved_at", "resolved_option_id",
            ]
        ),
        ("scenario_option", ["id", "claim_id", "label", "position"]),
        (
            "forecast",
            [
                "id", "claim_id", "forecaster_id", "option_id", "probability", "typed", "form", "reason",
                "created_at", "is_final", "outcome",
            ]
        ),
        ("caveat", ["id", "forecast_id", "text", "is_condition"]),
        ("tag", ["id", "name"]),
        ("claim_tag", ["id", "claim_id", "tag_id"]),
        (
            "resolution",
            [
                "id", "claim_id", "status", "option_id", "resolved_at", "recorded_at", "note",
                "resolved_by", "automatic",
            ]
        ),
        ("condition", ["id", "claim_id", "on_claim_id", "required_outcome"]),
        (
            "bet",
            [
                "id", "claim_id", "yes_forecaster_id", "no_forecaster_id", "yes_stake", "no_stake", "terms",
                "created_at", "settled_at", "settlement",
            ]
        ),
    ]

    /// Migrations by the version they bring the journal to, applied in order in one transaction.
    static let migrations: [(version: Int, apply: @Sendable (Database) throws -> Void)] = [
        (1, { db in try db.execute(sql: v1) }),
        (2, { db in try db.execute(sql: v2) }),
    ]

    static func migrate(_ db: Database, from current: Int) throws {
        for migration in migrations where migration.version > current {
            try migration.apply(db)
        }
        try db.execute(sql: "PRAGMA user_version = \(version); PRAGMA application_id = \(applicationID)")
    }
}
