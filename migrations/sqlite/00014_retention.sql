-- +goose Up
-- Retention policies and legal holds (issue 18); see the PostgreSQL migration for the meaning of
-- each table and column.
CREATE TABLE retention_policy_requests (
    id                   INTEGER  PRIMARY KEY AUTOINCREMENT,
    market               TEXT     NOT NULL,
    keep_months          INTEGER  NOT NULL CHECK (keep_months BETWEEN 1 AND 120),
    after_retention      TEXT     NOT NULL CHECK (after_retention IN ('DELETE', 'ANONYMISE')),
    rationale            TEXT     NOT NULL,
    base_version         INTEGER  NOT NULL CHECK (base_version >= 0),
    published_version_id INTEGER,
    author               TEXT     NOT NULL,
    author_person        TEXT     NOT NULL,
    status               TEXT     NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    revision             INTEGER  NOT NULL CHECK (revision >= 1),
    reviewer             TEXT     NOT NULL DEFAULT '',
    reviewer_person      TEXT     NOT NULL DEFAULT '',
    review_comment       TEXT     NOT NULL DEFAULT '',
    created_at           DATETIME NOT NULL,
    updated_at           DATETIME NOT NULL,
    CONSTRAINT retention_policy_requests_reviewer_not_author CHECK (reviewer = '' OR reviewer <> author),
    CONSTRAINT retention_policy_requests_reviewer_not_author_person CHECK (reviewer_person = '' OR reviewer_person <> author_person),
    CONSTRAINT retention_policy_requests_reviewed CHECK ((status IN ('APPROVED', 'REJECTED')) = (reviewer <> '')),
    CONSTRAINT retention_policy_requests_reject_comment CHECK (status <> 'REJECTED' OR review_comment <> ''),
    CONSTRAINT retention_policy_requests_rationale CHECK (rationale <> ''),
    CONSTRAINT retention_policy_requests_published CHECK ((status = 'APPROVED') = (published_version_id IS NOT NULL))
);
CREATE INDEX retention_policy_requests_market ON retention_policy_requests (market, id);
CREATE INDEX retention_policy_requests_status ON retention_policy_requests (status, id);

CREATE TABLE retention_policies (
    id              INTEGER  PRIMARY KEY AUTOINCREMENT,
    market          TEXT     NOT NULL,
    version         INTEGER  NOT NULL CHECK (version >= 1),
    keep_months     INTEGER  NOT NULL CHECK (keep_months BETWEEN 1 AND 120),
    after_retention TEXT     NOT NULL CHECK (after_retention IN ('DELETE', 'ANONYMISE')),
    request_id      INTEGER  NOT NULL UNIQUE REFERENCES retention_policy_requests (id),
    author          TEXT     NOT NULL,
    approver        TEXT     NOT NULL,
    rationale       TEXT     NOT NULL,
    created_at      DATETIME NOT NULL,
    UNIQUE (market, version),
    CONSTRAINT retention_policies_approver_not_author CHECK (approver <> author),
    CONSTRAINT retention_policies_us_floor CHECK (market <> 'US' OR keep_months >= 25)
);

-- +goose StatementBegin
CREATE TRIGGER retention_policies_no_update BEFORE UPDATE ON retention_policies
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on retention_policies is not allowed: rows are append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER retention_policies_no_delete BEFORE DELETE ON retention_policies
BEGIN
    SELECT RAISE(ABORT, 'DELETE on retention_policies is not allowed: rows are append-only');
END;
-- +goose StatementEnd

CREATE TABLE legal_holds (
    id              INTEGER  PRIMARY KEY AUTOINCREMENT,
    market          TEXT     NOT NULL DEFAULT '',
    from_at         DATETIME,
    to_at           DATETIME,
    shopper_id      TEXT     NOT NULL DEFAULT '',
    merchant_id     TEXT     NOT NULL DEFAULT '',
    reason          TEXT     NOT NULL,
    author          TEXT     NOT NULL,
    author_person   TEXT     NOT NULL,
    status          TEXT     NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED')),
    revision        INTEGER  NOT NULL CHECK (revision >= 1),
    reviewer        TEXT     NOT NULL DEFAULT '',
    reviewer_person TEXT     NOT NULL DEFAULT '',
    review_comment  TEXT     NOT NULL DEFAULT '',
    created_at      DATETIME NOT NULL,
    updated_at      DATETIME NOT NULL,
    CONSTRAINT legal_holds_filter CHECK (market <> '' OR from_at IS NOT NULL OR to_at IS NOT NULL OR shopper_id <> '' OR merchant_id <> ''),
    CONSTRAINT legal_holds_range CHECK (from_at IS NULL OR to_at IS NULL OR from_at < to_at),
    CONSTRAINT legal_holds_reason CHECK (reason <> ''),
    CONSTRAINT legal_holds_reviewer_not_author CHECK (reviewer = '' OR reviewer <> author),
    CONSTRAINT legal_holds_reviewer_not_author_person CHECK (reviewer_person = '' OR reviewer_person <> author_person),
    CONSTRAINT legal_holds_lifted CHECK ((status = 'APPROVED') = (reviewer <> '')),
    CONSTRAINT legal_holds_lift_comment CHECK (status <> 'APPROVED' OR review_comment <> '')
);
CREATE INDEX legal_holds_status ON legal_holds (status, id);

-- +goose StatementBegin
CREATE TRIGGER legal_holds_no_delete BEFORE DELETE ON legal_holds
BEGIN
    SELECT RAISE(ABORT, 'DELETE on legal_holds is not allowed: a hold is lifted, never removed');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER legal_holds_guard BEFORE UPDATE ON legal_holds
WHEN OLD.status = 'APPROVED'
  OR NEW.market IS NOT OLD.market OR NEW.from_at IS NOT OLD.from_at OR NEW.to_at IS NOT OLD.to_at
  OR NEW.shopper_id IS NOT OLD.shopper_id OR NEW.merchant_id IS NOT OLD.merchant_id OR NEW.reason IS NOT OLD.reason
  OR NEW.author IS NOT OLD.author OR NEW.author_person IS NOT OLD.author_person OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'UPDATE of a legal hold may only lift it, once: its filter, reason and author never change');
END;
-- +goose StatementEnd

CREATE INDEX decisions_shopper_time ON decisions (shopper_id, created_at);

-- +goose Down
DROP INDEX decisions_shopper_time;
DROP TABLE legal_holds;
DROP TABLE retention_policies;
DROP TABLE retention_policy_requests;
