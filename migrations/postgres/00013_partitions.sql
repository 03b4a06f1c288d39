-- +goose Up
-- Monthly partitions of decisions and outcome events, and the purge primitive (issue 18). The
-- README's "Partitions and the purge" says why each choice was made; in short:
--
-- * decisions are partitioned by the UTC month of created_at; outcome_events by the month of their
--   decision (decision_created_at, copied from it), so that a month leaves with its events;
-- * a unique constraint of a partitioned table must hold the partition key, so the id, the
--   reference and the idempotency key are kept globally unique by decision_keys, written in the
--   same statement as the decision (store.InsertDecision);
-- * there is no DEFAULT partition: the store creates the months ahead (create_month_partitions),
--   and the one missing at an insert;
-- * only purge_month, run by the retention role, drops a month; purged_months records it.

-- The months purged, one row each, written by purge_month only.
CREATE TABLE purged_months (
    month          DATE        PRIMARY KEY CHECK (extract(day FROM month) = 1),
    decisions      BIGINT      NOT NULL,
    outcome_events BIGINT      NOT NULL,
    -- XOR of the last 8 bytes of every purged decision's id, 16 hex digits (store.MonthDigest).
    digest         TEXT        NOT NULL,
    purged_at      TIMESTAMPTZ NOT NULL
);
CREATE TRIGGER purged_months_append_only BEFORE UPDATE OR DELETE ON purged_months
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER purged_months_no_truncate BEFORE TRUNCATE ON purged_months
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Every decision's id, idempotency key and reference, unique across all months, with the time
-- that finds its partition.
CREATE TABLE decision_keys (
    decision_id     UUID        PRIMARY KEY,
    idempotency_key TEXT        NOT NULL UNIQUE,
    reference       TEXT        NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL
);
-- The purge removes a purged month's keys in batches along this index.
CREATE INDEX decision_keys_time ON decision_keys (created_at);

-- A key may be deleted only once its month has been purged (purge_decision_keys); nothing may
-- update or truncate the table. The check runs once per statement, over the rows it deleted.
-- +goose StatementBegin
CREATE FUNCTION refuse_live_key_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    live uuid;
BEGIN
    SELECT g.decision_id INTO live FROM gone g
    WHERE NOT EXISTS (SELECT 1 FROM purged_months p
                      WHERE p.month = CAST(date_trunc('month', g.created_at AT TIME ZONE 'UTC') AS date))
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'DELETE on % is not allowed: the month of decision % has not been purged', TG_TABLE_NAME, live
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER decision_keys_append_only BEFORE UPDATE ON decision_keys
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER decision_keys_purged_only AFTER DELETE ON decision_keys
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION refuse_live_key_delete();
CREATE TRIGGER decision_keys_no_truncate BEFORE TRUNCATE ON decision_keys
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The new tables take the old ones' columns in the same order, with their defaults and checks;
-- keys, indexes and triggers are added once the rows are in (faster than maintaining them row by
-- row).
ALTER TABLE decisions RENAME TO decisions_unpartitioned;
CREATE TABLE decisions (LIKE decisions_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (created_at);
ALTER TABLE outcome_events RENAME TO outcome_events_unpartitioned;
CREATE TABLE outcome_events (LIKE outcome_events_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    -- The decision's created_at: events leave with their decision's month.
    decision_created_at TIMESTAMPTZ NOT NULL)
    PARTITION BY RANGE (decision_created_at);

-- add_month_partitions creates the partitions of decisions and outcome_events for the UTC month
-- holding at, those that do not exist, and returns whether it created any. A partition is made as
-- a table of its own and attached, which takes SHARE UPDATE EXCLUSIVE on the parent (CREATE TABLE
-- ... PARTITION OF would take ACCESS EXCLUSIVE, stopping assessments); its bound constraint lets
-- the attach skip the scan. TRUNCATE triggers are per table, so each partition gets its own. Only
-- the owner runs it: the console's role goes through create_month_partitions.
-- +goose StatementBegin
CREATE FUNCTION add_month_partitions(at timestamptz) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    m       timestamp   := date_trunc('month', at AT TIME ZONE 'UTC');
    lo      timestamptz := m AT TIME ZONE 'UTC';
    hi      timestamptz := (m + interval '1 month') AT TIME ZONE 'UTC';
    parent  text;
    keycol  text;
    part    text;
    created boolean := false;
BEGIN
    -- Two servers creating the same month wait for each other (the purge takes it too).
    PERFORM pg_advisory_xact_lock(32197481667392627); -- "rcparts"
    FOREACH parent IN ARRAY ARRAY['decisions', 'outcome_events'] LOOP
        keycol := CASE parent WHEN 'decisions' THEN 'created_at' ELSE 'decision_created_at' END;
        part := parent || '_p' || to_char(m, 'YYYYMM');
        CONTINUE WHEN EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                              WHERE i.inhparent = parent::regclass AND c.relname = part);
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part, parent);
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (%I >= %L AND %I < %L)',
                       part, part || '_bound', keycol, lo, keycol, hi);
        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, lo, hi);
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', part, part || '_bound');
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()',
                       part || '_no_truncate', part);
        created := true;
    END LOOP;
    RETURN created;
END;
$$;
-- +goose StatementEnd
REVOKE ALL ON FUNCTION add_month_partitions(timestamptz) FROM PUBLIC;

-- create_month_partitions is add_month_partitions for the console's role (GrantApp grants it
-- EXECUTE): it runs as the owner, for a month from 2000 to 13 months ahead that was not purged,
-- and does nothing else.
-- +goose StatementBegin
CREATE FUNCTION create_month_partitions(at timestamptz) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    lo date;
BEGIN
    IF at IS NULL THEN
        RAISE EXCEPTION 'create_month_partitions: the month is required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    lo := CAST(date_trunc('month', at AT TIME ZONE 'UTC') AS date);
    IF lo < DATE '2000-01-01' OR lo > now() AT TIME ZONE 'UTC' + interval '13 months' THEN
        RAISE EXCEPTION 'create_month_partitions: month % is out of range (2000-01 to 13 months ahead)', to_char(lo, 'YYYY-MM')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM purged_months WHERE month = lo) THEN
        RAISE EXCEPTION 'create_month_partitions: month % was purged', to_char(lo, 'YYYY-MM')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN add_month_partitions(at);
END;
$$;
-- +goose StatementEnd
REVOKE ALL ON FUNCTION create_month_partitions(timestamptz) FROM PUBLIC;

-- purge_month drops the partitions of decisions and outcome_events of one month older than
-- keep_from (the first month kept) and than the current month, records the month in
-- purged_months and returns what it removed: the decisions, their events, the decisions' digest,
-- and already = true (with the recorded counts) when the month was purged before. It first takes
-- SHARE locks on the month's partitions (nothing may add to them; readers go on) and counts them,
-- then drops them: each DROP takes ACCESS EXCLUSIVE on its parent, held until the caller's
-- transaction ends (store.PurgeMonth writes the audit event and commits at once). lock_timeout
-- bounds the wait for that lock, and so how long assessments queue behind it; the caller retries.
-- Only the retention role may run it (GrantRetention).
-- +goose StatementBegin
CREATE FUNCTION purge_month(month date, keep_from date)
    RETURNS TABLE (decisions bigint, outcome_events bigint, digest text, already boolean)
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    suffix text;
    pd     text;
    po     text;
    nd     bigint := 0;
    ne     bigint := 0;
    dig    text := '0000000000000000';
BEGIN
    IF month IS NULL OR keep_from IS NULL THEN
        RAISE EXCEPTION 'purge_month: month and keep_from are required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF extract(day FROM month) <> 1 OR extract(day FROM keep_from) <> 1 THEN
        RAISE EXCEPTION 'purge_month: month and keep_from must be first days of months' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF month >= keep_from THEN
        RAISE EXCEPTION 'purge_month: month % is not older than the retention floor %', to_char(month, 'YYYY-MM'), to_char(keep_from, 'YYYY-MM')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF month >= CAST(date_trunc('month', now() AT TIME ZONE 'UTC') AS date) THEN
        RAISE EXCEPTION 'purge_month: month % is the current month or later', to_char(month, 'YYYY-MM')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(32197481667392627); -- "rcparts", as add_month_partitions
    RETURN QUERY SELECT p.decisions, p.outcome_events, p.digest, true FROM purged_months p WHERE p.month = purge_month.month;
    IF FOUND THEN
        RETURN;
    END IF;
    suffix := to_char(month, 'YYYYMM');
    pd := (SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'decisions'::regclass AND c.relname = 'decisions_p' || suffix);
    po := (SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'outcome_events'::regclass AND c.relname = 'outcome_events_p' || suffix);
    -- Autovacuum on a partition yields to the SHARE lock after deadlock_timeout (1 s).
    PERFORM set_config('lock_timeout', '5s', true);
    IF pd IS NOT NULL THEN
        EXECUTE format('LOCK TABLE %I IN SHARE MODE', pd);
        EXECUTE format('SELECT count(*), lpad(to_hex(COALESCE(bit_xor((''x'' || encode(substr(uuid_send(id), 9), ''hex''))::bit(64)::bigint), 0)), 16, ''0'') FROM %I', pd)
            INTO nd, dig;
    END IF;
    IF po IS NOT NULL THEN
        EXECUTE format('LOCK TABLE %I IN SHARE MODE', po);
        EXECUTE format('SELECT count(*) FROM %I', po) INTO ne;
    END IF;
    -- Decisions first, as readers lock them before outcome events.
    PERFORM set_config('lock_timeout', '500ms', true);
    IF pd IS NOT NULL THEN
        EXECUTE format('DROP TABLE %I', pd);
    END IF;
    IF po IS NOT NULL THEN
        EXECUTE format('DROP TABLE %I', po);
    END IF;
    INSERT INTO purged_months (month, decisions, outcome_events, digest, purged_at)
    VALUES (purge_month.month, nd, ne, dig, now());
    RETURN QUERY SELECT nd, ne, dig, false;
END;
$$;
-- +goose StatementEnd
REVOKE ALL ON FUNCTION purge_month(date, date) FROM PUBLIC;

-- purge_decision_keys deletes up to batch keys of a purged month (row locks on decision_keys
-- only) and returns how many; the retention role calls it until it returns 0.
-- +goose StatementBegin
CREATE FUNCTION purge_decision_keys(month date, batch integer) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    n bigint;
BEGIN
    IF batch IS NULL OR batch < 1 OR batch > 50000 THEN
        RAISE EXCEPTION 'purge_decision_keys: batch must be from 1 to 50000' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM purged_months p WHERE p.month = purge_decision_keys.month) THEN
        RAISE EXCEPTION 'purge_decision_keys: month % has not been purged', to_char(month, 'YYYY-MM')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    WITH gone AS (
        DELETE FROM decision_keys WHERE decision_id IN (
            SELECT k.decision_id FROM decision_keys k
            WHERE k.created_at >= month::timestamp AT TIME ZONE 'UTC'
              AND k.created_at < (month + interval '1 month') AT TIME ZONE 'UTC'
            LIMIT batch)
        RETURNING 1)
    SELECT count(*) INTO n FROM gone;
    RETURN n;
END;
$$;
-- +goose StatementEnd
REVOKE ALL ON FUNCTION purge_decision_keys(date, integer) FROM PUBLIC;

-- The functions run with the schema they were created in first, and temporary objects last, so
-- that no caller's search_path or temporary table can stand in for a table they name.
-- +goose StatementBegin
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['add_month_partitions(timestamptz)', 'create_month_partitions(timestamptz)',
                             'purge_month(date, date)', 'purge_decision_keys(date, integer)', 'refuse_live_key_delete()'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
    END LOOP;
END;
$$;
-- +goose StatementEnd

-- The partitions of every month with rows, and of this month and the next two.
-- +goose StatementBegin
DO $$
DECLARE
    m timestamptz := date_trunc('month', COALESCE(LEAST((SELECT min(created_at) FROM decisions_unpartitioned), now()), now()) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    last timestamptz := GREATEST((SELECT max(created_at) FROM decisions_unpartitioned), now() + interval '2 months');
BEGIN
    WHILE m <= last LOOP
        PERFORM add_month_partitions(m);
        m := (m AT TIME ZONE 'UTC' + interval '1 month') AT TIME ZONE 'UTC';
    END LOOP;
END;
$$;
-- +goose StatementEnd

-- Every outcome event needs its decision (writers check it; there is no foreign key): refuse to
-- go on rather than leave one behind.
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM outcome_events_unpartitioned e
               WHERE NOT EXISTS (SELECT 1 FROM decisions_unpartitioned d WHERE d.id = e.decision_id)) THEN
        RAISE EXCEPTION 'outcome_events holds events of decisions that do not exist: partitioning them by their decision''s month needs the decision';
    END IF;
END;
$$;
-- +goose StatementEnd

INSERT INTO decisions SELECT * FROM decisions_unpartitioned;
INSERT INTO decision_keys (decision_id, idempotency_key, reference, created_at)
    SELECT id, idempotency_key, reference, created_at FROM decisions_unpartitioned;
INSERT INTO outcome_events SELECT e.*, d.created_at
    FROM outcome_events_unpartitioned e JOIN decisions_unpartitioned d ON d.id = e.decision_id;
DROP TABLE outcome_events_unpartitioned;
DROP TABLE decisions_unpartitioned;

ALTER TABLE decisions ADD CONSTRAINT decisions_pkey PRIMARY KEY (id, created_at);
ALTER TABLE decisions ADD CONSTRAINT decisions_threshold_version_id_fkey FOREIGN KEY (threshold_version_id) REFERENCES threshold_versions (id);
ALTER TABLE decisions ADD CONSTRAINT decisions_catalog_version_id_fkey FOREIGN KEY (catalog_version_id) REFERENCES catalog_versions (id);
CREATE INDEX decisions_time ON decisions (created_at, id);
CREATE INDEX decisions_market_time ON decisions (market, created_at, id);
CREATE INDEX decisions_merchant_time ON decisions (merchant_id, created_at, id);
CREATE INDEX decisions_category_time ON decisions (merchant_category, created_at, id);
CREATE INDEX decisions_threshold_time ON decisions (threshold_version_id, created_at, id);
CREATE INDEX decisions_declined_time ON decisions (created_at, id) WHERE outcome = 'DECLINED';
CREATE INDEX decisions_xid ON decisions (xid);
CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

ALTER TABLE outcome_events ADD CONSTRAINT outcome_events_pkey PRIMARY KEY (decision_id, event_id, decision_created_at);
CREATE INDEX outcome_events_xid ON outcome_events (xid, decision_id);
CREATE TRIGGER outcome_events_append_only BEFORE UPDATE OR DELETE ON outcome_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER outcome_events_no_truncate BEFORE TRUNCATE ON outcome_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The planner needs the new tables' statistics at once (the explorer's filtered pages do).
ANALYZE decisions;
ANALYZE outcome_events;
ANALYZE decision_keys;

-- +goose Down
-- Back to one table each, keeping every row; purged months stay purged.
CREATE TABLE decisions_unpartitioned (LIKE decisions INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
INSERT INTO decisions_unpartitioned SELECT * FROM decisions;
CREATE TABLE outcome_events_unpartitioned (LIKE outcome_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE outcome_events_unpartitioned DROP COLUMN decision_created_at;
INSERT INTO outcome_events_unpartitioned
    SELECT decision_id, event_id, observed_at, status, outstanding_minor, written_off_minor, currency, recorded_at, xid
    FROM outcome_events;
DROP TABLE outcome_events;
DROP TABLE decisions;
DROP TABLE decision_keys;
DROP TABLE purged_months;
DROP FUNCTION purge_decision_keys(date, integer);
DROP FUNCTION purge_month(date, date);
DROP FUNCTION create_month_partitions(timestamptz);
DROP FUNCTION add_month_partitions(timestamptz);
DROP FUNCTION refuse_live_key_delete();
ALTER TABLE decisions_unpartitioned RENAME TO decisions;
ALTER TABLE outcome_events_unpartitioned RENAME TO outcome_events;

ALTER TABLE decisions ADD CONSTRAINT decisions_pkey PRIMARY KEY (id);
ALTER TABLE decisions ADD CONSTRAINT decisions_reference_key UNIQUE (reference);
ALTER TABLE decisions ADD CONSTRAINT decisions_idempotency_key_key UNIQUE (idempotency_key);
ALTER TABLE decisions ADD CONSTRAINT decisions_threshold_version_id_fkey FOREIGN KEY (threshold_version_id) REFERENCES threshold_versions (id);
ALTER TABLE decisions ADD CONSTRAINT decisions_catalog_version_id_fkey FOREIGN KEY (catalog_version_id) REFERENCES catalog_versions (id);
CREATE INDEX decisions_time ON decisions (created_at, id);
CREATE INDEX decisions_market_time ON decisions (market, created_at, id);
CREATE INDEX decisions_merchant_time ON decisions (merchant_id, created_at, id);
CREATE INDEX decisions_category_time ON decisions (merchant_category, created_at, id);
CREATE INDEX decisions_threshold_time ON decisions (threshold_version_id, created_at, id);
CREATE INDEX decisions_declined_time ON decisions (created_at, id) WHERE outcome = 'DECLINED';
CREATE INDEX decisions_xid ON decisions (xid);
CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

ALTER TABLE outcome_events ADD CONSTRAINT outcome_events_pkey PRIMARY KEY (decision_id, event_id);
CREATE INDEX outcome_events_xid ON outcome_events (xid, decision_id);
CREATE TRIGGER outcome_events_append_only BEFORE UPDATE OR DELETE ON outcome_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER outcome_events_no_truncate BEFORE TRUNCATE ON outcome_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
