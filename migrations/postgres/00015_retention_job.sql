-- +goose Up
-- The retention job (issue 18): what it needs beyond purge_month, which drops a whole month of
-- every market. When some market's month must stay (its duty runs, a hold keeps some of it, or
-- its policy anonymises), the job removes one market's due rows of a month in bounded batches
-- through retention_remove, run by the retention role only. The README's "Retention job" says
-- why each choice was made.

-- Decisions kept for statistics after their market's retention ends under ANONYMISE: no id, no
-- reference, no shopper, no factor values; the month, not the instant; the amount as a band.
-- Written by retention_remove only (the console's role may read them).
CREATE TABLE anonymised_decisions (
    id                BIGSERIAL   PRIMARY KEY,
    market            TEXT        NOT NULL,
    decision_month    DATE        NOT NULL CHECK (extract(day FROM decision_month) = 1),
    kind              TEXT        NOT NULL,
    channel           TEXT        NOT NULL,
    merchant_id       TEXT        NOT NULL,
    merchant_name     TEXT        NOT NULL,
    merchant_category TEXT        NOT NULL,
    currency          TEXT        NOT NULL,
    amount_band       TEXT        NOT NULL,
    outcome           TEXT        NOT NULL,
    reasons           TEXT        NOT NULL,
    anonymised_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX anonymised_decisions_market_month ON anonymised_decisions (market, decision_month);
CREATE TRIGGER anonymised_decisions_append_only BEFORE UPDATE OR DELETE ON anonymised_decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER anonymised_decisions_no_truncate BEFORE TRUNCATE ON anonymised_decisions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The amount bands of anonymised decisions, in minor units of the decision's currency: a band is
-- [lower_minor, the next band's lower_minor). The one declaration of them on PostgreSQL.
CREATE TABLE amount_bands (
    lower_minor BIGINT PRIMARY KEY CHECK (lower_minor >= 0),
    label       TEXT   NOT NULL UNIQUE
);
INSERT INTO amount_bands (lower_minor, label) VALUES
    (0, '0-50'), (5000, '50-100'), (10000, '100-250'), (25000, '250-500'), (50000, '500-1000'),
    (100000, '1000-2500'), (250000, '2500-5000'), (500000, '5000+');
CREATE TRIGGER amount_bands_append_only BEFORE UPDATE OR DELETE ON amount_bands
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The job's turn and its last run, one row: a server takes the row FOR UPDATE SKIP LOCKED, as
-- the rollups take rollup_state, and holds the turn until lease_until. Reporting only: the audit
-- log is the record of what was removed.
CREATE TABLE retention_job_state (
    id               INTEGER     PRIMARY KEY CHECK (id = 1),
    holder           TEXT        NOT NULL DEFAULT '',
    lease_until      TIMESTAMPTZ,
    next_run_at      TIMESTAMPTZ,
    last_started_at  TIMESTAMPTZ,
    last_finished_at TIMESTAMPTZ,
    last_success_at  TIMESTAMPTZ,
    last_error       TEXT        NOT NULL DEFAULT '',
    last_removed     TEXT        NOT NULL DEFAULT '[]'
);
INSERT INTO retention_job_state (id) VALUES (1);

-- Permits of the transaction running retention_remove: a DELETE of a decision, its events or its
-- key passes the triggers only with one for the row's market and month in the deleting
-- transaction. Only the owner writes them (retention_remove inserts and removes its own); no
-- other role has any privilege on the table.
CREATE TABLE retention_permits (
    txid        xid8        NOT NULL,
    market      TEXT        NOT NULL,
    month_start TIMESTAMPTZ NOT NULL,
    month_end   TIMESTAMPTZ NOT NULL
);

-- retention_permitted reports whether the current transaction holds a permit for market (NULL:
-- any) at instant at. It runs as the owner, so that a trigger may ask whatever role deletes.
-- +goose StatementBegin
CREATE FUNCTION retention_permitted(p_market text, at timestamptz) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT EXISTS (SELECT 1 FROM retention_permits p
                   WHERE p.txid = pg_current_xact_id_if_assigned()
                     AND (p_market IS NULL OR p.market = p_market)
                     AND at >= p.month_start AND at < p.month_end);
$$;
-- +goose StatementEnd
REVOKE ALL ON FUNCTION retention_permitted(text, timestamptz) FROM PUBLIC;

-- The DELETE triggers of decisions and outcome_events: refused unless permitted. UPDATE stays
-- refused by refuse_change, which is also how GrantApp tells these tables are history.
-- +goose StatementBegin
CREATE FUNCTION refuse_unpermitted_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Nested: a condition naming a column the table lacks fails even when not reached.
    IF TG_ARGV[0] = 'decision' THEN
        IF retention_permitted(OLD.market, OLD.created_at) THEN
            RETURN OLD;
        END IF;
    ELSIF retention_permitted(NULL, OLD.decision_created_at) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'DELETE on % is not allowed: rows are append-only', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- +goose StatementEnd
DROP TRIGGER decisions_append_only ON decisions;
CREATE TRIGGER decisions_append_only BEFORE UPDATE ON decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER decisions_permitted_delete BEFORE DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_unpermitted_delete('decision');
DROP TRIGGER outcome_events_append_only ON outcome_events;
CREATE TRIGGER outcome_events_append_only BEFORE UPDATE ON outcome_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER outcome_events_permitted_delete BEFORE DELETE ON outcome_events
    FOR EACH ROW EXECUTE FUNCTION refuse_unpermitted_delete('event');

-- A decision's key may go once its month was purged (migration 13) or with a permit.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION refuse_live_key_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    live uuid;
BEGIN
    SELECT g.decision_id INTO live FROM gone g
    WHERE NOT EXISTS (SELECT 1 FROM purged_months p
                      WHERE p.month = CAST(date_trunc('month', g.created_at AT TIME ZONE 'UTC') AS date))
      AND NOT retention_permitted(NULL, g.created_at)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'DELETE on % is not allowed: the month of decision % has not been purged', TG_TABLE_NAME, live
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

-- legal_hold_selects reports whether a legal hold in force selects a decision of market made at at
-- by shopper at merchant (retention.Filter's rule): the one statement of it the retention path's
-- functions share. Plain SQL, so that the planner inlines it into their queries.
-- +goose StatementBegin
CREATE FUNCTION legal_hold_selects(p_market text, at timestamptz, p_shopper text, p_merchant text) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM legal_holds h
                   WHERE h.status = 'SUBMITTED'
                     AND (h.market = '' OR h.market = p_market)
                     AND (h.from_at IS NULL OR at >= h.from_at)
                     AND (h.to_at IS NULL OR at < h.to_at)
                     AND (h.shopper_id = '' OR h.shopper_id = p_shopper)
                     AND (h.merchant_id = '' OR h.merchant_id = p_merchant));
$$;
-- +goose StatementEnd
REVOKE ALL ON FUNCTION legal_hold_selects(text, timestamptz, text, text) FROM PUBLIC;

-- retention_remove removes up to batch decisions of one market's month older than keep_from (the
-- market's first month kept, from the plan) and than the current month, with their outcome
-- events and keys, skipping every decision a legal hold in force selects; with anonymise it
-- first copies them, stripped, into anonymised_decisions. It returns what it removed: the
-- decisions, their events and the decisions' digest (as purge_month's). The caller records it
-- in the audit log in the same transaction, and calls again until it returns 0. legal_holds is
-- locked in SHARE mode until the transaction ends, so a hold placed meanwhile waits for the
-- batch and is seen by the next. Only the retention role may run it (GrantRetention).
-- +goose StatementBegin
CREATE FUNCTION retention_remove(p_market text, p_month date, p_keep_from date, p_anonymise boolean, p_batch integer)
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
REVOKE ALL ON FUNCTION retention_remove(text, date, date, boolean, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION refuse_unpermitted_delete() FROM PUBLIC;

-- +goose StatementBegin
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['retention_permitted(text, timestamptz)', 'refuse_unpermitted_delete()',
                             'legal_hold_selects(text, timestamptz, text, text)',
                             'refuse_live_key_delete()', 'retention_remove(text, date, date, boolean, integer)'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
    END LOOP;
END;
$$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION retention_remove(text, date, date, boolean, integer);
DROP FUNCTION legal_hold_selects(text, timestamptz, text, text);
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION refuse_live_key_delete() RETURNS trigger LANGUAGE plpgsql AS $$
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
-- +goose StatementBegin
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION refuse_live_key_delete() SET search_path = %I, pg_temp', current_schema());
END;
$$;
-- +goose StatementEnd
DROP TRIGGER outcome_events_permitted_delete ON outcome_events;
DROP TRIGGER outcome_events_append_only ON outcome_events;
CREATE TRIGGER outcome_events_append_only BEFORE UPDATE OR DELETE ON outcome_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
DROP TRIGGER decisions_permitted_delete ON decisions;
DROP TRIGGER decisions_append_only ON decisions;
CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
DROP FUNCTION refuse_unpermitted_delete();
DROP FUNCTION retention_permitted(text, timestamptz);
DROP TABLE retention_permits;
DROP TABLE retention_job_state;
DROP TABLE amount_bands;
DROP TABLE anonymised_decisions;
