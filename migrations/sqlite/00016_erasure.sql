-- +goose Up
-- Erasure of a shopper (issue 18; see the PostgreSQL migration for the columns). SQLite has no
-- roles: the one UPDATE of decisions allowed is the erasure's, inside a transaction that holds an
-- erasure permit for the shopper (store.EraseShopperDecisions inserts it and deletes it again
-- before it commits), from that shopper to '' with the request hash emptied. The seal covers
-- every other column: changing one turns verifyDecisions red.
CREATE TABLE erasure_requests (
    id           INTEGER  PRIMARY KEY AUTOINCREMENT,
    shopper_ref  TEXT     NOT NULL,
    shopper_id   TEXT,
    reference    TEXT     NOT NULL DEFAULT '',
    requested_by TEXT     NOT NULL,
    requested_at DATETIME NOT NULL,
    state        TEXT     NOT NULL CHECK (state IN ('NOW_DONE', 'SCHEDULED', 'HELD', 'DONE')),
    due_at       DATETIME,
    erased_now   INTEGER  NOT NULL DEFAULT 0 CHECK (erased_now >= 0),
    erased_later INTEGER  NOT NULL DEFAULT 0 CHECK (erased_later >= 0),
    done_at      DATETIME,
    CONSTRAINT erasure_requests_plain_while_waiting CHECK ((state IN ('SCHEDULED', 'HELD')) = (shopper_id IS NOT NULL)),
    CONSTRAINT erasure_requests_done CHECK ((state IN ('NOW_DONE', 'DONE')) = (done_at IS NOT NULL)),
    CONSTRAINT erasure_requests_due CHECK (state <> 'SCHEDULED' OR due_at IS NOT NULL)
);
CREATE UNIQUE INDEX erasure_requests_waiting ON erasure_requests (shopper_ref) WHERE state IN ('SCHEDULED', 'HELD');
CREATE INDEX erasure_requests_waiting_due ON erasure_requests (due_at, id) WHERE state IN ('SCHEDULED', 'HELD');
-- +goose StatementBegin
CREATE TRIGGER erasure_requests_no_delete BEFORE DELETE ON erasure_requests
BEGIN
    SELECT RAISE(ABORT, 'DELETE on erasure_requests is not allowed: a request is carried out, never removed');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER erasure_requests_progress_only BEFORE UPDATE ON erasure_requests
WHEN OLD.state NOT IN ('SCHEDULED', 'HELD') OR NEW.id <> OLD.id OR NEW.shopper_ref <> OLD.shopper_ref
  OR NEW.reference <> OLD.reference OR NEW.requested_by <> OLD.requested_by OR NEW.requested_at <> OLD.requested_at
  OR NEW.erased_now <> OLD.erased_now OR NEW.erased_later < OLD.erased_later
  OR (NEW.shopper_id IS NOT NULL AND NEW.shopper_id <> OLD.shopper_id)
BEGIN
    SELECT RAISE(ABORT, 'UPDATE of erasure_requests: only a waiting request''s progress may change');
END;
-- +goose StatementEnd

CREATE TABLE erasure_permits (shopper_id TEXT NOT NULL);
DROP TRIGGER decisions_no_update;
-- +goose StatementBegin
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
WHEN NOT (OLD.shopper_id <> '' AND NEW.shopper_id = '' AND NEW.request_hash = ''
          AND EXISTS (SELECT 1 FROM erasure_permits p WHERE p.shopper_id = OLD.shopper_id))
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on decisions is not allowed: rows are append-only');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER decisions_no_update;
-- +goose StatementBegin
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on decisions is not allowed: rows are append-only');
END;
-- +goose StatementEnd
DROP TABLE erasure_permits;
DROP TABLE erasure_requests;
