-- +goose Up
-- Catalog drafts: the mutable side of the reason catalog's maker-checker lifecycle. A draft holds
-- a full copy of the texts of the version it started from; each edit bumps revision, so an edit
-- naming an older revision is refused. It is submitted, then approved (which publishes a new
-- immutable catalog_versions row) or rejected by an APPROVER who is not its author.
CREATE TABLE catalog_drafts (
    id                BIGSERIAL   PRIMARY KEY,
    base_version      INTEGER     NOT NULL REFERENCES catalog_versions (version),
    texts             TEXT        NOT NULL,
    author            TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    revision          INTEGER     NOT NULL CHECK (revision >= 1),
    reviewer          TEXT        NOT NULL DEFAULT '',
    review_comment    TEXT        NOT NULL DEFAULT '',
    published_version INTEGER     REFERENCES catalog_versions (version),
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    -- Maker-checker: nobody reviews their own draft.
    CONSTRAINT catalog_drafts_reviewer_not_author CHECK (reviewer = '' OR reviewer <> author),
    CONSTRAINT catalog_drafts_reviewed CHECK ((status IN ('APPROVED', 'REJECTED')) = (reviewer <> '')),
    CONSTRAINT catalog_drafts_published CHECK ((status = 'APPROVED') = (published_version IS NOT NULL))
);

-- +goose Down
DROP TABLE catalog_drafts;
