import CredenceCore
import Foundation

/// A member of a team journal, as `team list` shows them.
package struct TeamMember: Sendable, Equatable {
    package let name: String
    package let role: String
    package let isResolver: Bool
    package let isAdmin: Bool
    /// Owns the database: runs `team init`, adds and removes members.
    package let isOwner: Bool
    /// False once `team remove` revoked their login (their forecasts stay).
    package let canLogIn: Bool
}

/// What the connected role may do on a team journal, beyond what every member may.
package struct TeamStanding: Sendable, Equatable {
    /// The database's owner or a superuser: PostgreSQL lets them change anything, so the team's
    /// rules do not bind them (a team that wants a record nobody alone can change has an owner
    /// role nobody forecasts as).
    package let trusted: Bool
    /// Added with `--admin`: imports history and enters forecasts for names without a login.
    package let admin: Bool
    /// Whether this role may enter forecasts under another forecaster's name at all.
    package var writesForOthers: Bool { trusted || admin }
}

/// What `team init` did.
package enum TeamInitResult: Sendable, Equatable {
    case created(version: Int)
    case migrated(from: Int, to: Int)
    case alreadyCurrent(version: Int)
}

extension Journal {
    /// Opens a team journal. `initializing`: for `team init`, which may find no schema yet.
    static func openTeam(_ text: String, clock: Clock, initializing: Bool = false) throws -> Journal {
        let url = try PostgresURL(text)
        let db = try PostgresDatabase.connect(url)
        let journal = Journal(path: url.shown, postgres: db, clock: clock)
        journal.url = url
        do {
            let found = try journal.teamSchemaVersion()
            if found > PostgresSchema.version {
                throw JournalError.newerSchema(path: url.shown, found: found, supported: PostgresSchema.version)
            }
            if !initializing && found < PostgresSchema.version {
                throw JournalError.teamJournalNotSetUp(
                    url: url.shown,
                    reason: found == 0
                        ? "the database has no Credence schema yet: its owner runs `credence team init --journal \(url.shown)` once"
                        : "its schema is version \(found) and this credence needs \(PostgresSchema.version): its owner runs `credence team init` to migrate it"
                )
            }
            if !initializing {
                journal.member = try journal.connectedMember()
                try journal.takeStanding()
            }
        } catch {
            db.close()
            throw error
        }
        return journal
    }

    package static func openTeam(url: String, clock: Clock) throws -> Journal {
        try openTeam(url, clock: clock, initializing: true)
    }

    private var postgres: PostgresDatabase {
        get throws {
            guard case .postgres(let db) = connection else {
                throw JournalError.notATeamJournal
            }
            return db
        }
    }

    /// 0 when the database has no Credence schema.
    func teamSchemaVersion() throws -> Int {
        let db = try postgres
        let exists: Int64? = try db.value(
            "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = 'credence' AND tablename = 'meta'")
        guard exists != nil else { return 0 }
        let version: String? = try db.value("SELECT value FROM credence.meta WHERE key = 'schema_version'")
        return version.flatMap(Int.init) ?? 0
    }

    /// The forecaster the connected role forecasts as: the one `team add` made for it, else the
    /// role's own name (the owner, whose forecaster is made by their first write, as on a file).
    func connectedMember() throws -> String? {
        try postgres.value(
            "SELECT coalesce((SELECT name FROM credence.forecaster WHERE role_name = current_user), current_user::text)"
        )
    }

    /// A claim's blindness, what of it the reader may not see, and what an admin imported.
    static func teamFacts(_ db: any SQLDatabase, claim id: ClaimID) throws -> TeamClaimFacts {
        var facts = TeamClaimFacts()
        facts.blind = try db.value(Bool.self, "SELECT blind = 1 FROM claim WHERE id = ?", [id]) ?? false
        facts.hiddenForecasts = Int(try db.value(Int64.self, "SELECT credence.hidden_forecasts(?)", [id]) ?? 0)
        facts.importedForecasts = Set(
            try db.values(Int64.self, "SELECT id FROM forecast WHERE claim_id = ? AND imported = 1", [id]))
        return facts
    }

    /// Whether a claim is blind; a file has no blind claims.
    package func isBlind(_ id: ClaimID) throws -> Bool {
        guard engine == .postgres else { return false }
        return try read { db in try db.value(Bool.self, "SELECT blind = 1 FROM claim WHERE id = ?", [id]) ?? false }
    }

    /// `team config blind on|off`: whether every new claim is blind.
    package func setBlindByDefault(_ on: Bool) throws {
        let db = try postgres
        try db.writing { _ in
            try db.execute(
                "INSERT INTO credence.meta(key, value) VALUES ('blind', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [on ? "on" : "off"])
            return ((), true)
        }
    }

    package func blindByDefault() throws -> Bool {
        try postgres.value(String.self, "SELECT value FROM credence.meta WHERE key = 'blind'") == "on"
    }

    /// What the server's rules let this role do, and, where they bind it, the server's clock.
    private func takeStanding() throws {
        let db = try postgres
        guard
            let row = try db.row(
                "SELECT credence.caller_trusted() AS trusted, credence.is_admin() AS admin, credence.server_ms() AS now"
            )
        else { return }
        let standing = TeamStanding(trusted: row["trusted"], admin: row["admin"])
        self.standing = standing
        if !standing.trusted {
            // What the rules let this member read (PostgresTrust's credence_seen), before the tables.
            try db.script("SET search_path TO credence_seen, credence, pg_catalog")
            let offset = Date(millis: row["now"]).timeIntervalSince(Date())
            clock = Clock(now: { Date().addingTimeInterval(offset) }, calendar: clock.calendar)
        }
    }

    /// Creates or migrates the schema, as the database's owner: safe to run again, and a schema
    /// newer than this credence is refused untouched. `through` stops at an older version (the
    /// migration tests make the journals an older credence made).
    package func teamInit(through last: Int? = nil) throws -> TeamInitResult {
        let db = try postgres
        let target = min(last ?? PostgresSchema.version, PostgresSchema.version)
        let database = url?.database ?? ""
        return try db.writing { _ in
            // One initialiser at a time; a second waits, then finds the work done.
            try db.execute("SELECT pg_advisory_xact_lock(4352454401)")
            let found = try teamSchemaVersion()
            if found > PostgresSchema.version {
                throw JournalError.newerSchema(path: path, found: found, supported: PostgresSchema.version)
            }
            if found >= target { return (.alreadyCurrent(version: found), false) }
            for migration in PostgresSchema.migrations where migration.version > found && migration.version <= target {
                try db.script(migration.sql)
            }
            try db.execute(
                """
                INSERT INTO credence.meta(key, value) VALUES ('schema_version', ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, [String(target)])
            // Named once, at the first init, and kept: a database renamed or copied keeps its members.
            let role =
                try db.value(String.self, "SELECT value FROM credence.meta WHERE key = 'member_role'")
                ?? PostgresSchema.memberRole(database)
            try db.execute(
                "INSERT INTO credence.meta(key, value) VALUES ('member_role', ?) ON CONFLICT (key) DO NOTHING", [role])
            try db.script(
                """
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(Self.literal(role))) THEN
                        CREATE ROLE \(Self.identifier(role)) NOLOGIN;
                    END IF;
                END $$;
                """)
            try db.script(PostgresSchema.grants(Self.identifier(role)))
            let result: TeamInitResult =
                found == 0 ? .created(version: target) : .migrated(from: found, to: target)
            return (result, true)
        }
    }

    /// Creates NAME's login role (with `password`) and forecaster, or gives an existing
    /// forecaster (imported history) its login.
    package func teamAdd(name: String, password: String, resolver: Bool, admin: Bool) throws -> TeamMember {
        let db = try postgres
        guard let clean = ForecasterName.clean(name) else { throw JournalError.invisibleForecasterName }
        let role = clean.lowercased()
        guard role.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
            throw JournalError.badLoginName(
                clean, suggestion: String(role.filter { $0.isLetter || $0.isNumber || $0 == "_" }.prefix(20)))
        }
        return try db.writing { _ in
            let member = try memberRole(db)
            let exists: Int64? = try db.value("SELECT 1 FROM pg_roles WHERE rolname = ?", [role])
            do {
                if exists == nil {
                    try db.script("CREATE ROLE \(Self.identifier(role)) LOGIN PASSWORD \(Self.literal(password))")
                } else {
                    try db.script("ALTER ROLE \(Self.identifier(role)) LOGIN PASSWORD \(Self.literal(password))")
                }
                try db.script("GRANT \(Self.identifier(member)) TO \(Self.identifier(role))")
            } catch JournalError.notPermitted {
                throw JournalError.notPermitted(
                    "creating a login needs the CREATEROLE privilege: connect as the database's owner with CREATEROLE (or a superuser) to run `team add`"
                )
            }
            let taken: String? = try db.value(
                "SELECT name FROM credence.forecaster WHERE role_name = ? AND credence.nocase(name) <> credence.nocase(?)",
                [role, clean])
            if let taken { throw JournalError.loginTaken(role: role, by: taken) }
            try db.execute(
                """
                INSERT INTO credence.forecaster(name, created_at, role_name, is_resolver, is_admin)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (credence.nocase(name)) DO UPDATE SET role_name = excluded.role_name,
                    is_resolver = excluded.is_resolver, is_admin = excluded.is_admin
                """, [clean, clock.now().millis, role, resolver, admin])
            return (try teamMembers().first { $0.role == role }!, true)
        }
    }

    package func teamMembers() throws -> [TeamMember] {
        let db = try postgres
        return try db.reading { _ in
            try db.rows(
                """
                SELECT f.name, f.role_name, f.is_resolver, f.is_admin, coalesce(r.rolcanlogin, false) AS can_login,
                       f.role_name = (SELECT pg_get_userbyid(datdba)::text FROM pg_database
                                      WHERE datname = current_database()) AS is_owner
                FROM credence.forecaster f LEFT JOIN pg_roles r ON r.rolname = f.role_name
                WHERE f.role_name IS NOT NULL ORDER BY credence.nocase(f.name)
                """
            ).map {
                TeamMember(
                    name: $0["name"], role: $0["role_name"], isResolver: $0["is_resolver"], isAdmin: $0["is_admin"],
                    isOwner: $0["is_owner"], canLogIn: $0["can_login"])
            }
        }
    }

    /// Revokes NAME's login; their forecasts, claims and resolutions stay in the record.
    package func teamRemove(name: String) throws -> TeamMember {
        let db = try postgres
        return try db.writing { _ in
            let member = try memberRole(db)
            guard
                let role: String = try db.value(
                    "SELECT role_name FROM credence.forecaster WHERE credence.nocase(name) = credence.nocase(?) AND role_name IS NOT NULL",
                    [name])
            else {
                throw JournalError.notAMember(name)
            }
            let me: String? = try db.value("SELECT current_user::text")
            if role == me { throw JournalError.cannotRemoveYourself }
            try db.script("ALTER ROLE \(Self.identifier(role)) NOLOGIN")
            try db.script("REVOKE \(Self.identifier(member)) FROM \(Self.identifier(role))")
            return (try teamMembers().first { $0.role == role }!, true)
        }
    }

    /// The role every member is granted, as `team init` named it.
    private func memberRole(_ db: PostgresDatabase) throws -> String {
        guard let role = try db.value(String.self, "SELECT value FROM credence.meta WHERE key = 'member_role'") else {
            throw JournalError.teamJournalNotSetUp(
                url: path, reason: "it has no member role: its owner runs `credence team init` again")
        }
        return role
    }

    static func identifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
