-- +goose Up
-- Human review of automated decisions (issue 15; EU CCD 2023/2225 art. 18, (UK) GDPR art. 22).

-- Each market's review policy: whether shoppers may ask (offered; required where the law says so),
-- the days after a decision within which they may ask, the days within which they must have the
-- answer, and the amount (minor units of the market's currency) above which an overturn needs a
-- second reviewer. The window of 90 days is the console's choice: the directive and the GDPR set
-- none, and three months covers a shopper who reads the notice late; the answer within 30 days
-- follows GDPR art. 12(3) ("within one month").
CREATE TABLE review_policies (
    market                    TEXT        PRIMARY KEY,
    offered                   BOOLEAN     NOT NULL,
    required                  BOOLEAN     NOT NULL,
    window_days               INTEGER     NOT NULL CHECK (window_days BETWEEN 1 AND 3650),
    answer_days               INTEGER     NOT NULL CHECK (answer_days BETWEEN 1 AND 365),
    second_review_above_minor BIGINT      NOT NULL CHECK (second_review_above_minor >= 0),
    updated_at                TIMESTAMPTZ NOT NULL,
    CONSTRAINT review_policies_required_offered CHECK (offered OR NOT required)
);
INSERT INTO review_policies (market, offered, required, window_days, answer_days, second_review_above_minor, updated_at)
VALUES ('SE', TRUE, TRUE, 90, 30, 500000, now()),
       ('DE', TRUE, TRUE, 90, 30, 50000, now()),
       ('GB', TRUE, TRUE, 90, 30, 50000, now()),
       ('US', FALSE, FALSE, 90, 30, 50000, now());

-- One case per decision (a second request for a decision is refused): the shopper's request with
-- their statement, then its review. The reviewed decision's market, principal reason, amount and
-- currency are copied at request time (they are immutable facts of the decision), so that the
-- queue and the overturn rates read this table alone. Persons (auth.Person) are compared by the
-- conflict rules, which the database enforces as well: the reviewer is not the requester, and
-- the second reviewer of an overturn is neither.
CREATE TABLE review_cases (
    id                     BIGSERIAL   PRIMARY KEY,
    decision_id            UUID        NOT NULL UNIQUE,
    decision_reference     TEXT        NOT NULL,
    market                 TEXT        NOT NULL,
    principal_reason       TEXT        NOT NULL,
    amount_minor           BIGINT      NOT NULL,
    currency               TEXT        NOT NULL,
    locale                 TEXT        NOT NULL,
    statement              TEXT        NOT NULL,
    idempotency_key        TEXT        NOT NULL,
    requested_by           TEXT        NOT NULL,
    requested_by_person    TEXT        NOT NULL,
    requested_at           TIMESTAMPTZ NOT NULL,
    due_at                 TIMESTAMPTZ NOT NULL,
    second_review_required BOOLEAN     NOT NULL,
    status                 TEXT        NOT NULL CHECK (status IN ('OPEN', 'IN_REVIEW', 'PENDING_SECOND_REVIEW', 'UPHELD', 'OVERTURNED')),
    reviewer               TEXT        NOT NULL DEFAULT '',
    reviewer_person        TEXT        NOT NULL DEFAULT '',
    claimed_at             TIMESTAMPTZ,
    outcome                TEXT        NOT NULL DEFAULT '' CHECK (outcome IN ('', 'UPHOLD', 'OVERTURN')),
    reason                 TEXT        NOT NULL DEFAULT '',
    decided_at             TIMESTAMPTZ,
    second_reviewer        TEXT        NOT NULL DEFAULT '',
    second_reviewer_person TEXT        NOT NULL DEFAULT '',
    second_comment         TEXT        NOT NULL DEFAULT '',
    second_reviewed_at     TIMESTAMPTZ,
    new_decision_id        UUID,
    updated_at             TIMESTAMPTZ NOT NULL,
    CONSTRAINT review_cases_reviewer_not_requester CHECK (reviewer_person = '' OR reviewer_person <> requested_by_person),
    CONSTRAINT review_cases_second_not_reviewer CHECK (second_reviewer_person = '' OR
        (second_reviewer_person <> reviewer_person AND second_reviewer_person <> requested_by_person))
);
-- The queue: undecided cases by due date.
CREATE INDEX review_cases_due ON review_cases (due_at, id);
CREATE INDEX review_cases_decided ON review_cases (decided_at) WHERE status IN ('UPHELD', 'OVERTURNED');
CREATE UNIQUE INDEX review_cases_new_decision ON review_cases (new_decision_id) WHERE new_decision_id IS NOT NULL;

-- The notices sent to the shopper about a case, exactly as sent: append-only, like a decision's
-- pop-up.
CREATE TABLE review_notices (
    case_id    BIGINT      NOT NULL REFERENCES review_cases (id),
    kind       TEXT        NOT NULL CHECK (kind IN ('RECEIVED', 'UPHELD', 'OVERTURNED')),
    locale     TEXT        NOT NULL,
    title      TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, kind)
);
CREATE TRIGGER review_notices_append_only BEFORE UPDATE OR DELETE ON review_notices
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER review_notices_no_truncate BEFORE TRUNCATE ON review_notices
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- A staff account's own pseudonymous shopper ids, set by an ADMIN: a reviewer may not review a
-- decision for a purchase of their own.
CREATE TABLE staff_shopper_links (
    user_id    BIGINT      NOT NULL REFERENCES users (id),
    shopper_id TEXT        NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, shopper_id)
);
CREATE INDEX staff_shopper_links_shopper ON staff_shopper_links (shopper_id);

-- A decision is AUTOMATED (the engine's, at checkout) or MANUAL_REVIEW: the approval a reviewer
-- wrote when overturning one, naming the decision it overturns (its id), the reviewer and the
-- reason. Existing decisions are AUTOMATED; the defaults keep their seals valid (see
-- store.sealedContent).
ALTER TABLE decisions ADD COLUMN kind TEXT NOT NULL DEFAULT 'AUTOMATED' CHECK (kind IN ('AUTOMATED', 'MANUAL_REVIEW'));
ALTER TABLE decisions ADD COLUMN overturns TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN reviewer TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN review_reason TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE decisions DROP COLUMN review_reason;
ALTER TABLE decisions DROP COLUMN reviewer;
ALTER TABLE decisions DROP COLUMN overturns;
ALTER TABLE decisions DROP COLUMN kind;
DROP TABLE staff_shopper_links;
DROP TABLE review_notices;
DROP TABLE review_cases;
DROP TABLE review_policies;
