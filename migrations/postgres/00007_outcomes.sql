-- +goose Up
-- Repayment outcomes (issue 13). The servicing system reports append-only events per approved
-- decision; a decision's state at any time is derived from its events (internal/outcomes), never
-- stored. (decision_id, event_id) is unique, so a resent event is recognised and changes nothing.
-- Amounts are in minor units of the decision's currency: outstanding is the balance still owed,
-- written_off the amount written off so far, net of recoveries.
-- (decision_id, event_id) is the primary key: it recognises a resent event and serves every
-- per-decision read (a decision has at most 1,000 events, sorted in memory). There is no foreign
-- key to decisions: decisions are append-only (never deleted), and every writer (recordOutcomes,
-- the import, the demo seeder) checks the decision under its transaction; the per-row foreign-key
-- check cost the bulk import about 0.8 s per 100,000 events.
CREATE TABLE outcome_events (
    decision_id       UUID        NOT NULL,
    -- Compared byte by byte (as Go sorts), whatever the database's locale: cheaper to index.
    event_id          TEXT        COLLATE "C" NOT NULL,
    observed_at       TIMESTAMPTZ NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('CURRENT', 'PAID', 'LATE_1_29', 'LATE_30_59',
                                    'LATE_60_89', 'LATE_90_PLUS', 'CHARGED_OFF', 'RECOVERED')),
    outstanding_minor BIGINT      NOT NULL CHECK (outstanding_minor >= 0),
    written_off_minor BIGINT      NOT NULL CHECK (written_off_minor >= 0),
    currency          TEXT        NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    -- The transaction that wrote the event, for the vintage aggregator's watermark (see
    -- rollup_state in 00005).
    xid               xid8        NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (decision_id, event_id)
);
-- The aggregator reads the events in (xid, decision_id) order, in bounded batches: a bulk load
-- writes a million events in one transaction.
CREATE INDEX outcome_events_xid ON outcome_events (xid, decision_id);
CREATE TRIGGER outcome_events_append_only BEFORE UPDATE OR DELETE ON outcome_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER outcome_events_no_truncate BEFORE TRUNCATE ON outcome_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- A market's definition of "bad": ever at level (the least severe status counting, LATE_30_59,
-- LATE_60_89, LATE_90_PLUS or CHARGED_OFF) within window_months of the decision. Versions are
-- immutable; the market's newest version is in force. A new version comes from a draft approved
-- by a second person, as thresholds do.
CREATE TABLE bad_definitions (
    id            BIGSERIAL   PRIMARY KEY,
    market        TEXT        NOT NULL,
    version       INTEGER     NOT NULL,
    level         TEXT        NOT NULL CHECK (level IN ('LATE_30_59', 'LATE_60_89', 'LATE_90_PLUS', 'CHARGED_OFF')),
    window_months INTEGER     NOT NULL CHECK (window_months BETWEEN 1 AND 24),
    author        TEXT        NOT NULL,
    approver      TEXT        NOT NULL,
    rationale     TEXT        NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (market, version),
    CONSTRAINT bad_definitions_approver_not_author CHECK (approver <> author)
);
CREATE TRIGGER bad_definitions_append_only BEFORE UPDATE OR DELETE ON bad_definitions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Every market starts with version 1, the default definition (outcomes.DefaultBad): ever 60 or
-- more days late, or charged off, within 6 months of the decision.
INSERT INTO bad_definitions (market, version, level, window_months, author, approver, rationale, created_at)
VALUES ('US', 1, 'LATE_60_89', 6, 'system:migration', 'system:default', 'The default: ever 60+ days late or charged off within 6 months.', now()),
       ('GB', 1, 'LATE_60_89', 6, 'system:migration', 'system:default', 'The default: ever 60+ days late or charged off within 6 months.', now()),
       ('SE', 1, 'LATE_60_89', 6, 'system:migration', 'system:default', 'The default: ever 60+ days late or charged off within 6 months.', now()),
       ('DE', 1, 'LATE_60_89', 6, 'system:migration', 'system:default', 'The default: ever 60+ days late or charged off within 6 months.', now());

CREATE TABLE bad_definition_drafts (
    id                   BIGSERIAL   PRIMARY KEY,
    market               TEXT        NOT NULL,
    base_version_id      BIGINT      REFERENCES bad_definitions (id),
    level                TEXT        NOT NULL CHECK (level IN ('LATE_30_59', 'LATE_60_89', 'LATE_90_PLUS', 'CHARGED_OFF')),
    window_months        INTEGER     NOT NULL CHECK (window_months BETWEEN 1 AND 24),
    rationale            TEXT        NOT NULL DEFAULT '',
    author               TEXT        NOT NULL,
    author_person        TEXT        NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    revision             INTEGER     NOT NULL CHECK (revision >= 1),
    reviewer             TEXT        NOT NULL DEFAULT '',
    reviewer_person      TEXT        NOT NULL DEFAULT '',
    review_comment       TEXT        NOT NULL DEFAULT '',
    published_version_id BIGINT      REFERENCES bad_definitions (id),
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT bad_definition_drafts_reviewer_not_author CHECK (reviewer = '' OR reviewer <> author),
    CONSTRAINT bad_definition_drafts_reviewer_not_author_person CHECK (reviewer_person = '' OR reviewer_person <> author_person),
    CONSTRAINT bad_definition_drafts_reviewed CHECK ((status IN ('APPROVED', 'REJECTED')) = (reviewer <> '')),
    CONSTRAINT bad_definition_drafts_reject_comment CHECK (status <> 'REJECTED' OR review_comment <> ''),
    CONSTRAINT bad_definition_drafts_submit_rationale CHECK (status = 'DRAFT' OR rationale <> ''),
    CONSTRAINT bad_definition_drafts_published CHECK ((status = 'APPROVED') = (published_version_id IS NOT NULL))
);
CREATE INDEX bad_definition_drafts_market ON bad_definition_drafts (market, id);

-- Vintage rollups, kept by the aggregator beside the decline-rate ones. month is the start of the
-- decision's UTC month in Unix seconds (the vintage). rollup_vintage counts approvals and their
-- volume; rollup_vintage_outcome counts, for each month since the decision (mob, 0 = the month
-- after the decision time), the decisions that first reached each level in it and the change of
-- the amount written off in it (negative for recoveries). A vintage curve is the running sum over
-- mob divided by the vintage's approvals.
CREATE TABLE rollup_vintage (
    month                BIGINT NOT NULL,
    market               TEXT   NOT NULL,
    merchant_category    TEXT   NOT NULL,
    threshold_version_id BIGINT NOT NULL,
    approved             BIGINT NOT NULL,
    approved_minor       BIGINT NOT NULL,
    PRIMARY KEY (market, month, merchant_category, threshold_version_id) INCLUDE (approved, approved_minor)
);

CREATE TABLE rollup_vintage_outcome (
    month                BIGINT  NOT NULL,
    market               TEXT    NOT NULL,
    merchant_category    TEXT    NOT NULL,
    threshold_version_id BIGINT  NOT NULL,
    mob                  INTEGER NOT NULL,
    reached_30           BIGINT  NOT NULL,
    reached_60           BIGINT  NOT NULL,
    reached_90           BIGINT  NOT NULL,
    charged_off          BIGINT  NOT NULL,
    written_off_minor    BIGINT  NOT NULL,
    -- A curve reads a market's months from the index alone.
    PRIMARY KEY (market, month, merchant_category, threshold_version_id, mob)
        INCLUDE (reached_30, reached_60, reached_90, charged_off, written_off_minor)
);

-- The aggregator's position in outcome_events, as watermark is in decisions: every event of a
-- transaction below outcome_watermark is counted, and when outcome_watermark_decision is set, the
-- events of transaction outcome_watermark whose decision_id is below it too (a pass is bounded, so
-- one transaction's events may take several).
ALTER TABLE rollup_state ADD COLUMN outcome_watermark BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_state ADD COLUMN outcome_watermark_decision UUID;

-- The approvals the decline-rate rollups have counted so far (those of transactions below the
-- watermark) go into rollup_vintage now; the aggregator adds the later ones.
INSERT INTO rollup_vintage (month, market, merchant_category, threshold_version_id, approved, approved_minor)
SELECT CAST(extract(epoch FROM date_trunc('month', created_at, 'UTC')) AS BIGINT), market, merchant_category,
       threshold_version_id, COUNT(*), CAST(SUM(amount_minor) AS BIGINT)
FROM decisions
WHERE outcome = 'APPROVED' AND xid < CAST(CAST((SELECT watermark FROM rollup_state WHERE id = 1) AS TEXT) AS xid8)
GROUP BY 1, 2, 3, 4;

-- +goose Down
ALTER TABLE rollup_state DROP COLUMN outcome_watermark_decision;
ALTER TABLE rollup_state DROP COLUMN outcome_watermark;
DROP TABLE rollup_vintage_outcome;
DROP TABLE rollup_vintage;
DROP TABLE bad_definition_drafts;
DROP TABLE bad_definitions;
DROP TABLE outcome_events;
