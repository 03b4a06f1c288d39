-- +goose Up
-- The purge primitive on SQLite (issue 18; the PostgreSQL migration partitions the tables by
-- month instead). SQLite has no partitions and no roles: a month leaves by DELETEs in bounded
-- batches (store.PurgeMonth), and the append-only triggers let a DELETE through only inside a
-- transaction that holds a purge permit for the row's month. The purge inserts the permit and
-- deletes it again before it commits, so no other transaction ever sees one.
CREATE TABLE purge_permits (
    month_start DATETIME NOT NULL,
    month_end   DATETIME NOT NULL
);

-- The months purged or being purged: the purge commits batch by batch, so a month is PURGING
-- until its last batch, whose transaction marks it PURGED.
CREATE TABLE purged_months (
    month          DATETIME PRIMARY KEY,
    decisions      INTEGER  NOT NULL,
    outcome_events INTEGER  NOT NULL,
    digest         TEXT     NOT NULL,
    purged_at      DATETIME NOT NULL,
    state          TEXT     NOT NULL CHECK (state IN ('PURGING', 'PURGED'))
);

-- An outcome event carries its decision's created_at, as on PostgreSQL (where it is the partition
-- key): the purge permit of a month covers the events of the month's decisions.
ALTER TABLE outcome_events ADD COLUMN decision_created_at DATETIME NOT NULL DEFAULT '';
DROP TRIGGER outcome_events_no_update;
UPDATE outcome_events SET decision_created_at = (SELECT d.created_at FROM decisions d WHERE d.id = outcome_events.decision_id);
-- +goose StatementBegin
CREATE TRIGGER outcome_events_no_update BEFORE UPDATE ON outcome_events
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on outcome_events is not allowed: rows are append-only');
END;
-- +goose StatementEnd

DROP TRIGGER decisions_no_delete;
-- +goose StatementBegin
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
WHEN NOT EXISTS (SELECT 1 FROM purge_permits p WHERE OLD.created_at >= p.month_start AND OLD.created_at < p.month_end)
BEGIN
    SELECT RAISE(ABORT, 'DELETE on decisions is not allowed: rows are append-only');
END;
-- +goose StatementEnd
DROP TRIGGER outcome_events_no_delete;
-- +goose StatementBegin
CREATE TRIGGER outcome_events_no_delete BEFORE DELETE ON outcome_events
WHEN NOT EXISTS (SELECT 1 FROM purge_permits p WHERE OLD.decision_created_at >= p.month_start AND OLD.decision_created_at < p.month_end)
BEGIN
    SELECT RAISE(ABORT, 'DELETE on outcome_events is not allowed: rows are append-only');
END;
-- +goose StatementEnd

-- The keys of every decision, as PostgreSQL's decision_keys table holds them: here decisions'
-- own unique columns keep them unique, so a view gives the store one query for both databases.
CREATE VIEW decision_keys AS SELECT id AS decision_id, idempotency_key, reference, created_at FROM decisions;

-- +goose Down
DROP VIEW decision_keys;
DROP TRIGGER outcome_events_no_delete;
-- +goose StatementBegin
CREATE TRIGGER outcome_events_no_delete BEFORE DELETE ON outcome_events
BEGIN
    SELECT RAISE(ABORT, 'DELETE on outcome_events is not allowed: rows are append-only');
END;
-- +goose StatementEnd
DROP TRIGGER decisions_no_delete;
-- +goose StatementBegin
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'DELETE on decisions is not allowed: rows are append-only');
END;
-- +goose StatementEnd
ALTER TABLE outcome_events DROP COLUMN decision_created_at;
DROP TABLE purged_months;
DROP TABLE purge_permits;
