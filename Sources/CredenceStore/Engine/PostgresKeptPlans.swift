/// Schema version 3: the rules of version 2, with the helpers every row's trigger and policy
/// calls written in PL/pgSQL, whose statements PostgreSQL plans once per session, inserts' undo
/// records written once per statement; and three holes a tester found in version 2 closed (the
/// owner's trigger functions attachable to a member's table, a type named `name` in `pg_temp`
/// standing in for the owner's name, an admin unable to undo their own import).
///
/// Version 2 wrote them as SQL functions. A SQL function that is `SECURITY DEFINER` or sets its
/// own `search_path` cannot be inlined, and outside a single query its body is parsed and planned
/// again on every call: about 100 µs for `is_admin()` against 10–15 µs in PL/pgSQL, measured on
/// the dev cluster. An admin's import of 3,000 forecasts made 14,682 calls of `importing()`, 8,685
/// of `caller_id()` and 11,664 of `server_ms()`, so the import cost 5 times the owner's. (Inlining
/// is not open to them: a SQL body that reads a table, or holds a sub-select, is never inlined.)
/// The bodies are version 2's, word for word, inside PL/pgSQL's `RETURN (…)`; the signatures, and
/// so the policies and triggers that name them, are unchanged.
extension PostgresTrust {
    static let v3 = #"""
        SET LOCAL search_path TO credence, pg_catalog;

        -- Inlined everywhere (they read no table): the owner's name as version 2 wrote it, the
        -- operators now pinned, since an inlined body is read under the asker's search_path.
        DO $$
        DECLARE owner name := (SELECT c.relowner::regrole::name FROM pg_class c WHERE c.oid = 'credence.claim'::regclass);
        BEGIN
            EXECUTE format('CREATE OR REPLACE FUNCTION credence.trusted() RETURNS boolean LANGUAGE sql STABLE AS %L',
                format('SELECT current_user OPERATOR(pg_catalog.=) %L::pg_catalog.name OR pg_catalog.current_setting(''is_superuser'') OPERATOR(pg_catalog.=) ''on''', owner));
            EXECUTE format('CREATE OR REPLACE FUNCTION credence.caller_trusted() RETURNS boolean LANGUAGE sql STABLE AS %L',
                format('SELECT session_user OPERATOR(pg_catalog.=) %L::pg_catalog.name OR pg_catalog.current_setting(''is_superuser'') OPERATOR(pg_catalog.=) ''on''', owner));
        END $$;
        -- Who is calling, and whether they are an admin or an admin importing: asked several times
        -- by every row a member writes. Each reads a table, so as SQL it could not be inlined.
        CREATE OR REPLACE FUNCTION caller_id() RETURNS bigint LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN RETURN (SELECT id FROM forecaster WHERE role_name = session_user); END $$;
        CREATE OR REPLACE FUNCTION is_admin() RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            RETURN caller_trusted() OR coalesce((SELECT is_admin = 1 FROM forecaster WHERE role_name = session_user), false);
        END $$;
        -- An admin's import (the client says so; only an admin's saying counts).
        CREATE OR REPLACE FUNCTION importing() RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            -- is_admin() only when the client says it imports: every member's write asks this.
            IF coalesce(current_setting('credence.importing', true), '') <> 'on' THEN RETURN false; END IF;
            RETURN is_admin();
        END $$;
        -- Inlined into the asking statement (a plain SQL expression, no search_path of its own):
        -- a body inlined is read under the asker's search_path, which a member sets, so its names
        -- are qualified and its operator is pg_catalog's.
        CREATE OR REPLACE FUNCTION server_ms() RETURNS bigint LANGUAGE sql STABLE AS $$
            SELECT (extract(epoch FROM pg_catalog.now()) OPERATOR(pg_catalog.*) 1000)::bigint
        $$;
        -- An imported claim's id is taken: the counter moves past it. Asked once per imported claim,
        -- so the common case (the counter is past already) costs one read of the counter.
        CREATE OR REPLACE FUNCTION claim_id_taken(n bigint) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE last bigint := coalesce(pg_sequence_last_value('credence.claim_id_seq'), 0);
        BEGIN
            IF n <= last OR NOT importing() THEN RETURN; END IF;
            IF n > last + 10000000 THEN
                PERFORM refuse(format('an imported claim''s id %s is far past the counter: leave ids to the server', n));
            END IF;
            PERFORM setval('credence.claim_id_seq', n);
        END $$;
        CREATE OR REPLACE FUNCTION forecaster_name(id bigint) RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN RETURN coalesce((SELECT name FROM forecaster WHERE forecaster.id = $1), 'someone'); END $$;

        CREATE OR REPLACE FUNCTION may_resolve(claim bigint) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            RETURN (SELECT author_id FROM claim WHERE id = $1) = caller_id()
                OR coalesce((SELECT is_resolver = 1 FROM forecaster WHERE id = caller_id()), false);
        END $$;
        CREATE OR REPLACE FUNCTION condition_failed(claim bigint) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            RETURN EXISTS (SELECT 1 FROM condition k JOIN claim o ON o.id = k.on_claim_id
                           WHERE k.claim_id = $1 AND o.status <> 'open' AND o.outcome IS DISTINCT FROM k.required_outcome);
        END $$;
        CREATE OR REPLACE FUNCTION may_edit(claim bigint) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            RETURN (SELECT author_id FROM claim WHERE id = $1) = caller_id()
                OR (importing() AND (SELECT imported = 1 FROM claim WHERE id = $1));
        END $$;
        CREATE OR REPLACE FUNCTION others_committed(claim bigint) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            RETURN EXISTS (SELECT 1 FROM forecast WHERE claim_id = $1 AND forecaster_id IS DISTINCT FROM caller_id())
                OR EXISTS (SELECT 1 FROM bet WHERE claim_id = $1);
        END $$;
        CREATE OR REPLACE FUNCTION claim_author(claim bigint) RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            RETURN coalesce((SELECT f.name FROM claim c JOIN forecaster f ON f.id = c.author_id WHERE c.id = $1), 'its author');
        END $$;

        CREATE OR REPLACE FUNCTION hidden_claims() RETURNS bigint[] LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE me bigint := caller_id(); now_ms bigint := server_ms();
        BEGIN
            -- No blind claim, nothing hidden: the common team asks one index probe, not the query.
            IF NOT EXISTS (SELECT 1 FROM claim WHERE blind = 1) THEN RETURN '{}'; END IF;
            -- Only what was committed before this transaction reveals a claim: a forecast or a
            -- resolution made in it and rolled back must show nothing.
            RETURN (SELECT coalesce(array_agg(c.id), '{}') FROM claim c WHERE c.blind = 1
                AND NOT (c.status <> 'open' AND EXISTS (
                    SELECT 1 FROM resolution r WHERE r.claim_id = c.id AND r.recorded_at < now_ms))
                AND NOT EXISTS (SELECT 1 FROM forecast f WHERE f.claim_id = c.id AND f.forecaster_id = me
                                AND f.created_at < now_ms));
        END $$;
        CREATE OR REPLACE FUNCTION hidden_forecasts(claim bigint) RETURNS bigint LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            RETURN CASE WHEN $1 = ANY (hidden_claims()) THEN (SELECT count(*) FROM forecast WHERE claim_id = $1) ELSE 0 END;
        END $$;

        CREATE OR REPLACE FUNCTION derived_final(f forecast) RETURNS integer LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            RETURN (SELECT CASE WHEN (c.resolved_at IS NULL OR f.created_at <= c.resolved_at) AND NOT EXISTS (
                SELECT 1 FROM forecast b WHERE b.claim_id = f.claim_id AND b.forecaster_id = f.forecaster_id
                    AND b.option_id IS NOT DISTINCT FROM f.option_id
                    AND (c.resolved_at IS NULL OR b.created_at <= c.resolved_at)
                    AND (b.created_at > f.created_at OR (b.created_at = f.created_at AND b.id > f.id)))
                THEN 1 ELSE 0 END
            FROM claim c WHERE c.id = f.claim_id);
        END $$;
        CREATE OR REPLACE FUNCTION derived_outcome(f forecast) RETURNS integer LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            RETURN (SELECT CASE WHEN f.option_id IS NULL THEN c.outcome
                        WHEN c.status = 'resolved' THEN CASE WHEN f.option_id = c.resolved_option_id THEN 1 ELSE 0 END END
            FROM claim c WHERE c.id = f.claim_id);
        END $$;

        CREATE OR REPLACE FUNCTION may_write_as(forecaster bigint) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            RETURN $1 = caller_id() OR importing()
                OR (is_admin() AND (SELECT role_name IS NULL FROM forecaster f WHERE f.id = $1));
        END $$;

        -- A row's insert is undone by deleting it: the same operation per row as version 2 wrote,
        -- now recorded once per statement from its transition table (an import inserts in
        -- batches), not by a trigger call and an insert per row. Changes and deletions keep the
        -- row trigger, which records only the columns a row changed.
        CREATE FUNCTION record_undo_inserts() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        DECLARE step bigint := nullif(current_setting('credence.step', true), '')::bigint;
        BEGIN
            IF step IS NULL OR TG_TABLE_SCHEMA <> 'credence' THEN RETURN NULL; END IF;
            -- Only under a step of the caller's own (a member may name any in credence.step).
            IF NOT caller_trusted() AND NOT EXISTS (SELECT 1 FROM undo_step u WHERE u.id = step AND u.role_name = session_user) THEN
                RETURN NULL;
            END IF;
            INSERT INTO undo_op(step_id, sql, table_name, row_id, role_name)
            SELECT step, format('DELETE FROM credence.%I WHERE id = %s', TG_TABLE_NAME, n.id), TG_TABLE_NAME, n.id, session_user
            FROM inserted n ORDER BY n.id;
            RETURN NULL;
        END $$;
        -- A new forecast supersedes the forecaster's earlier ones, as version 2's row trigger did,
        -- for all the statement's rows at once (10% of an admin's import of the sparse CSV); of
        -- several in one statement the latest counts (version 2 left none counting).
        CREATE FUNCTION supersede_inserted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF TG_TABLE_SCHEMA <> 'credence' OR caller_trusted() OR importing() THEN RETURN NULL; END IF;
            UPDATE forecast f SET is_final = 0 FROM inserted n
            WHERE f.claim_id = n.claim_id AND f.forecaster_id = n.forecaster_id AND f.option_id IS NOT DISTINCT FROM n.option_id
                AND (f.created_at < n.created_at OR (f.created_at = n.created_at AND f.id < n.id))
                AND f.is_final = 1 AND n.is_final = 1;
            RETURN NULL;
        END $$;
        DROP TRIGGER supersede ON forecast;
        DROP FUNCTION supersede();
        CREATE TRIGGER supersede AFTER INSERT ON forecast REFERENCING NEW TABLE AS inserted
            FOR EACH STATEMENT EXECUTE FUNCTION supersede_inserted();

        DO $$
        DECLARE t text;
        BEGIN
            FOREACH t IN ARRAY ARRAY['forecaster', 'claim', 'scenario_option', 'forecast', 'caveat', 'tag', 'claim_tag',
                                     'resolution', 'condition', 'bet'] LOOP
                EXECUTE format('DROP TRIGGER undo ON credence.%I', t);
                EXECUTE format('CREATE TRIGGER undo AFTER UPDATE OR DELETE ON credence.%I FOR EACH ROW EXECUTE FUNCTION credence.record_undo()', t);
                EXECUTE format('CREATE TRIGGER undo_insert AFTER INSERT ON credence.%I REFERENCING NEW TABLE AS inserted
                                FOR EACH STATEMENT EXECUTE FUNCTION credence.record_undo_inserts()', t);
            END LOOP;
        END $$;

        -- Trigger functions that run as the owner are the tables' own, never a member's: attached
        -- to a temporary table named like one of ours (CREATE TRIGGER needs EXECUTE), version 2's
        -- let a member record an "undo" of any row they chose, which undo_last then replayed as the
        -- owner. Triggers already made keep firing; only attaching them anew needs EXECUTE.
        REVOKE EXECUTE ON FUNCTION record_undo(), record_undo_inserts(), supersede_inserted(), claim_resolved(),
            prune_undo(), resolution_applied() FROM PUBLIC;

        -- An admin's undo of their own import (or of a forecast or bet they entered for a name
        -- without a login), and the deletion of a claim they imported, take back the history they
        -- brought in; everyone else's forecasts and agreed bets still stay.
        CREATE OR REPLACE FUNCTION guard_forecast_delete() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF caller_trusted() OR OLD.forecaster_id IS NOT DISTINCT FROM caller_id() THEN RETURN OLD; END IF;
            IF OLD.imported = 1 AND is_admin() AND (SELECT role_name FROM forecaster WHERE id = OLD.forecaster_id) IS NULL THEN
                RETURN OLD;
            END IF;
            PERFORM refuse(format('this would remove %s''s forecast on claim %s, which is theirs: it stays', forecaster_name(OLD.forecaster_id), OLD.claim_id));
            RETURN NULL;
        END $$;
        CREATE OR REPLACE FUNCTION guard_bet_delete() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF caller_trusted() OR (OLD.state = 'pending' AND OLD.proposed_by IS NOT DISTINCT FROM caller_id()) THEN RETURN OLD; END IF;
            IF is_admin() AND OLD.proposed_by IS NOT DISTINCT FROM caller_id() AND NOT EXISTS (
                SELECT 1 FROM forecaster WHERE id IN (OLD.yes_forecaster_id, OLD.no_forecaster_id) AND role_name IS NOT NULL) THEN
                RETURN OLD;
            END IF;
            PERFORM refuse(format('this would remove bet %s between %s and %s, which stands for both: it stays', OLD.id,
                forecaster_name(OLD.yes_forecaster_id), forecaster_name(OLD.no_forecaster_id)));
            RETURN NULL;
        END $$;

        -- What others forecast or bet on keeps its words, also when the change is an undo, which
        -- undo_last replays as the owner (guard_claim trusts the owner, so it asks who logged in).
        -- Named to fire after guard (BEFORE triggers go by name), which says first whose claim it is.
        CREATE FUNCTION keep_committed_words() RETURNS trigger LANGUAGE plpgsql SET search_path = credence, pg_catalog, pg_temp AS $$
        BEGIN
            IF NOT caller_trusted() AND (NEW.text, NEW.kind) IS DISTINCT FROM (OLD.text, OLD.kind) AND others_committed(OLD.id) THEN
                PERFORM refuse(format('claim %s has others'' forecasts or bets on it: its text stays as they saw it (add a note, or a new claim)', OLD.id));
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER keep_words BEFORE UPDATE OF text, kind ON claim FOR EACH ROW EXECUTE FUNCTION keep_committed_words();
        """#
}
