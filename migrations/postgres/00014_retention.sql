-- +goose Up
-- Retention policies and legal holds (issue 18). The plan that dates what may leave is computed
-- from these tables by internal/retention; nothing here deletes or anonymises anything.

-- A request for a new retention policy of a market, through the shared approval workflow:
-- proposed SUBMITTED by its author, then APPROVED (which publishes it as the market's next
-- version) or REJECTED by a second person. base_version is the version in force when it was
-- proposed (0: the default); an approval is refused once another version has been published.
CREATE TABLE retention_policy_requests (
    id                   BIGSERIAL   PRIMARY KEY,
    market               TEXT        NOT NULL,
    keep_months          INTEGER     NOT NULL CHECK (keep_months BETWEEN 1 AND 120),
    after_retention      TEXT        NOT NULL CHECK (after_retention IN ('DELETE', 'ANONYMISE')),
    rationale            TEXT        NOT NULL,
    base_version         INTEGER     NOT NULL CHECK (base_version >= 0),
    published_version_id BIGINT,
    author               TEXT        NOT NULL,
    author_person        TEXT        NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    revision             INTEGER     NOT NULL CHECK (revision >= 1),
    reviewer             TEXT        NOT NULL DEFAULT '',
    reviewer_person      TEXT        NOT NULL DEFAULT '',
    review_comment       TEXT        NOT NULL DEFAULT '',
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT retention_policy_requests_reviewer_not_author CHECK (reviewer = '' OR reviewer <> author),
    CONSTRAINT retention_policy_requests_reviewer_not_author_person CHECK (reviewer_person = '' OR reviewer_person <> author_person),
    CONSTRAINT retention_policy_requests_reviewed CHECK ((status IN ('APPROVED', 'REJECTED')) = (reviewer <> '')),
    CONSTRAINT retention_policy_requests_reject_comment CHECK (status <> 'REJECTED' OR review_comment <> ''),
    CONSTRAINT retention_policy_requests_rationale CHECK (rationale <> ''),
    CONSTRAINT retention_policy_requests_published CHECK ((status = 'APPROVED') = (published_version_id IS NOT NULL))
);
CREATE INDEX retention_policy_requests_market ON retention_policy_requests (market, id);
CREATE INDEX retention_policy_requests_status ON retention_policy_requests (status, id);

-- The versions of each market's retention policy: decisions are kept in full keep_months whole
-- months after the end of their UTC month, then deleted or anonymised (after_retention), with
-- their outcome events and review cases. Versions are immutable; the market's newest is in
-- force; a market without one is under the default of internal/retention (25 months, then
-- DELETE). Each comes from an approved request. The markets' floors are declared in
-- internal/retention (retention.FloorOf) and checked at proposal and approval; the check below
-- is the database's backstop for the one floor that is law, Regulation B's 25 months in the US.
CREATE TABLE retention_policies (
    id              BIGSERIAL   PRIMARY KEY,
    market          TEXT        NOT NULL,
    version         INTEGER     NOT NULL CHECK (version >= 1),
    keep_months     INTEGER     NOT NULL CHECK (keep_months BETWEEN 1 AND 120),
    after_retention TEXT        NOT NULL CHECK (after_retention IN ('DELETE', 'ANONYMISE')),
    request_id      BIGINT      NOT NULL UNIQUE REFERENCES retention_policy_requests (id),
    author          TEXT        NOT NULL,
    approver        TEXT        NOT NULL,
    rationale       TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (market, version),
    CONSTRAINT retention_policies_approver_not_author CHECK (approver <> author),
    CONSTRAINT retention_policies_us_floor CHECK (market <> 'US' OR keep_months >= 25)
);
CREATE TRIGGER retention_policies_append_only BEFORE UPDATE OR DELETE ON retention_policies
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER retention_policies_no_truncate BEFORE TRUNCATE ON retention_policies
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Legal holds: the decisions a hold's filter selects (market, created_at in [from_at, to_at),
-- shopper, merchant: each only when set, at least one set) are kept until the hold is lifted.
-- A hold goes through the shared approval workflow, whose columns it carries: it is placed
-- SUBMITTED (in force; author is who placed it, created_at when) and lifted by the workflow's
-- approval, APPROVED (reviewer is who lifted it, never the person who placed it; updated_at when;
-- review_comment why). The guard below keeps a hold from being removed or rewritten: only its
-- lift may change it, once.
CREATE TABLE legal_holds (
    id              BIGSERIAL   PRIMARY KEY,
    market          TEXT        NOT NULL DEFAULT '',
    from_at         TIMESTAMPTZ,
    to_at           TIMESTAMPTZ,
    shopper_id      TEXT        NOT NULL DEFAULT '',
    merchant_id     TEXT        NOT NULL DEFAULT '',
    reason          TEXT        NOT NULL,
    author          TEXT        NOT NULL,
    author_person   TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED')),
    revision        INTEGER     NOT NULL CHECK (revision >= 1),
    reviewer        TEXT        NOT NULL DEFAULT '',
    reviewer_person TEXT        NOT NULL DEFAULT '',
    review_comment  TEXT        NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
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
CREATE FUNCTION legal_holds_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
        RAISE EXCEPTION '% on legal_holds is not allowed: a hold is lifted, never removed', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.status = 'APPROVED' THEN
        RAISE EXCEPTION 'UPDATE of lifted legal hold %: a lift is final', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.market, NEW.from_at, NEW.to_at, NEW.shopper_id, NEW.merchant_id, NEW.reason, NEW.author, NEW.author_person, NEW.created_at)
       IS DISTINCT FROM (OLD.market, OLD.from_at, OLD.to_at, OLD.shopper_id, OLD.merchant_id, OLD.reason, OLD.author, OLD.author_person, OLD.created_at) THEN
        RAISE EXCEPTION 'UPDATE of legal hold %: its filter, reason and author never change', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER legal_holds_guard BEFORE UPDATE OR DELETE ON legal_holds
    FOR EACH ROW EXECUTE FUNCTION legal_holds_guard();
CREATE TRIGGER legal_holds_no_truncate BEFORE TRUNCATE ON legal_holds
    FOR EACH STATEMENT EXECUTE FUNCTION legal_holds_guard();

-- The plan finds the months a hold on a shopper touches, and a shopper's months for an erasure,
-- by walking this index one month at a time (store.DecisionMonths); a hold on a merchant walks
-- decisions_merchant_time.
CREATE INDEX decisions_shopper_time ON decisions (shopper_id, created_at);

-- +goose Down
DROP INDEX decisions_shopper_time;
DROP TABLE legal_holds;
DROP FUNCTION legal_holds_guard();
DROP TABLE retention_policies;
DROP TABLE retention_policy_requests;
