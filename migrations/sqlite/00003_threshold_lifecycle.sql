-- +goose Up
-- Threshold drafts: the mutable side of the maker-checker lifecycle. A draft is edited (each edit
-- bumps revision, so an edit naming an older revision is refused), submitted (frozen, with the
-- what-if impact computed at submission), then approved (which publishes an immutable
-- threshold_versions row) or rejected (with a comment) by someone other than its author.
CREATE TABLE threshold_drafts (
    id                   INTEGER     PRIMARY KEY AUTOINCREMENT,
    market               TEXT        NOT NULL,
    base_version_id      BIGINT      NOT NULL REFERENCES threshold_versions (id),
    rules                TEXT        NOT NULL,
    author               TEXT        NOT NULL,
    rationale            TEXT        NOT NULL DEFAULT '',
    status               TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    revision             INTEGER     NOT NULL CHECK (revision >= 1),
    impact               TEXT,
    reviewer             TEXT        NOT NULL DEFAULT '',
    review_comment       TEXT        NOT NULL DEFAULT '',
    published_version_id BIGINT      REFERENCES threshold_versions (id),
    created_at           DATETIME    NOT NULL,
    updated_at           DATETIME    NOT NULL,
    submitted_at         DATETIME   ,
    reviewed_at          DATETIME   ,
    -- Maker-checker: nobody reviews their own draft.
    CONSTRAINT threshold_drafts_reviewer_not_author CHECK (reviewer = '' OR reviewer <> author),
    -- A review names its reviewer, and only reviewed drafts have one.
    CONSTRAINT threshold_drafts_reviewed CHECK ((status IN ('APPROVED', 'REJECTED')) = (reviewer <> '')),
    CONSTRAINT threshold_drafts_reject_comment CHECK (status <> 'REJECTED' OR review_comment <> ''),
    CONSTRAINT threshold_drafts_submit_rationale CHECK (status = 'DRAFT' OR rationale <> ''),
    CONSTRAINT threshold_drafts_published CHECK ((status = 'APPROVED') = (published_version_id IS NOT NULL))
);
CREATE INDEX threshold_drafts_market ON threshold_drafts (market, id);
CREATE INDEX threshold_drafts_status ON threshold_drafts (status, id);

-- An emergency rollback activates an earlier version directly, without a new approval; it is
-- flagged here (and audited).
ALTER TABLE threshold_activations ADD COLUMN emergency INTEGER NOT NULL DEFAULT 0;
-- Two activations of one market can never tie, so at every instant exactly one activation (the
-- latest at or before it) decides the market's active version.
CREATE UNIQUE INDEX threshold_activations_market_activated_at ON threshold_activations (market, activated_at);

-- A published version names an approver other than its author (SQLite cannot add a CHECK to an
-- existing table, so a trigger refuses such rows).
-- +goose StatementBegin
CREATE TRIGGER threshold_versions_approver_not_author BEFORE INSERT ON threshold_versions
WHEN NEW.approver = NEW.author
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: threshold_versions_approver_not_author');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER threshold_versions_approver_not_author;
DROP INDEX threshold_activations_market_activated_at;
ALTER TABLE threshold_activations DROP COLUMN emergency;
DROP TABLE threshold_drafts;
