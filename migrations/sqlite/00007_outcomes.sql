-- +goose Up
-- Repayment outcomes (issue 13); see the PostgreSQL migration for the meaning of each table.
-- Unlike PostgreSQL, outcome_events keeps a rowid id (the vintage aggregator's watermark here) and
-- the foreign key; UNIQUE (decision_id, event_id) serves the per-decision reads.
CREATE TABLE outcome_events (
    id                INTEGER  PRIMARY KEY AUTOINCREMENT,
    decision_id       TEXT     NOT NULL REFERENCES decisions (id),
    event_id          TEXT     NOT NULL,
    observed_at       DATETIME NOT NULL,
    status            TEXT     NOT NULL CHECK (status IN ('CURRENT', 'PAID', 'LATE_1_29', 'LATE_30_59',
                                 'LATE_60_89', 'LATE_90_PLUS', 'CHARGED_OFF', 'RECOVERED')),
    outstanding_minor INTEGER  NOT NULL CHECK (outstanding_minor >= 0),
    written_off_minor INTEGER  NOT NULL CHECK (written_off_minor >= 0),
    currency          TEXT     NOT NULL,
    recorded_at       DATETIME NOT NULL,
    UNIQUE (decision_id, event_id)
);

-- +goose StatementBegin
CREATE TRIGGER outcome_events_no_update BEFORE UPDATE ON outcome_events
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on outcome_events is not allowed: rows are append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER outcome_events_no_delete BEFORE DELETE ON outcome_events
BEGIN
    SELECT RAISE(ABORT, 'DELETE on outcome_events is not allowed: rows are append-only');
END;
-- +goose StatementEnd

CREATE TABLE bad_definitions (
    id            INTEGER  PRIMARY KEY AUTOINCREMENT,
    market        TEXT     NOT NULL,
    version       INTEGER  NOT NULL,
    level         TEXT     NOT NULL CHECK (level IN ('LATE_30_59', 'LATE_60_89', 'LATE_90_PLUS', 'CHARGED_OFF')),
    window_months INTEGER  NOT NULL CHECK (window_months BETWEEN 1 AND 24),
    author        TEXT     NOT NULL,
    approver      TEXT     NOT NULL,
    rationale     TEXT     NOT NULL DEFAULT '',
    created_at    DATETIME NOT NULL,
    UNIQUE (market, version),
    CONSTRAINT bad_definitions_approver_not_author CHECK (approver <> author)
);

-- +goose StatementBegin
CREATE TRIGGER bad_definitions_no_update BEFORE UPDATE ON bad_definitions
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on bad_definitions is not allowed: rows are append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER bad_definitions_no_delete BEFORE DELETE ON bad_definitions
BEGIN
    SELECT RAISE(ABORT, 'DELETE on bad_definitions is not allowed: rows are append-only');
END;
-- +goose StatementEnd

-- Every market starts with version 1, the default definition (outcomes.DefaultBad): ever 60 or
-- more days late, or charged off, within 6 months of the decision.
INSERT INTO bad_definitions (market, version, level, window_months, author, approver, rationale, created_at)
VALUES ('US', 1, 'LATE_60_89', 6, 'system:migration', 'system:default', 'The default: ever 60+ days late or charged off within 6 months.', datetime('now')),
       ('GB', 1, 'LATE_60_89', 6, 'system:migration', 'system:default', 'The default: ever 60+ days late or charged off within 6 months.', datetime('now')),
       ('SE', 1, 'LATE_60_89', 6, 'system:migration', 'system:default', 'The default: ever 60+ days late or charged off within 6 months.', datetime('now')),
       ('DE', 1, 'LATE_60_89', 6, 'system:migration', 'system:default', 'The default: ever 60+ days late or charged off within 6 months.', datetime('now'));

CREATE TABLE bad_definition_drafts (
    id                   INTEGER  PRIMARY KEY AUTOINCREMENT,
    market               TEXT     NOT NULL,
    base_version_id      INTEGER  REFERENCES bad_definitions (id),
    level                TEXT     NOT NULL CHECK (level IN ('LATE_30_59', 'LATE_60_89', 'LATE_90_PLUS', 'CHARGED_OFF')),
    window_months        INTEGER  NOT NULL CHECK (window_months BETWEEN 1 AND 24),
    rationale            TEXT     NOT NULL DEFAULT '',
    author               TEXT     NOT NULL,
    author_person        TEXT     NOT NULL,
    status               TEXT     NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    revision             INTEGER  NOT NULL CHECK (revision >= 1),
    reviewer             TEXT     NOT NULL DEFAULT '',
    reviewer_person      TEXT     NOT NULL DEFAULT '',
    review_comment       TEXT     NOT NULL DEFAULT '',
    published_version_id INTEGER  REFERENCES bad_definitions (id),
    created_at           DATETIME NOT NULL,
    updated_at           DATETIME NOT NULL,
    CONSTRAINT bad_definition_drafts_reviewer_not_author CHECK (reviewer = '' OR reviewer <> author),
    CONSTRAINT bad_definition_drafts_reviewer_not_author_person CHECK (reviewer_person = '' OR reviewer_person <> author_person),
    CONSTRAINT bad_definition_drafts_reviewed CHECK ((status IN ('APPROVED', 'REJECTED')) = (reviewer <> '')),
    CONSTRAINT bad_definition_drafts_reject_comment CHECK (status <> 'REJECTED' OR review_comment <> ''),
    CONSTRAINT bad_definition_drafts_submit_rationale CHECK (status = 'DRAFT' OR rationale <> ''),
    CONSTRAINT bad_definition_drafts_published CHECK ((status = 'APPROVED') = (published_version_id IS NOT NULL))
);
CREATE INDEX bad_definition_drafts_market ON bad_definition_drafts (market, id);

CREATE TABLE rollup_vintage (
    month                INTEGER NOT NULL,
    market               TEXT    NOT NULL,
    merchant_category    TEXT    NOT NULL,
    threshold_version_id INTEGER NOT NULL,
    approved             INTEGER NOT NULL,
    approved_minor       INTEGER NOT NULL,
    PRIMARY KEY (market, month, merchant_category, threshold_version_id)
);

CREATE TABLE rollup_vintage_outcome (
    month                INTEGER NOT NULL,
    market               TEXT    NOT NULL,
    merchant_category    TEXT    NOT NULL,
    threshold_version_id INTEGER NOT NULL,
    mob                  INTEGER NOT NULL,
    reached_30           INTEGER NOT NULL,
    reached_60           INTEGER NOT NULL,
    reached_90           INTEGER NOT NULL,
    charged_off          INTEGER NOT NULL,
    written_off_minor    INTEGER NOT NULL,
    PRIMARY KEY (market, month, merchant_category, threshold_version_id, mob)
);

ALTER TABLE rollup_state ADD COLUMN outcome_watermark INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE rollup_state DROP COLUMN outcome_watermark;
DROP TABLE rollup_vintage_outcome;
DROP TABLE rollup_vintage;
DROP TABLE bad_definition_drafts;
DROP TABLE bad_definitions;
DROP TABLE outcome_events;
