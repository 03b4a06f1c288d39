-- +goose Up
-- Threshold set versions are immutable once written; which one is in force is decided by the
-- append-only activations below (the latest activation at or before a time wins), so a rollback
-- or a scheduled change is a new activation, never an edit.
CREATE TABLE threshold_versions (
    id          BIGSERIAL PRIMARY KEY,
    market      TEXT        NOT NULL,
    version     INTEGER     NOT NULL,
    rules       JSONB       NOT NULL,
    author      TEXT        NOT NULL,
    approver    TEXT        NOT NULL DEFAULT '',
    rationale   TEXT        NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (market, version)
);

CREATE TABLE threshold_activations (
    id                   BIGSERIAL PRIMARY KEY,
    market               TEXT        NOT NULL,
    threshold_version_id BIGINT      NOT NULL REFERENCES threshold_versions (id),
    activated_at         TIMESTAMPTZ NOT NULL,
    activated_by         TEXT        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX threshold_activations_market_time ON threshold_activations (market, activated_at);

CREATE TABLE reason_codes (
    code     TEXT PRIMARY KEY,
    factor   TEXT    NOT NULL,
    severity TEXT    NOT NULL,
    rank     INTEGER NOT NULL
);

CREATE TABLE catalog_versions (
    id           BIGSERIAL PRIMARY KEY,
    version      INTEGER     NOT NULL UNIQUE,
    author       TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL
);

-- One row per code, locale and audience of a catalog version. steps is a JSON array of strings.
CREATE TABLE catalog_messages (
    catalog_version_id BIGINT NOT NULL REFERENCES catalog_versions (id),
    reason_code        TEXT   NOT NULL REFERENCES reason_codes (code),
    locale             TEXT   NOT NULL,
    audience           TEXT   NOT NULL CHECK (audience IN ('SHOPPER', 'AGENT')),
    title              TEXT   NOT NULL,
    body               TEXT   NOT NULL,
    steps              JSONB  NOT NULL,
    PRIMARY KEY (catalog_version_id, reason_code, locale, audience)
);

-- One immutable row per assessment. The 15 measured values are columns so that history can be
-- replayed column by column. reasons holds the ranked principal reason codes, comma separated;
-- reason_mask has bit (1 << reason) set for each of them so that a reason filter works the same
-- way on both databases.
CREATE TABLE decisions (
    id                    UUID        PRIMARY KEY,
    reference             TEXT        NOT NULL UNIQUE,
    idempotency_key       TEXT        NOT NULL UNIQUE,
    request_hash          TEXT        NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    market                TEXT        NOT NULL,
    currency              TEXT        NOT NULL,
    amount_minor          BIGINT      NOT NULL,
    merchant_id           TEXT        NOT NULL,
    merchant_name         TEXT        NOT NULL,
    merchant_category     TEXT        NOT NULL,
    shopper_id            TEXT        NOT NULL,
    shopper_locale        TEXT        NOT NULL,
    channel               TEXT        NOT NULL,
    bureau_score          DOUBLE PRECISION NOT NULL,
    monthly_income        DOUBLE PRECISION NOT NULL,
    income_verified       DOUBLE PRECISION NOT NULL,
    employment_months     DOUBLE PRECISION NOT NULL,
    recent_plans_30d      DOUBLE PRECISION NOT NULL,
    debt_to_income        DOUBLE PRECISION NOT NULL,
    months_at_address     DOUBLE PRECISION NOT NULL,
    address_verified      DOUBLE PRECISION NOT NULL,
    identity_verified     DOUBLE PRECISION NOT NULL,
    age_years             DOUBLE PRECISION NOT NULL,
    credit_history_months DOUBLE PRECISION NOT NULL,
    delinquencies_24m     DOUBLE PRECISION NOT NULL,
    affordability_ratio   DOUBLE PRECISION NOT NULL,
    liquid_savings        DOUBLE PRECISION NOT NULL,
    outstanding_credit    DOUBLE PRECISION NOT NULL,
    outcome               TEXT        NOT NULL CHECK (outcome IN ('APPROVED', 'DECLINED')),
    reasons               TEXT        NOT NULL,
    reason_mask           INTEGER     NOT NULL,
    threshold_version_id  BIGINT      NOT NULL REFERENCES threshold_versions (id),
    catalog_version_id    BIGINT      NOT NULL REFERENCES catalog_versions (id),
    message_locale        TEXT        NOT NULL,
    message_title         TEXT        NOT NULL,
    message_body          TEXT        NOT NULL,
    message_steps         JSONB       NOT NULL
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
    id           BIGSERIAL PRIMARY KEY,
    name         TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    roles        TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);

-- Decisions are append-only: nothing may change or remove one.
-- +goose StatementBegin
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: rows are append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER threshold_versions_append_only BEFORE UPDATE OR DELETE ON threshold_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER threshold_activations_append_only BEFORE UPDATE OR DELETE ON threshold_activations
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER catalog_versions_append_only BEFORE UPDATE OR DELETE ON catalog_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER catalog_messages_append_only BEFORE UPDATE OR DELETE ON catalog_messages
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- +goose Down
DROP TABLE api_tokens;
DROP TABLE decisions;
DROP TABLE catalog_messages;
DROP TABLE catalog_versions;
DROP TABLE reason_codes;
DROP TABLE threshold_activations;
DROP TABLE threshold_versions;
DROP FUNCTION refuse_change();
