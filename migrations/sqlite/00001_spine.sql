-- +goose Up
-- Threshold set versions are immutable once written; which one is in force is decided by the
-- append-only activations below (the latest activation at or before a time wins), so a rollback
-- or a scheduled change is a new activation, never an edit.
CREATE TABLE threshold_versions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    market      TEXT        NOT NULL,
    version     INTEGER     NOT NULL,
    rules       TEXT       NOT NULL,
    author      TEXT        NOT NULL,
    approver    TEXT        NOT NULL DEFAULT '',
    rationale   TEXT        NOT NULL DEFAULT '',
    created_at  DATETIME NOT NULL,
    UNIQUE (market, version)
);

CREATE TABLE threshold_activations (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    market               TEXT        NOT NULL,
    threshold_version_id BIGINT      NOT NULL REFERENCES threshold_versions (id),
    activated_at         DATETIME NOT NULL,
    activated_by         TEXT        NOT NULL,
    created_at           DATETIME NOT NULL
);
CREATE INDEX threshold_activations_market_time ON threshold_activations (market, activated_at);

CREATE TABLE reason_codes (
    code     TEXT PRIMARY KEY,
    factor   TEXT    NOT NULL,
    severity TEXT    NOT NULL,
    rank     INTEGER NOT NULL
);

CREATE TABLE catalog_versions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    version      INTEGER     NOT NULL UNIQUE,
    author       TEXT        NOT NULL,
    published_at DATETIME NOT NULL
);

-- One row per code, locale and audience of a catalog version. steps is a JSON array of strings.
CREATE TABLE catalog_messages (
    catalog_version_id BIGINT NOT NULL REFERENCES catalog_versions (id),
    reason_code        TEXT   NOT NULL REFERENCES reason_codes (code),
    locale             TEXT   NOT NULL,
    audience           TEXT   NOT NULL CHECK (audience IN ('SHOPPER', 'AGENT')),
    title              TEXT   NOT NULL,
    body               TEXT   NOT NULL,
    steps              TEXT  NOT NULL,
    PRIMARY KEY (catalog_version_id, reason_code, locale, audience)
);

-- One immutable row per assessment. The 15 measured values are columns so that history can be
-- replayed column by column. reasons holds the ranked principal reason codes, comma separated;
-- reason_mask has bit (1 << reason) set for each of them so that a reason filter works the same
-- way on both databases.
CREATE TABLE decisions (
    id                    TEXT        PRIMARY KEY,
    reference             TEXT        NOT NULL UNIQUE,
    idempotency_key       TEXT        NOT NULL UNIQUE,
    request_hash          TEXT        NOT NULL,
    created_at            DATETIME NOT NULL,
    market                TEXT        NOT NULL,
    currency              TEXT        NOT NULL,
    amount_minor          BIGINT      NOT NULL,
    merchant_id           TEXT        NOT NULL,
    merchant_name         TEXT        NOT NULL,
    merchant_category     TEXT        NOT NULL,
    shopper_id            TEXT        NOT NULL,
    shopper_locale        TEXT        NOT NULL,
    channel               TEXT        NOT NULL,
    bureau_score          REAL NOT NULL,
    monthly_income        REAL NOT NULL,
    income_verified       REAL NOT NULL,
    employment_months     REAL NOT NULL,
    recent_plans_30d      REAL NOT NULL,
    debt_to_income        REAL NOT NULL,
    months_at_address     REAL NOT NULL,
    address_verified      REAL NOT NULL,
    identity_verified     REAL NOT NULL,
    age_years             REAL NOT NULL,
    credit_history_months REAL NOT NULL,
    delinquencies_24m     REAL NOT NULL,
    affordability_ratio   REAL NOT NULL,
    liquid_savings        REAL NOT NULL,
    outstanding_credit    REAL NOT NULL,
    outcome               TEXT        NOT NULL CHECK (outcome IN ('APPROVED', 'DECLINED')),
    reasons               TEXT        NOT NULL,
    reason_mask           INTEGER     NOT NULL,
    threshold_version_id  BIGINT      NOT NULL REFERENCES threshold_versions (id),
    catalog_version_id    BIGINT      NOT NULL REFERENCES catalog_versions (id),
    message_locale        TEXT        NOT NULL,
    message_title         TEXT        NOT NULL,
    message_body          TEXT        NOT NULL,
    message_steps         TEXT       NOT NULL
);
-- The explorer pages by (created_at, id) in either direction, alone or under one equality filter.
CREATE INDEX decisions_time ON decisions (created_at, id);
CREATE INDEX decisions_market_time ON decisions (market, created_at, id);
CREATE INDEX decisions_merchant_time ON decisions (merchant_id, created_at, id);
CREATE INDEX decisions_category_time ON decisions (merchant_category, created_at, id);
CREATE INDEX decisions_threshold_time ON decisions (threshold_version_id, created_at, id);
-- Declines are the minority; outcome and reason filters walk this one.
CREATE INDEX decisions_declined_time ON decisions (created_at, id) WHERE outcome = 'DECLINED';

-- API tokens: only a SHA-256 of the secret is kept. roles is a comma-separated list.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    roles        TEXT        NOT NULL,
    created_at   DATETIME NOT NULL,
    expires_at   DATETIME,
    revoked_at   DATETIME
);

-- Decisions and published versions are append-only: nothing may change or remove them.
-- +goose StatementBegin
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on decisions is not allowed: rows are append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'DELETE on decisions is not allowed: rows are append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER threshold_versions_no_update BEFORE UPDATE ON threshold_versions
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on threshold_versions is not allowed: rows are append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER threshold_versions_no_delete BEFORE DELETE ON threshold_versions
BEGIN
    SELECT RAISE(ABORT, 'DELETE on threshold_versions is not allowed: rows are append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER threshold_activations_no_update BEFORE UPDATE ON threshold_activations
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on threshold_activations is not allowed: rows are append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER threshold_activations_no_delete BEFORE DELETE ON threshold_activations
BEGIN
    SELECT RAISE(ABORT, 'DELETE on threshold_activations is not allowed: rows are append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER catalog_versions_no_update BEFORE UPDATE ON catalog_versions
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on catalog_versions is not allowed: rows are append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER catalog_versions_no_delete BEFORE DELETE ON catalog_versions
BEGIN
    SELECT RAISE(ABORT, 'DELETE on catalog_versions is not allowed: rows are append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER catalog_messages_no_update BEFORE UPDATE ON catalog_messages
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on catalog_messages is not allowed: rows are append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER catalog_messages_no_delete BEFORE DELETE ON catalog_messages
BEGIN
    SELECT RAISE(ABORT, 'DELETE on catalog_messages is not allowed: rows are append-only');
END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE api_tokens;
DROP TABLE decisions;
DROP TABLE catalog_messages;
DROP TABLE catalog_versions;
DROP TABLE reason_codes;
DROP TABLE threshold_activations;
DROP TABLE threshold_versions;
