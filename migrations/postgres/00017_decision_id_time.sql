-- +goose Up
-- A decision's id names its month (issue 18). Ids are UUIDv7 whose first 48 bits are the
-- millisecond of created_at (decisions.NewID), so the store reads decisions and outcome events by
-- id a month at a time, each statement pruned to one partition when planned, instead of looking
-- every id up in decision_keys first (store.idMonths). This constraint holds every row to it,
-- whoever writes: a decision whose id named another month could not be found by its id.
ALTER TABLE decisions ADD CONSTRAINT decisions_id_time CHECK (
    substr(id::text, 15, 1) = '7'
    AND ('x' || translate(left(id::text, 13), '-', ''))::bit(48)::bigint = floor(extract(epoch FROM created_at) * 1000));

-- The keys of a purged month are found along the primary key, the range of ids of the month,
-- instead of an index of their time that every assessment paid for.
DROP INDEX decision_keys_time;

-- +goose StatementBegin
CREATE FUNCTION month_first_id(month date) RETURNS uuid LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CAST(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-0000-0000-000000000000' AS uuid)
    FROM (SELECT lpad(to_hex(CAST(extract(epoch FROM month::timestamp AT TIME ZONE 'UTC') * 1000 AS bigint)), 12, '0') AS h) t;
$$;
-- +goose StatementEnd

-- purge_decision_keys deletes up to batch keys of a purged month (row locks on decision_keys
-- only) and returns how many; the retention role calls it until it returns 0.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION purge_decision_keys(month date, batch integer) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
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
            WHERE k.decision_id >= month_first_id(month)
              AND k.decision_id < month_first_id(CAST(month + interval '1 month' AS date))
            LIMIT batch)
        RETURNING 1)
    SELECT count(*) INTO n FROM gone;
    RETURN n;
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION purge_decision_keys(date, integer) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION month_first_id(date) SET search_path = %I, pg_temp', current_schema());
END;
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION purge_decision_keys(month date, batch integer) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
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
-- +goose StatementBegin
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION purge_decision_keys(date, integer) SET search_path = %I, pg_temp', current_schema());
END;
$$;
-- +goose StatementEnd
DROP FUNCTION month_first_id(date);
CREATE INDEX decision_keys_time ON decision_keys (created_at);
ALTER TABLE decisions DROP CONSTRAINT decisions_id_time;
