-- +goose Up
-- The retention job (issue 18) on SQLite: the anonymised decisions, the amount bands and the
-- job's state, as on PostgreSQL. There are no roles here: one market's rows of a month are
-- deleted in batches under a purge permit of migration 13 (store.RemoveMarketMonth), each batch
-- one transaction with its audit event.

-- Decisions kept for statistics after their market's retention ends under ANONYMISE: no id, no
-- reference, no shopper, no factor values; the month, not the instant; the amount as a band.
CREATE TABLE anonymised_decisions (
    id                INTEGER  PRIMARY KEY AUTOINCREMENT,
    market            TEXT     NOT NULL,
    decision_month    DATETIME NOT NULL,
    kind              TEXT     NOT NULL,
    channel           TEXT     NOT NULL,
    merchant_id       TEXT     NOT NULL,
    merchant_name     TEXT     NOT NULL,
    merchant_category TEXT     NOT NULL,
    currency          TEXT     NOT NULL,
    amount_band       TEXT     NOT NULL,
    outcome           TEXT     NOT NULL,
    reasons           TEXT     NOT NULL,
    anonymised_at     DATETIME NOT NULL
);
CREATE INDEX anonymised_decisions_market_month ON anonymised_decisions (market, decision_month);
-- +goose StatementBegin
CREATE TRIGGER anonymised_decisions_no_update BEFORE UPDATE ON anonymised_decisions
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on anonymised_decisions is not allowed: rows are append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER anonymised_decisions_no_delete BEFORE DELETE ON anonymised_decisions
BEGIN
    SELECT RAISE(ABORT, 'DELETE on anonymised_decisions is not allowed: rows are append-only');
END;
-- +goose StatementEnd

-- The amount bands of anonymised decisions, in minor units of the decision's currency: a band is
-- [lower_minor, the next band's lower_minor). The one declaration of them on SQLite.
CREATE TABLE amount_bands (
    lower_minor INTEGER PRIMARY KEY CHECK (lower_minor >= 0),
    label       TEXT    NOT NULL UNIQUE
);
INSERT INTO amount_bands (lower_minor, label) VALUES
    (0, '0-50'), (5000, '50-100'), (10000, '100-250'), (25000, '250-500'), (50000, '500-1000'),
    (100000, '1000-2500'), (250000, '2500-5000'), (500000, '5000+');

-- The job's turn and its last run, one row (see the PostgreSQL migration).
CREATE TABLE retention_job_state (
    id               INTEGER  PRIMARY KEY CHECK (id = 1),
    holder           TEXT     NOT NULL DEFAULT '',
    lease_until      DATETIME,
    next_run_at      DATETIME,
    last_started_at  DATETIME,
    last_finished_at DATETIME,
    last_success_at  DATETIME,
    last_error       TEXT     NOT NULL DEFAULT '',
    last_removed     TEXT     NOT NULL DEFAULT '[]'
);
INSERT INTO retention_job_state (id) VALUES (1);

-- +goose Down
DROP TABLE retention_job_state;
DROP TABLE amount_bands;
DROP TABLE anonymised_decisions;
