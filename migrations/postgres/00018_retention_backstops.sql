-- +goose Up
-- The retention path's own checks (issue 18). Review cases and their notices leave with their
-- decision (they hold the shopper's statement); a decision whose review case is undecided is a
-- pending claim and stays; and the functions no longer trust the dates they are given: they
-- refuse a month or a decision whose retention duty runs under the policy in force, whoever
-- calls them with whatever date.

-- decision_id_time is the time a decision's id names: its created_at to the millisecond
-- (decisions_id_time, migration 17).
-- +goose StatementBegin
CREATE FUNCTION decision_id_time(id uuid) RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT to_timestamp(CAST(('x' || translate(left(id::text, 13), '-', ''))::bit(48)::bigint AS double precision) / 1000);
$$;
-- +goose StatementEnd

-- The clock of those checks is the database's, shifted by retention_clock: a row only the owner
-- can write (no other role has any privilege on it), which the tests that play the retention
-- job years ahead set. Without a row it is now().
CREATE TABLE retention_clock (
    id    INTEGER  PRIMARY KEY CHECK (id = 1),
    shift INTERVAL NOT NULL
);

-- retention_floor is market's first month still kept now: the current UTC month less the
-- keep_months of the market's policy in force (its newest version), or 25 without one
-- (retention.DefaultKeepMonths). A month before it is past its duty (retention.Policy.DueAt).
-- +goose StatementBegin
CREATE FUNCTION retention_floor(p_market text) RETURNS date LANGUAGE sql STABLE AS $$
    SELECT CAST(date_trunc('month', (now() + COALESCE((SELECT c.shift FROM retention_clock c), interval '0')) AT TIME ZONE 'UTC')
        - make_interval(months => COALESCE(
        (SELECT p.keep_months FROM retention_policies p WHERE p.market = p_market ORDER BY p.version DESC LIMIT 1), 25)) AS date);
$$;
-- +goose StatementEnd

-- undecided_case is whether decision p_id has a review case not yet decided.
-- +goose StatementBegin
CREATE FUNCTION undecided_case(p_id uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM review_cases c WHERE c.decision_id = p_id AND c.status IN ('OPEN', 'IN_REVIEW', 'PENDING_SECOND_REVIEW'));
$$;
-- +goose StatementEnd

-- A review case or notice may be deleted only with a retention permit for its decision's month,
-- as a decision (migration 15). The console's role has no DELETE on them either (GrantApp).
-- +goose StatementBegin
CREATE FUNCTION refuse_unpermitted_case_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d uuid;
BEGIN
    -- Nested: a condition naming a column the table lacks fails even when not reached.
    IF TG_ARGV[0] = 'case' THEN
        d := OLD.decision_id;
    ELSE
        SELECT c.decision_id INTO d FROM review_cases c WHERE c.id = OLD.case_id;
    END IF;
    IF d IS NOT NULL AND retention_permitted(NULL, decision_id_time(d)) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'DELETE on % is not allowed: rows are append-only, and leave only with their decision by the retention path', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- +goose StatementEnd
REVOKE ALL ON FUNCTION refuse_unpermitted_case_delete() FROM PUBLIC;
CREATE TRIGGER review_cases_permitted_delete BEFORE DELETE ON review_cases
    FOR EACH ROW EXECUTE FUNCTION refuse_unpermitted_case_delete('case');
CREATE TRIGGER review_cases_no_truncate BEFORE TRUNCATE ON review_cases
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
DROP TRIGGER review_notices_append_only ON review_notices;
CREATE TRIGGER review_notices_append_only BEFORE UPDATE ON review_notices
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER review_notices_permitted_delete BEFORE DELETE ON review_notices
    FOR EACH ROW EXECUTE FUNCTION refuse_unpermitted_case_delete('notice');

-- remove_review_cases deletes the review cases of the decisions with ids in [lo, hi) (of p_ids
-- only, unless it is NULL), and their
-- notices, under the calling transaction's permit; it returns how many cases.
-- +goose StatementBegin
CREATE FUNCTION remove_review_cases(lo uuid, hi uuid, p_ids uuid[]) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    DELETE FROM review_notices r USING review_cases c
    WHERE r.case_id = c.id AND c.decision_id >= lo AND c.decision_id < hi AND (p_ids IS NULL OR c.decision_id = ANY (p_ids));
    DELETE FROM review_cases c WHERE c.decision_id >= lo AND c.decision_id < hi AND (p_ids IS NULL OR c.decision_id = ANY (p_ids));
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;
-- +goose StatementEnd
REVOKE ALL ON FUNCTION remove_review_cases(uuid, uuid, uuid[]) FROM PUBLIC;

-- purge_month as in migration 13, and: refused while a market with decisions in the month keeps
-- it under its policy in force, while a hold in force selects one of its decisions, or while one
-- of its decisions has an undecided review case; the month's review cases leave with it.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION purge_month(month date, keep_from date)
    RETURNS TABLE (decisions bigint, outcome_events bigint, digest text, already boolean)
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    suffix text;
    pd     text;
    po     text;
    nd     bigint := 0;
    ne     bigint := 0;
    dig    text := '0000000000000000';
    lo     timestamptz;
    hi     timestamptz;
    kept   text;
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
    lo := month::timestamp AT TIME ZONE 'UTC';
    hi := (month + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    -- The markets of the month, one index probe each (a loose scan of decisions_market_time).
    WITH RECURSIVE m(market) AS (
        (SELECT d.market FROM decisions d WHERE d.created_at >= lo AND d.created_at < hi ORDER BY d.market LIMIT 1)
        UNION ALL
        SELECT (SELECT d.market FROM decisions d WHERE d.market > m.market AND d.created_at >= lo AND d.created_at < hi
                ORDER BY d.market LIMIT 1)
        FROM m WHERE m.market IS NOT NULL)
    SELECT string_agg(m.market, ', ') INTO kept FROM m WHERE m.market IS NOT NULL AND month >= retention_floor(m.market);
    IF kept IS NOT NULL THEN
        RAISE EXCEPTION 'purge_month: the retention duty over % runs in %', to_char(month, 'YYYY-MM'), kept
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    LOCK TABLE legal_holds IN SHARE MODE;
    IF EXISTS (SELECT 1 FROM legal_holds h WHERE h.status = 'SUBMITTED'
                 AND (h.from_at IS NULL OR h.from_at < hi) AND (h.to_at IS NULL OR h.to_at > lo))
       AND EXISTS (SELECT 1 FROM decisions d WHERE d.created_at >= lo AND d.created_at < hi
                     AND legal_hold_selects(d.market, d.created_at, d.shopper_id, d.merchant_id)) THEN
        RAISE EXCEPTION 'purge_month: a legal hold keeps decisions of %', to_char(month, 'YYYY-MM')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM review_cases c WHERE c.decision_id >= month_first_id(month)
                 AND c.decision_id < month_first_id(CAST(month + interval '1 month' AS date))
                 AND undecided_case(c.decision_id)) THEN
        RAISE EXCEPTION 'purge_month: a review case of % is undecided', to_char(month, 'YYYY-MM')
            USING ERRCODE = 'invalid_parameter_value';
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
    INSERT INTO retention_permits (txid, market, month_start, month_end) VALUES (pg_current_xact_id(), '', lo, hi);
    PERFORM remove_review_cases(month_first_id(month), month_first_id(CAST(month + interval '1 month' AS date)), NULL);
    DELETE FROM retention_permits p WHERE p.txid = pg_current_xact_id();
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

-- retention_remove as in migration 15, and: refused for a month whose duty runs under the
-- market's policy in force; decisions with an undecided review case stay; the review cases of
-- the decisions removed leave with them.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION retention_remove(p_market text, p_month date, p_keep_from date, p_anonymise boolean, p_batch integer)
    RETURNS TABLE (decisions bigint, outcome_events bigint, digest text)
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    lo  timestamptz;
    hi  timestamptz;
    ids uuid[];
    nd  bigint := 0;
    ne  bigint := 0;
    dig text := '0000000000000000';
BEGIN
    IF p_market IS NULL OR p_month IS NULL OR p_keep_from IS NULL OR p_anonymise IS NULL OR p_batch IS NULL THEN
        RAISE EXCEPTION 'retention_remove: every argument is required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_market !~ '^[A-Z]{2}$' THEN
        RAISE EXCEPTION 'retention_remove: market must be a two-letter code' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_batch < 1 OR p_batch > 50000 THEN
        RAISE EXCEPTION 'retention_remove: batch must be from 1 to 50000' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF extract(day FROM p_month) <> 1 OR extract(day FROM p_keep_from) <> 1 THEN
        RAISE EXCEPTION 'retention_remove: month and keep_from must be first days of months' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_month >= p_keep_from THEN
        RAISE EXCEPTION 'retention_remove: month % is not older than the retention floor %', to_char(p_month, 'YYYY-MM'), to_char(p_keep_from, 'YYYY-MM')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_month >= CAST(date_trunc('month', now() AT TIME ZONE 'UTC') AS date) THEN
        RAISE EXCEPTION 'retention_remove: month % is the current month or later', to_char(p_month, 'YYYY-MM')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_month >= retention_floor(p_market) THEN
        RAISE EXCEPTION 'retention_remove: % of % is under its retention duty (% keeps its months from %)', to_char(p_month, 'YYYY-MM'), p_market,
            p_market, to_char(retention_floor(p_market), 'YYYY-MM')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    lo := p_month::timestamp AT TIME ZONE 'UTC';
    hi := (p_month + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    LOCK TABLE legal_holds IN SHARE MODE;
    SELECT array_agg(c.id) INTO ids FROM (
        SELECT d.id FROM decisions d
        WHERE d.market = p_market AND d.created_at >= lo AND d.created_at < hi
          AND NOT legal_hold_selects(d.market, d.created_at, d.shopper_id, d.merchant_id)
          AND NOT undecided_case(d.id)
        LIMIT p_batch) c;
    IF ids IS NULL THEN
        RETURN QUERY SELECT nd, ne, dig;
        RETURN;
    END IF;
    INSERT INTO retention_permits (txid, market, month_start, month_end) VALUES (pg_current_xact_id(), p_market, lo, hi);
    IF p_anonymise THEN
        INSERT INTO anonymised_decisions (market, decision_month, kind, channel, merchant_id, merchant_name, merchant_category,
                                          currency, amount_band, outcome, reasons, anonymised_at)
        SELECT d.market, p_month, d.kind, d.channel, d.merchant_id, d.merchant_name, d.merchant_category, d.currency,
               (SELECT b.label FROM amount_bands b WHERE b.lower_minor <= d.amount_minor ORDER BY b.lower_minor DESC LIMIT 1),
               d.outcome, d.reasons, now()
        FROM decisions d WHERE d.id = ANY (ids) AND d.created_at >= lo AND d.created_at < hi;
    END IF;
    PERFORM remove_review_cases(month_first_id(p_month), month_first_id(CAST(p_month + interval '1 month' AS date)), ids);
    WITH gone AS (DELETE FROM outcome_events e WHERE e.decision_id = ANY (ids)
                  AND e.decision_created_at >= lo AND e.decision_created_at < hi RETURNING 1)
    SELECT count(*) INTO ne FROM gone;
    WITH gone AS (DELETE FROM decisions d WHERE d.id = ANY (ids) AND d.created_at >= lo AND d.created_at < hi RETURNING d.id)
    SELECT count(*), lpad(to_hex(COALESCE(bit_xor(('x' || encode(substr(uuid_send(gone.id), 9), 'hex'))::bit(64)::bigint), 0)), 16, '0')
        INTO nd, dig FROM gone;
    DELETE FROM decision_keys k WHERE k.decision_id = ANY (ids);
    DELETE FROM retention_permits p WHERE p.txid = pg_current_xact_id();
    RETURN QUERY SELECT nd, ne, dig;
END;
$$;
-- +goose StatementEnd

-- erase_shopper_decisions as in migration 16, and refused when one of the decisions named is
-- still under its market's retention duty.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION erase_shopper_decisions(p_shopper text, p_before timestamptz, p_ids uuid[], p_seals text[])
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    n bigint;
BEGIN
    IF p_shopper IS NULL OR p_shopper = '' OR p_before IS NULL OR p_ids IS NULL OR p_seals IS NULL THEN
        RAISE EXCEPTION 'erase_shopper_decisions: shopper, date, ids and seals are required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF cardinality(p_ids) <> cardinality(p_seals) OR cardinality(p_ids) > 100000 THEN
        RAISE EXCEPTION 'erase_shopper_decisions: one seal per id, at most 100000' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_before > now() THEN
        RAISE EXCEPTION 'erase_shopper_decisions: the date is in the future' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM decisions d
               WHERE d.id = ANY (p_ids) AND d.shopper_id = p_shopper
                 AND d.created_at >= retention_floor(d.market)::timestamp AT TIME ZONE 'UTC') THEN
        RAISE EXCEPTION 'erase_shopper_decisions: the retention duty over some of these decisions runs' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- A hold placed meanwhile waits for this transaction, and none in force may select these.
    LOCK TABLE legal_holds IN SHARE MODE;
    IF EXISTS (SELECT 1 FROM decisions d
               WHERE d.id = ANY (p_ids) AND d.shopper_id = p_shopper
                 AND legal_hold_selects(d.market, d.created_at, d.shopper_id, d.merchant_id)) THEN
        RAISE EXCEPTION 'erase_shopper_decisions: a legal hold keeps some of these decisions' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM set_config('riskconsole.erasing', p_shopper, true);
    UPDATE decisions d SET shopper_id = '', request_hash = '', seal = u.seal
    FROM unnest(p_ids, p_seals) AS u(id, seal)
    WHERE d.shopper_id = p_shopper AND d.created_at < p_before AND d.id = u.id;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('riskconsole.erasing', '', true);
    IF n <> cardinality(p_ids) THEN
        RAISE EXCEPTION 'erase_shopper_decisions: % of the % decisions named are the shopper''s before the date', n, cardinality(p_ids)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN n;
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['decision_id_time(uuid)', 'retention_floor(text)', 'undecided_case(uuid)', 'refuse_unpermitted_case_delete()',
                             'remove_review_cases(uuid, uuid, uuid[])', 'purge_month(date, date)',
                             'retention_remove(text, date, date, boolean, integer)', 'erase_shopper_decisions(text, timestamptz, uuid[], text[])'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
    END LOOP;
END;
$$;
-- +goose StatementEnd

-- +goose Down
-- The definitions of migrations 13, 15 and 16 again.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION purge_month(month date, keep_from date)
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
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION retention_remove(p_market text, p_month date, p_keep_from date, p_anonymise boolean, p_batch integer)
    RETURNS TABLE (decisions bigint, outcome_events bigint, digest text)
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    lo  timestamptz;
    hi  timestamptz;
    ids uuid[];
    nd  bigint := 0;
    ne  bigint := 0;
    dig text := '0000000000000000';
BEGIN
    IF p_market IS NULL OR p_month IS NULL OR p_keep_from IS NULL OR p_anonymise IS NULL OR p_batch IS NULL THEN
        RAISE EXCEPTION 'retention_remove: every argument is required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_market !~ '^[A-Z]{2}$' THEN
        RAISE EXCEPTION 'retention_remove: market must be a two-letter code' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_batch < 1 OR p_batch > 50000 THEN
        RAISE EXCEPTION 'retention_remove: batch must be from 1 to 50000' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF extract(day FROM p_month) <> 1 OR extract(day FROM p_keep_from) <> 1 THEN
        RAISE EXCEPTION 'retention_remove: month and keep_from must be first days of months' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_month >= p_keep_from THEN
        RAISE EXCEPTION 'retention_remove: month % is not older than the retention floor %', to_char(p_month, 'YYYY-MM'), to_char(p_keep_from, 'YYYY-MM')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_month >= CAST(date_trunc('month', now() AT TIME ZONE 'UTC') AS date) THEN
        RAISE EXCEPTION 'retention_remove: month % is the current month or later', to_char(p_month, 'YYYY-MM')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    lo := p_month::timestamp AT TIME ZONE 'UTC';
    hi := (p_month + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    LOCK TABLE legal_holds IN SHARE MODE;
    SELECT array_agg(c.id) INTO ids FROM (
        SELECT d.id FROM decisions d
        WHERE d.market = p_market AND d.created_at >= lo AND d.created_at < hi
          AND NOT legal_hold_selects(d.market, d.created_at, d.shopper_id, d.merchant_id)
        LIMIT p_batch) c;
    IF ids IS NULL THEN
        RETURN QUERY SELECT nd, ne, dig;
        RETURN;
    END IF;
    INSERT INTO retention_permits (txid, market, month_start, month_end) VALUES (pg_current_xact_id(), p_market, lo, hi);
    IF p_anonymise THEN
        INSERT INTO anonymised_decisions (market, decision_month, kind, channel, merchant_id, merchant_name, merchant_category,
                                          currency, amount_band, outcome, reasons, anonymised_at)
        SELECT d.market, p_month, d.kind, d.channel, d.merchant_id, d.merchant_name, d.merchant_category, d.currency,
               (SELECT b.label FROM amount_bands b WHERE b.lower_minor <= d.amount_minor ORDER BY b.lower_minor DESC LIMIT 1),
               d.outcome, d.reasons, now()
        FROM decisions d WHERE d.id = ANY (ids) AND d.created_at >= lo AND d.created_at < hi;
    END IF;
    WITH gone AS (DELETE FROM outcome_events e WHERE e.decision_id = ANY (ids)
                  AND e.decision_created_at >= lo AND e.decision_created_at < hi RETURNING 1)
    SELECT count(*) INTO ne FROM gone;
    WITH gone AS (DELETE FROM decisions d WHERE d.id = ANY (ids) AND d.created_at >= lo AND d.created_at < hi RETURNING d.id)
    SELECT count(*), lpad(to_hex(COALESCE(bit_xor(('x' || encode(substr(uuid_send(gone.id), 9), 'hex'))::bit(64)::bigint), 0)), 16, '0')
        INTO nd, dig FROM gone;
    DELETE FROM decision_keys k WHERE k.decision_id = ANY (ids);
    DELETE FROM retention_permits p WHERE p.txid = pg_current_xact_id();
    RETURN QUERY SELECT nd, ne, dig;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION erase_shopper_decisions(p_shopper text, p_before timestamptz, p_ids uuid[], p_seals text[])
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    n bigint;
BEGIN
    IF p_shopper IS NULL OR p_shopper = '' OR p_before IS NULL OR p_ids IS NULL OR p_seals IS NULL THEN
        RAISE EXCEPTION 'erase_shopper_decisions: shopper, date, ids and seals are required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF cardinality(p_ids) <> cardinality(p_seals) OR cardinality(p_ids) > 100000 THEN
        RAISE EXCEPTION 'erase_shopper_decisions: one seal per id, at most 100000' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_before > now() THEN
        RAISE EXCEPTION 'erase_shopper_decisions: the date is in the future' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- A hold placed meanwhile waits for this transaction, and none in force may select these.
    LOCK TABLE legal_holds IN SHARE MODE;
    IF EXISTS (SELECT 1 FROM decisions d
               WHERE d.id = ANY (p_ids) AND d.shopper_id = p_shopper
                 AND legal_hold_selects(d.market, d.created_at, d.shopper_id, d.merchant_id)) THEN
        RAISE EXCEPTION 'erase_shopper_decisions: a legal hold keeps some of these decisions' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM set_config('riskconsole.erasing', p_shopper, true);
    UPDATE decisions d SET shopper_id = '', request_hash = '', seal = u.seal
    FROM unnest(p_ids, p_seals) AS u(id, seal)
    WHERE d.shopper_id = p_shopper AND d.created_at < p_before AND d.id = u.id;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('riskconsole.erasing', '', true);
    IF n <> cardinality(p_ids) THEN
        RAISE EXCEPTION 'erase_shopper_decisions: % of the % decisions named are the shopper''s before the date', n, cardinality(p_ids)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN n;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['purge_month(date, date)', 'retention_remove(text, date, date, boolean, integer)',
                             'erase_shopper_decisions(text, timestamptz, uuid[], text[])'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
    END LOOP;
END;
$$;
-- +goose StatementEnd
DROP TRIGGER review_notices_permitted_delete ON review_notices;
DROP TRIGGER review_notices_append_only ON review_notices;
CREATE TRIGGER review_notices_append_only BEFORE UPDATE OR DELETE ON review_notices
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
DROP TRIGGER review_cases_no_truncate ON review_cases;
DROP TRIGGER review_cases_permitted_delete ON review_cases;
DROP FUNCTION remove_review_cases(uuid, uuid, uuid[]);
DROP FUNCTION refuse_unpermitted_case_delete();
DROP FUNCTION undecided_case(uuid);
DROP FUNCTION retention_floor(text);
DROP TABLE retention_clock;
DROP FUNCTION decision_id_time(uuid);
