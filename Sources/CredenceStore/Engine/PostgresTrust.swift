/// A team journal's trust rules (schema version 2), enforced by PostgreSQL itself so that a
/// modified client, or a member at `psql`, is refused just as `credence` refuses them.
///
/// Who is who: a member is the login role they connect as (`session_user`, which `SET ROLE` cannot
/// change to another member). The database's owner and superusers can change anything whatever
/// the rules say (PostgreSQL gives them that), so the rules bind everyone else; the functions
/// below run as the owner (`SECURITY DEFINER`), which is how a rule reads rows a member may not.
///
/// - A member writes only as themselves; forecasts, caveats and resolutions are never changed
///   or deleted, by anyone (the derived `is_final`/`outcome` and a bet's settlement are
///   recomputed by the server from the record, whatever a client sends).
/// - Times a row records are the server's `now()`; only an admin's import keeps the file's.
/// - Only a claim's author or a resolver resolves it; an annulment is automatic only when the
///   condition it cites has failed.
/// - While a blind claim is open, a member sees others' forecasts on it only once they forecast.
/// - A bet with a member is pending until that member accepts it; only accepted bets settle.
/// - `undo` reverts the caller's own last change, and refuses when someone changed the same
///   record since, or when it would take back a blind forecast made after seeing others'.
enum PostgresTrust {
    static let v2 = #"""
        SET LOCAL search_path TO credence, pg_catalog;

        ALTER TABLE claim ADD COLUMN author_id bigint REFERENCES forecaster(id) DEFERRABLE,
            ADD COLUMN blind integer NOT NULL DEFAULT 0 CHECK (blind IN (0, 1)),
            ADD COLUMN imported integer NOT NULL DEFAULT 0 CHECK (imported IN (0, 1));
        ALTER TABLE forecast ADD COLUMN imported integer NOT NULL DEFAULT 0 CHECK (imported IN (0, 1));
        ALTER TABLE resolution ADD COLUMN imported integer NOT NULL DEFAULT 0 CHECK (imported IN (0, 1));
        -- Bets made before these rules were agreed by whoever entered them.
        ALTER TABLE bet ADD COLUMN proposed_by bigint REFERENCES forecaster(id) DEFERRABLE,
            ADD COLUMN state text COLLATE "C" NOT NULL DEFAULT 'accepted'
                CHECK (state IN ('pending', 'accepted', 'declined')),
            ADD COLUMN decided_at bigint,
            ADD CHECK (state = 'accepted' OR settlement IS NULL);
        -- Which row an operation reverses, and whose session recorded it (a member may name any step in
        -- credence.step; undo replays only the operations the step's own member recorded).
        ALTER TABLE undo_op ADD COLUMN table_name text COLLATE "C", ADD COLUMN row_id bigint,
            ADD COLUMN role_name text COLLATE "C";
        CREATE INDEX undo_op_by_row ON undo_op(table_name, row_id);
        CREATE INDEX undo_step_by_role ON undo_step(role_name, id);
        -- Every read of forecasts asks which blind claims the reader may not see: few, found at once.
        CREATE INDEX claim_blind ON claim(id) WHERE blind = 1;

        -- The owner of the team's tables (who runs this migration) or a superuser, acting now
        -- (inside the functions below, and in the cascades PostgreSQL runs as the owner, that is the
        -- owner); and the same for whoever logged in. The owner's name is written into the
        -- functions, so that every trigger's first test costs no lookup: a bulk import by the owner
        -- pays nothing for rules that do not bind them.
        DO $$ BEGIN
            EXECUTE format('CREATE FUNCTION credence.trusted() RETURNS boolean LANGUAGE sql STABLE AS %L',
                format('SELECT current_user = %L OR pg_catalog.current_setting(''is_superuser'') = ''on''', current_user));
            EXECUTE format('CREATE FUNCTION credence.caller_trusted() RETURNS boolean LANGUAGE sql STABLE AS %L',
                format('SELECT session_user = %L OR pg_catalog.current_setting(''is_superuser'') = ''on''', current_user));
        END $$;
        -- The forecaster of whoever logged in.
        CREATE FUNCTION caller_id() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            SELECT id FROM forecaster WHERE role_name = session_user
        $$;
        CREATE FUNCTION is_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            SELECT caller_trusted() OR coalesce((SELECT is_admin = 1 FROM forecaster WHERE role_name = session_user), false)
        $$;
        -- An admin's import (the client says so; only an admin's saying counts).
        CREATE FUNCTION importing() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            SELECT coalesce(current_setting('credence.importing', true), '') = 'on' AND is_admin()
        $$;
        CREATE FUNCTION server_ms() RETURNS bigint LANGUAGE sql STABLE
            SET search_path = credence, pg_catalog, pg_temp AS $$ SELECT (extract(epoch FROM now()) * 1000)::bigint $$;
        -- The time a member's write records: the transaction's, which must have begun moments ago
        -- (a transaction held open would otherwise stamp a forecast made after the outcome was
        -- known with a time before it).
        CREATE FUNCTION write_ms() RETURNS bigint LANGUAGE plpgsql STABLE SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF clock_timestamp() - now() > interval '60 seconds' THEN
                RAISE EXCEPTION USING ERRCODE = 'CR001',
                    MESSAGE = 'this transaction began more than a minute ago, so its time is not now: begin it again';
            END IF;
            RETURN (extract(epoch FROM now()) * 1000)::bigint;
        END $$;
        CREATE FUNCTION refuse(message text) RETURNS void LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN RAISE EXCEPTION USING ERRCODE = 'CR001', MESSAGE = message; END $$;
        CREATE FUNCTION forecaster_name(id bigint) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$ SELECT coalesce((SELECT name FROM forecaster WHERE forecaster.id = $1), 'someone') $$;

        CREATE FUNCTION may_resolve(claim bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            SELECT (SELECT author_id FROM claim WHERE id = $1) = caller_id()
                OR coalesce((SELECT is_resolver = 1 FROM forecaster WHERE id = caller_id()), false)
        $$;
        -- A claim whose condition has failed, which anyone's resolution of that condition annuls.
        CREATE FUNCTION condition_failed(claim bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM condition k JOIN claim o ON o.id = k.on_claim_id
                           WHERE k.claim_id = $1 AND o.status <> 'open' AND o.outcome IS DISTINCT FROM k.required_outcome)
        $$;
        CREATE FUNCTION may_edit(claim bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            SELECT (SELECT author_id FROM claim WHERE id = $1) = caller_id()
                OR (importing() AND (SELECT imported = 1 FROM claim WHERE id = $1))
        $$;
        -- Whether members other than the caller have forecast or bet on a claim.
        CREATE FUNCTION others_committed(claim bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM forecast WHERE claim_id = $1 AND forecaster_id IS DISTINCT FROM caller_id())
                OR EXISTS (SELECT 1 FROM bet WHERE claim_id = $1)
        $$;
        CREATE FUNCTION claim_author(claim bigint) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            SELECT coalesce((SELECT f.name FROM claim c JOIN forecaster f ON f.id = c.author_id WHERE c.id = $1), 'its author')
        $$;

        -- Open blind claims the caller has not forecast: their forecasts are not the caller's to see.
        -- One array per query (the policies call it in a sub-select), not a lookup per row.
        CREATE FUNCTION hidden_claims() RETURNS bigint[] LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            -- Only what was committed before this transaction reveals a claim: a forecast or a
            -- resolution made in it and rolled back must show nothing.
            SELECT coalesce(array_agg(c.id), '{}') FROM claim c WHERE c.blind = 1
                AND NOT (c.status <> 'open' AND EXISTS (
                    SELECT 1 FROM resolution r WHERE r.claim_id = c.id AND r.recorded_at < server_ms()))
                AND NOT EXISTS (SELECT 1 FROM forecast f WHERE f.claim_id = c.id AND f.forecaster_id = caller_id()
                                AND f.created_at < server_ms())
        $$;
        -- How many forecasts on a claim the caller cannot see yet.
        CREATE FUNCTION hidden_forecasts(claim bigint) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            SELECT CASE WHEN $1 = ANY (hidden_claims()) THEN (SELECT count(*) FROM forecast WHERE claim_id = $1) ELSE 0 END
        $$;

        -- The flag and outcome a forecast has by the record's own rule (JournalWriter.refreshFinal
        -- and refreshOutcomes write the same values; a client sending others changes nothing).
        CREATE FUNCTION derived_final(f forecast) RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            SELECT CASE WHEN (c.resolved_at IS NULL OR f.created_at <= c.resolved_at) AND NOT EXISTS (
                SELECT 1 FROM forecast b WHERE b.claim_id = f.claim_id AND b.forecaster_id = f.forecaster_id
                    AND b.option_id IS NOT DISTINCT FROM f.option_id
                    AND (c.resolved_at IS NULL OR b.created_at <= c.resolved_at)
                    AND (b.created_at > f.created_at OR (b.created_at = f.created_at AND b.id > f.id)))
                THEN 1 ELSE 0 END
            FROM claim c WHERE c.id = f.claim_id
        $$;
        CREATE FUNCTION derived_outcome(f forecast) RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            SELECT CASE WHEN f.option_id IS NULL THEN c.outcome
                        WHEN c.status = 'resolved' THEN CASE WHEN f.option_id = c.resolved_option_id THEN 1 ELSE 0 END END
            FROM claim c WHERE c.id = f.claim_id
        $$;

        -- The derived columns as the server computes them, for a row the caller may see (a row of
        -- a claim hidden from them stays as it is; the server's own resolution writes those).
        CREATE FUNCTION recompute(f forecast) RETURNS forecast LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF f.forecaster_id IS DISTINCT FROM caller_id() AND f.claim_id = ANY (hidden_claims()) THEN RETURN f; END IF;
            f.is_final := coalesce(derived_final(f), 1);
            f.outcome := derived_outcome(f);
            RETURN f;
        END $$;
        REVOKE EXECUTE ON FUNCTION derived_final(forecast), derived_outcome(forecast) FROM PUBLIC;

        CREATE FUNCTION guard_forecaster() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF trusted() THEN RETURN NEW; END IF;
            IF NOT is_admin() THEN
                PERFORM refuse(format('only an admin adds a forecaster; you forecast as yourself (%s), and the team''s owner adds members with `credence team add`', forecaster_name(caller_id())));
            END IF;
            IF NEW.name <> btrim(NEW.name) THEN
                PERFORM refuse(format('"%s" begins or ends with a space: give the name without', NEW.name));
            END IF;
            IF left(regexp_replace(NEW.name, '[\s\u200B-\u200F\u2060-\u2064\uFEFF\u00AD]', '', 'g'), 1) = '@' THEN
                PERFORM refuse(format('%s is not a forecaster''s name: names starting with @ are Credence''s (@team)', NEW.name));
            END IF;
            IF NOT importing() THEN NEW.created_at := write_ms(); END IF;
            NEW.role_name := NULL; NEW.is_resolver := 0; NEW.is_admin := 0;
            RETURN NEW;
        END $$;
        CREATE TRIGGER guard BEFORE INSERT ON forecaster FOR EACH ROW EXECUTE FUNCTION guard_forecaster();

        CREATE FUNCTION guard_claim() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF TG_OP = 'INSERT' AND (coalesce(current_setting('credence.blind', true), '') = 'on'
                OR coalesce((SELECT value FROM meta WHERE key = 'blind'), 'off') = 'on') THEN NEW.blind := 1; END IF;
            IF trusted() THEN RETURN NEW; END IF;
            IF TG_OP = 'INSERT' THEN
                IF caller_id() IS NULL THEN PERFORM refuse('you are not a member of this team: its owner adds you with `credence team add`'); END IF;
                IF NOT importing() THEN PERFORM own_id('credence.claim_id_seq', NEW.id); END IF;
                IF importing() THEN
                    IF NEW.created_at > server_ms() + 60000 OR NEW.resolved_at > server_ms() + 60000 THEN
                        PERFORM refuse('an imported claim cannot be created or resolved later than now');
                    END IF;
                    -- The file's id is taken: the counter moves past it, so no member's next claim needs it.
                    PERFORM claim_id_taken(NEW.id);
                END IF;
                NEW.author_id := caller_id();
                NEW.imported := importing()::integer;
                IF NOT importing() THEN NEW.created_at := write_ms(); END IF;
                IF NOT importing() THEN
                    NEW.status := 'open'; NEW.outcome := NULL; NEW.resolved_at := NULL; NEW.resolved_option_id := NULL;
                END IF;
                IF NEW.resolve_by IS NOT NULL AND NEW.resolve_by < NEW.created_at THEN NEW.resolve_by := NEW.created_at; END IF;
                RETURN NEW;
            END IF;
            IF NEW.uuid IS DISTINCT FROM OLD.uuid OR NEW.created_at IS DISTINCT FROM OLD.created_at
                OR NEW.author_id IS DISTINCT FROM OLD.author_id OR NEW.imported IS DISTINCT FROM OLD.imported
                OR NEW.blind IS DISTINCT FROM OLD.blind THEN
                PERFORM refuse(format('claim %s keeps its id, author, creation time and blindness as recorded', OLD.id));
            END IF;
            IF (NEW.text, NEW.notes, NEW.kind, NEW.resolve_by) IS DISTINCT FROM (OLD.text, OLD.notes, OLD.kind, OLD.resolve_by)
                AND NOT may_edit(OLD.id) THEN
                PERFORM refuse(format('only %s, who wrote claim %s, may change it', claim_author(OLD.id), OLD.id));
            END IF;
            -- What others forecast or bet on keeps its words: a changed claim would be another claim.
            IF (NEW.text, NEW.kind) IS DISTINCT FROM (OLD.text, OLD.kind) AND others_committed(OLD.id) THEN
                PERFORM refuse(format('claim %s has others'' forecasts or bets on it: its text stays as they saw it (add a note, or a new claim)', OLD.id));
            END IF;
            IF NEW.resolved_at > server_ms() AND NEW.resolved_at <= server_ms() + 60000 THEN NEW.resolved_at := server_ms(); END IF;
            IF OLD.status <> 'open' AND NEW.status <> 'open' AND NEW.resolved_at > OLD.resolved_at THEN NEW.resolved_at := OLD.resolved_at; END IF;
            IF (NEW.status, NEW.outcome, NEW.resolved_at, NEW.resolved_option_id)
                IS DISTINCT FROM (OLD.status, OLD.outcome, OLD.resolved_at, OLD.resolved_option_id) THEN
                IF NOT may_resolve(OLD.id) AND NOT (NEW.status = 'annulled' AND condition_failed(OLD.id)) THEN
                    PERFORM refuse(format('only %s, who wrote claim %s, or a resolver may resolve it', claim_author(OLD.id), OLD.id));
                END IF;
                -- A claim's outcome changes only with a resolution recorded in this transaction,
                -- which keeps the history and the times.
                IF NOT (importing() AND OLD.imported = 1) AND NOT EXISTS (SELECT 1 FROM resolution r WHERE r.claim_id = OLD.id AND r.recorded_at = server_ms()
                               AND r.status = NEW.status AND r.resolved_at = NEW.resolved_at
                               AND r.option_id IS NOT DISTINCT FROM NEW.resolved_option_id) THEN
                    PERFORM refuse(format('claim %s is resolved by `credence resolve` (a resolution row), not by changing the claim', OLD.id));
                END IF;
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON claim FOR EACH ROW EXECUTE FUNCTION guard_claim();
        CREATE FUNCTION guard_claim_delete() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF NOT trusted() AND NOT may_edit(OLD.id) THEN
                PERFORM refuse(format('only %s, who wrote claim %s, may change it', claim_author(OLD.id), OLD.id));
            END IF;
            RETURN OLD;
        END $$;
        CREATE TRIGGER guard_delete BEFORE DELETE ON claim FOR EACH ROW EXECUTE FUNCTION guard_claim_delete();

        -- Rows that belong to a claim (options, tags, conditions) are its author's to change.
        CREATE FUNCTION guard_claim_part() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE row_claim bigint;
        BEGIN
            -- A delete may come by cascade (run as the owner) from another claim: judged by who asked.
            IF (TG_OP = 'DELETE' AND caller_trusted()) OR (TG_OP <> 'DELETE' AND trusted()) THEN RETURN coalesce(NEW, OLD); END IF;
            row_claim := CASE WHEN TG_OP = 'DELETE' THEN OLD.claim_id ELSE NEW.claim_id END;
            IF TG_OP = 'INSERT' AND NOT importing() THEN PERFORM own_id('credence.' || TG_TABLE_NAME || '_id_seq', NEW.id); END IF;
            IF NOT may_edit(row_claim) THEN
                PERFORM refuse(format('only %s, who wrote claim %s, may change it', claim_author(row_claim), row_claim));
            END IF;
            IF TG_TABLE_NAME IN ('scenario_option', 'condition') AND others_committed(row_claim) THEN
                PERFORM refuse(format('claim %s has others'' forecasts or bets on it: its options and conditions stay as they saw them', row_claim));
            END IF;
            RETURN coalesce(NEW, OLD);
        END $$;
        CREATE TRIGGER guard BEFORE INSERT OR UPDATE OR DELETE ON scenario_option FOR EACH ROW EXECUTE FUNCTION guard_claim_part();
        CREATE TRIGGER guard BEFORE INSERT OR UPDATE OR DELETE ON claim_tag FOR EACH ROW EXECUTE FUNCTION guard_claim_part();
        CREATE TRIGGER guard BEFORE INSERT OR UPDATE OR DELETE ON condition FOR EACH ROW EXECUTE FUNCTION guard_claim_part();

        -- Whose forecasts a caller may enter: their own; an admin also those of a forecaster with
        -- no login (history kept in the record), and anyone's in an import.
        CREATE FUNCTION may_write_as(forecaster bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
            SELECT $1 = caller_id() OR importing()
                OR (is_admin() AND (SELECT role_name IS NULL FROM forecaster WHERE id = $1))
        $$;

        -- Ids are the server's to give: a member naming one could take the id the next member's
        -- row needs, or one an undo freed. The identity default has just drawn it in this session.
        CREATE FUNCTION own_id(seq text, id bigint) RETURNS void LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            BEGIN
                IF id IS DISTINCT FROM currval(seq) THEN PERFORM refuse('ids are given by the server: leave id out'); END IF;
            EXCEPTION WHEN object_not_in_prerequisite_state THEN
                PERFORM refuse('ids are given by the server: leave id out');
            END;
        END $$;

        CREATE FUNCTION guard_forecast() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF trusted() THEN RETURN NEW; END IF;
            -- An admin's import is history, entered as the file has it, and marked so; it is only
            -- for names without a login (a member's own forecasts are theirs to make).
            IF importing() AND (TG_OP = 'INSERT' OR OLD.imported = 1) THEN
                IF TG_OP = 'INSERT' THEN
                    IF (SELECT role_name FROM forecaster WHERE id = NEW.forecaster_id) IS NOT NULL THEN
                        PERFORM refuse(format('an import brings in the history of names without a login; %s is a member and forecasts from their own', forecaster_name(NEW.forecaster_id)));
                    END IF;
                    NEW.imported := 1;
                END IF;
                RETURN NEW;
            END IF;
            IF TG_OP = 'INSERT' THEN
                PERFORM own_id('credence.forecast_id_seq', NEW.id);
                IF (NEW.option_id IS NULL) <> ((SELECT kind FROM claim WHERE id = NEW.claim_id) = 'binary')
                    OR (NEW.option_id IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM scenario_option o WHERE o.id = NEW.option_id AND o.claim_id = NEW.claim_id)) THEN
                    PERFORM refuse(format('a forecast on claim %s names an option of that claim exactly when it is a scenario set', NEW.claim_id));
                END IF;
                IF NOT may_write_as(NEW.forecaster_id) THEN
                    PERFORM refuse(format('you forecast only as yourself (%s), not as %s', forecaster_name(caller_id()), forecaster_name(NEW.forecaster_id)));
                END IF;
                -- Entered by someone other than its forecaster (an admin, for a name without a login).
                NEW.imported := (NEW.forecaster_id IS DISTINCT FROM caller_id())::integer;
                NEW.created_at := write_ms();
            ELSIF (NEW.claim_id, NEW.forecaster_id, NEW.option_id, NEW.probability, NEW.typed, NEW.form, NEW.reason, NEW.created_at, NEW.imported)
                IS DISTINCT FROM (OLD.claim_id, OLD.forecaster_id, OLD.option_id, OLD.probability, OLD.typed, OLD.form, OLD.reason, OLD.created_at, OLD.imported) THEN
                PERFORM refuse(format('forecast %s is never changed: forecasts are kept as made; forecast again to change your number', OLD.id));
            END IF;
            NEW := recompute(NEW);
            -- An update that changes nothing once recomputed is no update (UPDATE 0, no undo record).
            IF TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN RETURN NULL; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON forecast FOR EACH ROW EXECUTE FUNCTION guard_forecast();

        -- A new forecast supersedes the forecaster's earlier ones: the server marks them, so a
        -- forecast typed at psql leaves one that counts, as `credence` does.
        CREATE FUNCTION supersede() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF caller_trusted() OR importing() THEN RETURN NULL; END IF;
            UPDATE forecast f SET is_final = 0
            WHERE f.claim_id = NEW.claim_id AND f.forecaster_id = NEW.forecaster_id AND f.option_id IS NOT DISTINCT FROM NEW.option_id
                AND f.id <> NEW.id AND f.is_final = 1 AND NEW.is_final = 1;
            RETURN NULL;
        END $$;
        CREATE TRIGGER supersede AFTER INSERT ON forecast FOR EACH ROW EXECUTE FUNCTION supersede();

        -- Deletion, which only cascades and undo can reach: never of another member's forecast.
        CREATE FUNCTION guard_forecast_delete() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF caller_trusted() OR OLD.forecaster_id IS NOT DISTINCT FROM caller_id() THEN RETURN OLD; END IF;
            PERFORM refuse(format('this would remove %s''s forecast on claim %s, which is theirs: it stays', forecaster_name(OLD.forecaster_id), OLD.claim_id));
            RETURN NULL;
        END $$;
        CREATE TRIGGER guard_delete BEFORE DELETE ON forecast FOR EACH ROW EXECUTE FUNCTION guard_forecast_delete();

        -- A bet is both sides': only its proposer removes it, and only while no answer was given.
        CREATE FUNCTION guard_bet_delete() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF caller_trusted() OR (OLD.state = 'pending' AND OLD.proposed_by IS NOT DISTINCT FROM caller_id()) THEN RETURN OLD; END IF;
            PERFORM refuse(format('this would remove bet %s between %s and %s, which stands for both: it stays', OLD.id,
                forecaster_name(OLD.yes_forecaster_id), forecaster_name(OLD.no_forecaster_id)));
            RETURN NULL;
        END $$;
        CREATE TRIGGER guard_delete BEFORE DELETE ON bet FOR EACH ROW EXECUTE FUNCTION guard_bet_delete();

        CREATE FUNCTION guard_caveat() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF trusted() OR (importing() AND (SELECT imported = 1 FROM forecast WHERE id = NEW.forecast_id)) THEN RETURN NEW; END IF;
            PERFORM own_id('credence.caveat_id_seq', NEW.id);
            IF NOT may_write_as((SELECT forecaster_id FROM forecast WHERE id = NEW.forecast_id))
                OR (SELECT created_at FROM forecast WHERE id = NEW.forecast_id) IS DISTINCT FROM server_ms() THEN
                PERFORM refuse('a caveat belongs to its forecast: only that forecast''s author adds it, when forecasting');
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER guard BEFORE INSERT ON caveat FOR EACH ROW EXECUTE FUNCTION guard_caveat();

        CREATE FUNCTION guard_resolution() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE c claim;
        BEGIN
            IF trusted() THEN RETURN NEW; END IF;
            SELECT * INTO c FROM claim WHERE id = NEW.claim_id;
            IF NOT may_resolve(NEW.claim_id) AND NOT (NEW.automatic = 1 AND NEW.status = 'annulled' AND condition_failed(NEW.claim_id))
                AND NOT (importing() AND c.imported = 1) THEN
                PERFORM refuse(format('only %s, who wrote claim %s, or a resolver may resolve it', claim_author(NEW.claim_id), NEW.claim_id));
            END IF;
            NEW.imported := importing()::integer;
            IF importing() THEN
                -- History is in the past, and names who resolved only among names without a login.
                IF NEW.resolved_at > server_ms() + 60000 OR NEW.recorded_at > server_ms() + 60000 THEN
                    PERFORM refuse('an imported resolution cannot be later than now');
                END IF;
                IF NEW.resolved_by IS DISTINCT FROM caller_id()
                    AND (SELECT role_name FROM forecaster WHERE id = NEW.resolved_by) IS NOT NULL THEN
                    NEW.resolved_by := caller_id();
                END IF;
                RETURN NEW;
            END IF;
            PERFORM own_id('credence.resolution_id_seq', NEW.id);
            IF EXISTS (SELECT 1 FROM resolution r WHERE r.claim_id = NEW.claim_id AND r.recorded_at = server_ms()) THEN
                PERFORM refuse(format('claim %s was resolved once in this transaction already', NEW.claim_id));
            END IF;
            NEW.resolved_by := caller_id();
            NEW.recorded_at := write_ms();
            -- A member's clock a moment ahead of the server's is the server's now; more is refused.
            IF NEW.resolved_at > NEW.recorded_at + 60000 THEN
                PERFORM refuse('a resolution records what has happened: its time cannot be later than now');
            END IF;
            NEW.resolved_at := least(NEW.resolved_at, NEW.recorded_at);
            -- Resolving again keeps the first resolution's time unless given an earlier one: a
            -- forecast made after the outcome was known never comes to count.
            IF c.status <> 'open' AND NEW.resolved_at > c.resolved_at THEN NEW.resolved_at := c.resolved_at; END IF;
            IF NEW.resolved_at < c.created_at THEN
                PERFORM refuse(format('claim %s cannot resolve before it was created', NEW.claim_id));
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER guard BEFORE INSERT ON resolution FOR EACH ROW EXECUTE FUNCTION guard_resolution();

        -- At commit: a member's resolution is the claim's, never a row left beside an open claim
        -- (which would tell a blind claim's readers it was resolved).
        CREATE FUNCTION resolution_applied() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF caller_trusted() OR NEW.imported = 1 THEN RETURN NULL; END IF;
            IF NOT EXISTS (SELECT 1 FROM claim c WHERE c.id = NEW.claim_id AND c.status = NEW.status
                           AND c.resolved_at = NEW.resolved_at AND c.resolved_option_id IS NOT DISTINCT FROM NEW.option_id) THEN
                PERFORM refuse(format('a resolution of claim %s goes with the claim''s own change: `credence resolve %s`', NEW.claim_id, NEW.claim_id));
            END IF;
            RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER applied AFTER INSERT ON resolution DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION resolution_applied();

        CREATE FUNCTION guard_bet() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE other bigint; c claim;
        BEGIN
            IF trusted() THEN RETURN NEW; END IF;
            SELECT * INTO c FROM claim WHERE id = NEW.claim_id;
            IF TG_OP = 'INSERT' THEN
                -- Amounts to the cent that every reader can add up (NaN and infinity are not).
                IF NOT (NEW.yes_stake <= 1e12 AND NEW.no_stake <= 1e12) THEN
                    PERFORM refuse('a stake is an amount up to 1,000,000,000,000');
                END IF;
                IF importing() AND EXISTS (SELECT 1 FROM forecaster WHERE id IN (NEW.yes_forecaster_id, NEW.no_forecaster_id)
                                           AND role_name IS NOT NULL) THEN
                    PERFORM refuse('an import brings in the bets of names without a login; members make and accept their own');
                END IF;
                IF NOT importing() THEN PERFORM own_id('credence.bet_id_seq', NEW.id); END IF;
                IF caller_id() IS NULL OR caller_id() NOT IN (NEW.yes_forecaster_id, NEW.no_forecaster_id) THEN
                    IF NOT importing() THEN PERFORM refuse(format('you bet only as yourself (%s), with someone else', forecaster_name(caller_id()))); END IF;
                END IF;
                NEW.proposed_by := caller_id();
                other := CASE WHEN NEW.yes_forecaster_id = caller_id() THEN NEW.no_forecaster_id ELSE NEW.yes_forecaster_id END;
                IF importing() THEN
                    NEW.state := 'accepted';
                ELSE
                    NEW.created_at := write_ms();
                    NEW.settled_at := NULL; NEW.settlement := NULL; NEW.decided_at := NULL;
                    IF (SELECT role_name FROM forecaster WHERE id = other) IS NOT NULL THEN
                        NEW.state := 'pending';
                    ELSIF is_admin() THEN
                        NEW.state := 'accepted';
                    ELSE
                        PERFORM refuse(format('%s is not a member of this team: a bet on a team journal waits for its counterparty to accept it', forecaster_name(other)));
                    END IF;
                END IF;
                RETURN NEW;
            END IF;
            IF (NEW.claim_id, NEW.yes_forecaster_id, NEW.no_forecaster_id, NEW.yes_stake, NEW.no_stake, NEW.terms, NEW.created_at, NEW.proposed_by)
                IS DISTINCT FROM (OLD.claim_id, OLD.yes_forecaster_id, OLD.no_forecaster_id, OLD.yes_stake, OLD.no_stake, OLD.terms, OLD.created_at, OLD.proposed_by) THEN
                PERFORM refuse(format('bet %s keeps its terms as proposed; propose a new bet instead', OLD.id));
            END IF;
            IF NEW.state IS DISTINCT FROM OLD.state THEN
                other := CASE WHEN OLD.yes_forecaster_id = OLD.proposed_by THEN OLD.no_forecaster_id ELSE OLD.yes_forecaster_id END;
                IF OLD.state <> 'pending' THEN PERFORM refuse(format('bet %s was already %s', OLD.id, OLD.state)); END IF;
                IF caller_id() IS DISTINCT FROM other THEN
                    PERFORM refuse(format('only %s, whom bet %s was offered to, may accept or decline it', forecaster_name(other), OLD.id));
                END IF;
                IF NEW.state = 'accepted' AND c.status <> 'open' THEN
                    PERFORM refuse(format('claim %s was resolved before bet %s was accepted: the offer lapsed', c.id, OLD.id));
                END IF;
                NEW.decided_at := server_ms();
            ELSE
                NEW.decided_at := OLD.decided_at;
            END IF;
            -- The settlement follows the claim, and only an accepted bet has one.
            IF NEW.state = 'accepted' AND c.status <> 'open' THEN
                NEW.settlement := CASE c.status WHEN 'yes' THEN 'yes' WHEN 'no' THEN 'no' ELSE 'refunded' END;
                NEW.settled_at := c.resolved_at;
            ELSE
                NEW.settlement := NULL; NEW.settled_at := NULL;
            END IF;
            IF NEW IS NOT DISTINCT FROM OLD THEN RETURN NULL; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON bet FOR EACH ROW EXECUTE FUNCTION guard_bet();

        CREATE FUNCTION guard_tag() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF NOT trusted() AND NOT importing() THEN PERFORM own_id('credence.tag_id_seq', NEW.id); END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER guard BEFORE INSERT ON tag FOR EACH ROW EXECUTE FUNCTION guard_tag();

        CREATE FUNCTION guard_undo_step() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF NOT trusted() THEN PERFORM own_id('credence.undo_step_id_seq', NEW.id); END IF;
            NEW.role_name := session_user;
            IF NOT trusted() THEN NEW.created_at := write_ms(); END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER guard BEFORE INSERT ON undo_step FOR EACH ROW EXECUTE FUNCTION guard_undo_step();

        CREATE FUNCTION guard_meta() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF trusted() THEN RETURN coalesce(NEW, OLD); END IF;
            IF NOT is_admin() OR coalesce(NEW.key, OLD.key) <> 'blind' THEN
                PERFORM refuse('only an admin changes the team''s settings');
            END IF;
            RETURN coalesce(NEW, OLD);
        END $$;
        CREATE TRIGGER guard BEFORE INSERT OR UPDATE OR DELETE ON meta FOR EACH ROW EXECUTE FUNCTION guard_meta();

        -- Every change as the statement that reverses it, restoring only the columns it changed
        -- (another member's later change to another column of the row survives an undo), and
        -- which row it is, so that undo can see who changed the row since.
        CREATE OR REPLACE FUNCTION record_undo() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE
            step bigint := nullif(current_setting('credence.step', true), '')::bigint;
            op text;
            cols text;
            old_values jsonb;
            id bigint;
        BEGIN
            IF step IS NULL THEN RETURN NULL; END IF;
            -- Only under a step of the caller's own (a member may name any in credence.step).
            IF NOT caller_trusted() AND NOT EXISTS (SELECT 1 FROM undo_step u WHERE u.id = step AND u.role_name = session_user) THEN
                RETURN NULL;
            END IF;
            IF TG_OP = 'INSERT' THEN
                id := NEW.id;
                op := format('DELETE FROM credence.%I WHERE id = %s', TG_TABLE_NAME, NEW.id);
            ELSIF TG_OP = 'UPDATE' THEN
                id := OLD.id;
                -- Only the changed columns' old values: a resolution rewrites others' forecasts'
                -- outcomes, and their numbers must not be copied into the resolver's records.
                SELECT string_agg(quote_ident(o.key), ', '), jsonb_object_agg(o.key, o.value) INTO cols, old_values
                FROM jsonb_each(to_jsonb(OLD)) o WHERE o.value IS DISTINCT FROM to_jsonb(NEW) -> o.key;
                IF cols IS NULL THEN RETURN NULL; END IF;
                op := format('UPDATE credence.%I SET (%s) = (SELECT %s FROM jsonb_populate_record(NULL::credence.%I, %L)) WHERE id = %s',
                    TG_TABLE_NAME, cols, cols, TG_TABLE_NAME, old_values::text, OLD.id);
            ELSE
                id := OLD.id;
                op := format('INSERT INTO credence.%I SELECT * FROM json_populate_record(NULL::credence.%I, %L)',
                    TG_TABLE_NAME, TG_TABLE_NAME, row_to_json(OLD)::text);
            END IF;
            INSERT INTO undo_op(step_id, sql, table_name, row_id, role_name) VALUES (step, op, TG_TABLE_NAME, id, session_user);
            RETURN NULL;
        END $$;

        -- Moves a table's id counter past the ids an import gave its rows (members may not set
        -- counters: one set back would make every later insert fail).
        CREATE FUNCTION ids_given(t text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE m bigint;
        BEGIN
            IF t NOT IN ('claim', 'forecast', 'forecaster', 'scenario_option', 'tag', 'resolution', 'bet') THEN
                PERFORM refuse(format('%s has no id counter of Credence''s', t));
            END IF;
            EXECUTE format('SELECT max(id) FROM credence.%I', t) INTO m;
            IF m IS NOT NULL AND m > coalesce((SELECT s.last_value FROM pg_sequences s
                                               WHERE s.schemaname = 'credence' AND s.sequencename = t || '_id_seq'), 0) THEN
                PERFORM setval(format('credence.%I', t || '_id_seq'), m);
            END IF;
        END $$;

        CREATE FUNCTION claim_id_taken(n bigint) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF importing() AND n > (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM claim_id_seq) THEN
                IF n > (SELECT last_value FROM claim_id_seq) + 10000000 THEN
                    PERFORM refuse(format('an imported claim''s id %s is far past the counter: leave ids to the server', n));
                END IF;
                PERFORM setval('credence.claim_id_seq', n);
            END IF;
        END $$;

        -- When a member resolves a claim, what follows from the outcome is the server's to write:
        -- every forecast's outcome and whether it counts, and the accepted bets' settlements —
        -- including rows of a blind claim the resolver may not see in this transaction.
        CREATE FUNCTION claim_resolved() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF caller_trusted() THEN RETURN NULL; END IF;
            UPDATE forecast f SET outcome = derived_outcome(f), is_final = derived_final(f)
            WHERE f.claim_id = NEW.id AND (f.outcome IS DISTINCT FROM derived_outcome(f) OR f.is_final IS DISTINCT FROM derived_final(f));
            UPDATE bet b SET
                settlement = CASE WHEN NEW.status = 'open' THEN NULL WHEN NEW.status = 'yes' THEN 'yes' WHEN NEW.status = 'no' THEN 'no' ELSE 'refunded' END,
                settled_at = CASE WHEN NEW.status = 'open' THEN NULL ELSE NEW.resolved_at END
            WHERE b.claim_id = NEW.id AND b.state = 'accepted';
            RETURN NULL;
        END $$;
        CREATE TRIGGER resolved AFTER UPDATE OF status, outcome, resolved_at, resolved_option_id ON claim
            FOR EACH ROW EXECUTE FUNCTION claim_resolved();

        -- `credence delete` on a team journal: the author's (members hold no DELETE, which would let
        -- them lock whole tables); the cascades are judged by their own rules.
        CREATE FUNCTION delete_claim(claim bigint) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF NOT caller_trusted() AND NOT may_edit($1) THEN
                PERFORM refuse(format('only %s, who wrote claim %s, may change it', claim_author($1), $1));
            END IF;
            DELETE FROM claim WHERE id = $1;
        END $$;

        -- Each member keeps their last 500 steps; older ones can no longer be undone.
        CREATE FUNCTION prune_undo() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE oldest bigint;
        BEGIN
            SELECT u.id INTO oldest FROM undo_step u WHERE u.role_name = NEW.role_name ORDER BY u.id DESC OFFSET 500 LIMIT 1;
            IF oldest IS NOT NULL THEN
                DELETE FROM undo_op o USING undo_step u WHERE o.step_id = u.id AND u.role_name = NEW.role_name AND u.id <= oldest;
                DELETE FROM undo_step u WHERE u.role_name = NEW.role_name AND u.id <= oldest;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER prune AFTER INSERT ON undo_step FOR EACH ROW EXECUTE FUNCTION prune_undo();

        -- `undo` on a team journal: the caller's own newest step, reverted by the server.
        CREATE FUNCTION undo_last() RETURNS TABLE (description text, created_at bigint, origin text)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE
            s undo_step;
            o record;
            other text;
        BEGIN
            SELECT * INTO s FROM undo_step u WHERE u.role_name = session_user ORDER BY u.id DESC LIMIT 1 FOR UPDATE;
            IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'CR002', MESSAGE = 'nothing to undo'; END IF;
            SELECT coalesce(f.name, later_step.role_name) INTO other
            FROM undo_op mine
            JOIN undo_op later ON later.table_name = mine.table_name AND later.row_id = mine.row_id AND later.step_id > mine.step_id
            JOIN undo_step later_step ON later_step.id = later.step_id
            LEFT JOIN forecaster f ON f.role_name = coalesce(later.role_name, later_step.role_name)
            WHERE mine.step_id = s.id AND (mine.role_name IS NULL OR mine.role_name = session_user)
                AND coalesce(later.role_name, later_step.role_name) <> session_user LIMIT 1;
            IF other IS NOT NULL THEN
                PERFORM refuse(format('“%s” cannot be undone: %s has changed the same record since', s.description, other));
            END IF;
            IF EXISTS (
                SELECT 1 FROM undo_op mine JOIN forecast f ON f.id = mine.row_id JOIN claim c ON c.id = f.claim_id
                WHERE mine.step_id = s.id AND mine.table_name = 'forecast' AND mine.sql LIKE 'DELETE %'
                    AND c.blind = 1 AND c.status = 'open'
                    AND EXISTS (SELECT 1 FROM forecast g WHERE g.claim_id = c.id AND g.forecaster_id <> f.forecaster_id)) THEN
                PERFORM refuse(format('“%s” cannot be undone: it is a forecast on a blind claim, and once made it showed you the others''', s.description));
            END IF;
            IF EXISTS (
                SELECT 1 FROM undo_op mine JOIN bet b ON b.id = mine.row_id
                WHERE mine.step_id = s.id AND mine.table_name = 'bet' AND b.state <> 'pending') THEN
                PERFORM refuse(format('“%s” cannot be undone: an answered bet stands for both sides', s.description));
            END IF;
            IF EXISTS (
                SELECT 1 FROM undo_op mine JOIN resolution r ON r.id = mine.row_id JOIN claim c ON c.id = r.claim_id
                WHERE mine.step_id = s.id AND mine.table_name = 'resolution' AND c.blind = 1) THEN
                PERFORM refuse(format('“%s” cannot be undone: resolving a blind claim showed everyone its forecasts; resolve it again with --force if it was wrong', s.description));
            END IF;
            IF EXISTS (
                SELECT 1 FROM undo_op mine JOIN resolution r ON r.id = mine.row_id
                JOIN forecast f ON f.claim_id = r.claim_id AND f.created_at > r.resolved_at AND f.forecaster_id IS DISTINCT FROM caller_id()
                WHERE mine.step_id = s.id AND mine.table_name = 'resolution') THEN
                PERFORM refuse(format('“%s” cannot be undone: others have forecast the claim since it resolved; resolve it again with --force if it was wrong', s.description));
            END IF;
            SET CONSTRAINTS ALL DEFERRED;
            -- A failure while replaying is reported without the statement (whose context would print
            -- the rows' values).
            BEGIN
                FOR o IN SELECT u.sql FROM undo_op u
                    WHERE u.step_id = s.id AND (u.role_name IS NULL OR u.role_name = session_user) ORDER BY u.id DESC LOOP
                    EXECUTE o.sql;
                END LOOP;
            EXCEPTION WHEN query_canceled OR others THEN
                RAISE EXCEPTION USING ERRCODE = 'CR001', MESSAGE = format('“%s” could not be undone (%s)', s.description, SQLERRM);
            END;
            DELETE FROM undo_op u WHERE u.step_id = s.id;
            DELETE FROM undo_step u WHERE u.id = s.id;
            RETURN QUERY SELECT s.description, s.created_at, s.origin;
        END $$;

        -- What members read: views in the schema credence_seen, first in a member's search path,
        -- over tables whose secret columns (a forecast's number, words and reason, a caveat's
        -- text, a bet's stakes and terms) members may not read at all. PostgreSQL may test a
        -- comparison it deems leak-proof (probability > 0.8) before a row-level-security check, so
        -- a policy alone would let a member infer a hidden number; a column no member can name
        -- cannot be compared. The views read as the owner and give each row only to whom may see it.
        CREATE SCHEMA credence_seen;
        CREATE VIEW credence_seen.forecast WITH (security_barrier) AS
            SELECT f.id, f.claim_id, f.forecaster_id, f.option_id,
                CASE WHEN v.seen THEN f.probability END AS probability, CASE WHEN v.seen THEN f.typed END AS typed,
                f.form, CASE WHEN v.seen THEN f.reason END AS reason, f.created_at, f.is_final, f.outcome, f.imported
            FROM credence.forecast f
            CROSS JOIN LATERAL (SELECT f.forecaster_id = (SELECT credence.caller_id())
                OR NOT (f.claim_id = ANY (CAST((SELECT credence.hidden_claims()) AS bigint[]))) AS seen) v
            WHERE v.seen;
        CREATE VIEW credence_seen.caveat WITH (security_barrier) AS
            SELECT c.id, c.forecast_id, CASE WHEN v.seen THEN c.text END AS text, c.is_condition
            FROM credence.caveat c JOIN credence.forecast f ON f.id = c.forecast_id
            CROSS JOIN LATERAL (SELECT f.forecaster_id = (SELECT credence.caller_id())
                OR NOT (f.claim_id = ANY (CAST((SELECT credence.hidden_claims()) AS bigint[]))) AS seen) v
            WHERE v.seen;
        CREATE VIEW credence_seen.bet WITH (security_barrier) AS
            SELECT b.id, b.claim_id, b.yes_forecaster_id, b.no_forecaster_id,
                CASE WHEN v.seen THEN b.yes_stake END AS yes_stake, CASE WHEN v.seen THEN b.no_stake END AS no_stake,
                CASE WHEN v.seen THEN b.terms END AS terms, b.created_at, b.settled_at, b.settlement,
                b.proposed_by, b.state, b.decided_at
            FROM credence.bet b
            CROSS JOIN LATERAL (SELECT (SELECT credence.caller_id()) IN (b.yes_forecaster_id, b.no_forecaster_id)
                OR NOT (b.claim_id = ANY (CAST((SELECT credence.hidden_claims()) AS bigint[]))) AS seen) v
            WHERE v.seen;

        -- Writes through the views go to the tables as the member, under every rule above.
        CREATE FUNCTION credence_seen.write_forecast() RETURNS trigger LANGUAGE plpgsql
            SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE new_id bigint;
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO credence.forecast(claim_id, forecaster_id, option_id, probability, typed, form, reason, created_at, is_final, outcome)
                VALUES (NEW.claim_id, NEW.forecaster_id, NEW.option_id, NEW.probability, NEW.typed, NEW.form, NEW.reason,
                        coalesce(NEW.created_at, 0), coalesce(NEW.is_final, 1), NEW.outcome)
                RETURNING id INTO new_id;
                NEW.id := new_id;
                RETURN NEW;
            END IF;
            IF (NEW.id, NEW.claim_id, NEW.forecaster_id, NEW.option_id, NEW.probability, NEW.typed, NEW.form, NEW.reason, NEW.created_at, NEW.imported)
                IS DISTINCT FROM (OLD.id, OLD.claim_id, OLD.forecaster_id, OLD.option_id, OLD.probability, OLD.typed, OLD.form, OLD.reason, OLD.created_at, OLD.imported) THEN
                PERFORM refuse(format('forecast %s is never changed: forecasts are kept as made; forecast again to change your number', OLD.id));
            END IF;
            UPDATE credence.forecast SET is_final = NEW.is_final, outcome = NEW.outcome WHERE id = OLD.id;
            RETURN NEW;
        END $$;
        CREATE TRIGGER write INSTEAD OF INSERT OR UPDATE ON credence_seen.forecast FOR EACH ROW EXECUTE FUNCTION credence_seen.write_forecast();
        CREATE FUNCTION credence_seen.write_caveat() RETURNS trigger LANGUAGE plpgsql
            SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE new_id bigint;
        BEGIN
            INSERT INTO credence.caveat(forecast_id, text, is_condition) VALUES (NEW.forecast_id, NEW.text, coalesce(NEW.is_condition, 0))
            RETURNING id INTO new_id;
            NEW.id := new_id;
            RETURN NEW;
        END $$;
        CREATE TRIGGER write INSTEAD OF INSERT ON credence_seen.caveat FOR EACH ROW EXECUTE FUNCTION credence_seen.write_caveat();
        CREATE FUNCTION credence_seen.write_bet() RETURNS trigger LANGUAGE plpgsql
            SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE new_id bigint;
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO credence.bet(claim_id, yes_forecaster_id, no_forecaster_id, yes_stake, no_stake, terms, created_at)
                VALUES (NEW.claim_id, NEW.yes_forecaster_id, NEW.no_forecaster_id, NEW.yes_stake, NEW.no_stake, NEW.terms, coalesce(NEW.created_at, 0))
                RETURNING id INTO new_id;
                NEW.id := new_id;
                RETURN NEW;
            END IF;
            UPDATE credence.bet SET state = NEW.state, decided_at = NEW.decided_at, settled_at = NEW.settled_at, settlement = NEW.settlement
            WHERE id = OLD.id;
            RETURN NEW;
        END $$;
        CREATE TRIGGER write INSTEAD OF INSERT OR UPDATE ON credence_seen.bet FOR EACH ROW EXECUTE FUNCTION credence_seen.write_bet();

        ALTER TABLE meta ENABLE ROW LEVEL SECURITY;
        ALTER TABLE forecaster ENABLE ROW LEVEL SECURITY;
        ALTER TABLE claim ENABLE ROW LEVEL SECURITY;
        ALTER TABLE scenario_option ENABLE ROW LEVEL SECURITY;
        ALTER TABLE forecast ENABLE ROW LEVEL SECURITY;
        ALTER TABLE caveat ENABLE ROW LEVEL SECURITY;
        ALTER TABLE tag ENABLE ROW LEVEL SECURITY;
        ALTER TABLE claim_tag ENABLE ROW LEVEL SECURITY;
        ALTER TABLE resolution ENABLE ROW LEVEL SECURITY;
        ALTER TABLE condition ENABLE ROW LEVEL SECURITY;
        ALTER TABLE bet ENABLE ROW LEVEL SECURITY;
        ALTER TABLE undo_step ENABLE ROW LEVEL SECURITY;
        ALTER TABLE undo_op ENABLE ROW LEVEL SECURITY;

        CREATE POLICY readable ON meta FOR SELECT USING (true);
        CREATE POLICY settings ON meta FOR ALL USING (is_admin()) WITH CHECK (is_admin());
        CREATE POLICY readable ON forecaster FOR SELECT USING (true);
        CREATE POLICY added ON forecaster FOR INSERT WITH CHECK (is_admin());
        CREATE POLICY readable ON claim FOR SELECT USING (true);
        CREATE POLICY added ON claim FOR INSERT WITH CHECK (author_id = (SELECT caller_id()));
        CREATE POLICY changed ON claim FOR UPDATE USING (true);
        CREATE POLICY removed ON claim FOR DELETE USING (true);
        CREATE POLICY readable ON scenario_option FOR SELECT USING (true);
        CREATE POLICY written ON scenario_option FOR ALL USING (true) WITH CHECK (may_edit(claim_id));
        CREATE POLICY visible ON forecast FOR SELECT USING (
            forecaster_id = (SELECT caller_id()) OR NOT (claim_id = ANY (CAST((SELECT hidden_claims()) AS bigint[]))));
        -- The sub-selects are evaluated once per statement, not per row (an import writes millions).
        CREATE POLICY added ON forecast FOR INSERT WITH CHECK (
            (SELECT importing()) OR forecaster_id = (SELECT caller_id()) OR may_write_as(forecaster_id));
        CREATE POLICY derived ON forecast FOR UPDATE USING (
            forecaster_id = (SELECT caller_id()) OR NOT (claim_id = ANY (CAST((SELECT hidden_claims()) AS bigint[]))));
        CREATE POLICY visible ON caveat FOR SELECT USING (EXISTS (SELECT 1 FROM forecast f WHERE f.id = forecast_id));
        CREATE POLICY added ON caveat FOR INSERT WITH CHECK (
            may_write_as((SELECT f.forecaster_id FROM forecast f WHERE f.id = forecast_id)));
        CREATE POLICY readable ON tag FOR SELECT USING (true);
        CREATE POLICY added ON tag FOR INSERT WITH CHECK (true);
        CREATE POLICY readable ON claim_tag FOR SELECT USING (true);
        CREATE POLICY written ON claim_tag FOR ALL USING (true) WITH CHECK (may_edit(claim_id));
        CREATE POLICY readable ON resolution FOR SELECT USING (true);
        CREATE POLICY added ON resolution FOR INSERT WITH CHECK (
            (SELECT importing()) OR may_resolve(claim_id) OR (automatic = 1 AND status = 'annulled' AND condition_failed(claim_id)));
        CREATE POLICY readable ON condition FOR SELECT USING (true);
        CREATE POLICY written ON condition FOR ALL USING (true) WITH CHECK (may_edit(claim_id));
        -- A bet on a blind claim shows its parties' numbers (a midpoint's terms): seen as its forecasts are.
        CREATE POLICY readable ON bet FOR SELECT USING (
            (SELECT caller_id()) IN (yes_forecaster_id, no_forecaster_id)
            OR NOT (claim_id = ANY (CAST((SELECT hidden_claims()) AS bigint[]))));
        CREATE POLICY proposed ON bet FOR INSERT WITH CHECK (
            caller_id() IN (yes_forecaster_id, no_forecaster_id) OR importing());
        CREATE POLICY answered ON bet FOR UPDATE USING (true);
        CREATE POLICY own ON undo_step FOR ALL USING (role_name = session_user) WITH CHECK (role_name = session_user);
        CREATE POLICY own ON undo_op FOR ALL USING (step_id IN (SELECT id FROM undo_step))
            WITH CHECK (step_id IN (SELECT id FROM undo_step));
        """#

    /// What members may do (given again by every `team init`, so a migrated journal has today's);
    /// the policies and triggers above narrow it to their own rows. Columns a member may update
    /// are the derived ones the server recomputes, a bet's answer, and a claim's (checked by its
    /// trigger).
    static func grants(_ role: String) -> String {
        """
        REVOKE ALL ON ALL TABLES IN SCHEMA credence FROM \(role);
        GRANT USAGE ON SCHEMA credence TO \(role);
        GRANT SELECT ON ALL TABLES IN SCHEMA credence TO \(role);
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA credence TO \(role);
        GRANT INSERT ON credence.claim, credence.scenario_option, credence.forecast, credence.caveat, credence.tag,
            credence.claim_tag, credence.resolution, credence.condition, credence.bet, credence.undo_step,
            credence.forecaster, credence.meta TO \(role);
        GRANT UPDATE (text, notes, kind, resolve_by, status, outcome, resolved_at, resolved_option_id) ON credence.claim TO \(role);
        GRANT UPDATE (value) ON credence.meta TO \(role);
        GRANT UPDATE (is_final, outcome) ON credence.forecast TO \(role);
        GRANT UPDATE (state, decided_at, settled_at, settlement) ON credence.bet TO \(role);
        GRANT UPDATE (description) ON credence.undo_step TO \(role);
        REVOKE ALL ON credence.undo_op FROM \(role);
        REVOKE SELECT ON credence.forecast, credence.caveat, credence.bet FROM \(role);
        GRANT SELECT (id, claim_id, forecaster_id, option_id, form, created_at, is_final, outcome, imported)
            ON credence.forecast TO \(role);
        GRANT SELECT (id, forecast_id, is_condition) ON credence.caveat TO \(role);
        GRANT SELECT (id, claim_id, yes_forecaster_id, no_forecaster_id, created_at, settled_at, settlement, proposed_by,
            state, decided_at) ON credence.bet TO \(role);
        GRANT USAGE ON SCHEMA credence_seen TO \(role);
        -- Not UPDATE: LOCK on a view locks the tables beneath it, as the view's owner, for whoever
        -- may update the view (a member's ACCESS EXCLUSIVE lock would stop every command).
        REVOKE ALL ON ALL TABLES IN SCHEMA credence_seen FROM \(role);
        GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA credence_seen TO \(role);
        """
    }
}
