-- +goose Up
-- Erasure of a shopper (issue 18, GDPR art. 17). An erasure unlinks a shopper from their
-- decisions: it rewrites shopper_id and request_hash (a hash over the request that includes the
-- shopper id, so a guessed id could re-link it) to '' and gives the row a new seal, computed by
-- the console, which alone holds the seal key. The decision, its outcome and reasons stay.
-- Only erase_shopper_decisions may do it, and only the retention role may run it.

-- The erasure requests. shopper_ref is the console's keyed hash (HMAC) of the shopper id: it finds
-- a waiting request again and de-duplicates a repeated one. shopper_id is the plain id, kept only
-- while the request waits (SCHEDULED: a retention duty runs; HELD: a legal hold applies), because
-- carrying it out must find the decisions; it is NULL once the request is carried out (NOW_DONE:
-- at once; DONE: later). erased_now counts the decisions unlinked when it was made, erased_later
-- those unlinked since.
CREATE TABLE erasure_requests (
    id           BIGSERIAL   PRIMARY KEY,
    shopper_ref  TEXT        NOT NULL,
    shopper_id   TEXT,
    reference    TEXT        NOT NULL DEFAULT '',
    requested_by TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    state        TEXT        NOT NULL CHECK (state IN ('NOW_DONE', 'SCHEDULED', 'HELD', 'DONE')),
    due_at       TIMESTAMPTZ,
    erased_now   BIGINT      NOT NULL DEFAULT 0 CHECK (erased_now >= 0),
    erased_later BIGINT      NOT NULL DEFAULT 0 CHECK (erased_later >= 0),
    done_at      TIMESTAMPTZ,
    CONSTRAINT erasure_requests_plain_while_waiting CHECK ((state IN ('SCHEDULED', 'HELD')) = (shopper_id IS NOT NULL)),
    CONSTRAINT erasure_requests_done CHECK ((state IN ('NOW_DONE', 'DONE')) = (done_at IS NOT NULL)),
    CONSTRAINT erasure_requests_due CHECK (state <> 'SCHEDULED' OR due_at IS NOT NULL)
);
-- One waiting request per shopper: a repeated request finds it.
CREATE UNIQUE INDEX erasure_requests_waiting ON erasure_requests (shopper_ref) WHERE state IN ('SCHEDULED', 'HELD');
-- CarryOutDue walks the waiting requests in order of their date.
CREATE INDEX erasure_requests_waiting_due ON erasure_requests (due_at, id) WHERE state IN ('SCHEDULED', 'HELD');

-- A request is never removed; only a waiting one changes, and only its state, date, later count,
-- completion and plain id (to NULL).
-- +goose StatementBegin
CREATE FUNCTION erasure_requests_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
        RAISE EXCEPTION '% on erasure_requests is not allowed: a request is carried out, never removed', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.state NOT IN ('SCHEDULED', 'HELD') THEN
        RAISE EXCEPTION 'UPDATE of erasure request %: it was carried out', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.id, NEW.shopper_ref, NEW.reference, NEW.requested_by, NEW.requested_at, NEW.erased_now)
       IS DISTINCT FROM (OLD.id, OLD.shopper_ref, OLD.reference, OLD.requested_by, OLD.requested_at, OLD.erased_now)
       OR (NEW.shopper_id IS NOT NULL AND NEW.shopper_id <> OLD.shopper_id)
       OR NEW.erased_later < OLD.erased_later THEN
        RAISE EXCEPTION 'UPDATE of erasure request %: only its progress may change', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER erasure_requests_guard BEFORE UPDATE OR DELETE ON erasure_requests
    FOR EACH ROW EXECUTE FUNCTION erasure_requests_guard();
CREATE TRIGGER erasure_requests_no_truncate BEFORE TRUNCATE ON erasure_requests
    FOR EACH STATEMENT EXECUTE FUNCTION erasure_requests_guard();

-- Decisions stay append-only: refuse_change still refuses every UPDATE (which keeps them listed
-- as history, so the console's role holds SELECT and INSERT only; DELETE is migration 15's
-- permitted delete) but one made inside erase_shopper_decisions, whose transaction-local setting
-- names the row's shopper; decisions_erasure_only then lets it through only from that shopper to
-- '', with the request hash emptied, and no other column but the seal changed. The setting alone
-- grants nothing: only a role with UPDATE on decisions (the owner, through the function) gets
-- this far.
DROP TRIGGER decisions_append_only ON decisions;
CREATE TRIGGER decisions_append_only BEFORE UPDATE ON decisions FOR EACH ROW
    WHEN (OLD.shopper_id = '' OR current_setting('riskconsole.erasing', true) IS DISTINCT FROM OLD.shopper_id)
    EXECUTE FUNCTION refuse_change();
-- +goose StatementBegin
CREATE FUNCTION decisions_erasure_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    new_seal text := NEW.seal;
BEGIN
    IF OLD.shopper_id <> '' AND NEW.shopper_id = '' AND NEW.request_hash = ''
       AND current_setting('riskconsole.erasing', true) = OLD.shopper_id THEN
        -- Every other column as it was: compare the rows with the three put back.
        NEW.shopper_id := OLD.shopper_id;
        NEW.request_hash := OLD.request_hash;
        NEW.seal := OLD.seal;
        IF NEW IS NOT DISTINCT FROM OLD THEN
            NEW.shopper_id := '';
            NEW.request_hash := '';
            NEW.seal := new_seal;
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'UPDATE on % is not allowed: rows are append-only (an erasure only unlinks the shopper)', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER decisions_erasure_only BEFORE UPDATE ON decisions
    FOR EACH ROW EXECUTE FUNCTION decisions_erasure_only();

-- erase_shopper_decisions unlinks the decisions p_ids of shopper p_shopper made before p_before,
-- giving each the seal of the same position in p_seals (computed by the console over the erased
-- row), and returns how many it changed. Every id must be one of that shopper's decisions before
-- p_before, or nothing changes. Only the retention role may run it (GrantRetention).
-- +goose StatementBegin
CREATE FUNCTION erase_shopper_decisions(p_shopper text, p_before timestamptz, p_ids uuid[], p_seals text[])
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
REVOKE ALL ON FUNCTION erase_shopper_decisions(text, timestamptz, uuid[], text[]) FROM PUBLIC;
-- +goose StatementBegin
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['erase_shopper_decisions(text, timestamptz, uuid[], text[])', 'decisions_erasure_only()', 'erasure_requests_guard()'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
    END LOOP;
END;
$$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION erase_shopper_decisions(text, timestamptz, uuid[], text[]);
DROP TRIGGER decisions_erasure_only ON decisions;
DROP FUNCTION decisions_erasure_only();
DROP TRIGGER decisions_append_only ON decisions;
CREATE TRIGGER decisions_append_only BEFORE UPDATE ON decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
DROP TABLE erasure_requests;
DROP FUNCTION erasure_requests_guard();
