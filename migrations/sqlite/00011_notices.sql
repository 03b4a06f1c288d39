-- +goose Up
-- Complete decline notices (issue 15); see the PostgreSQL migration for the meaning of each
-- table and column.
CREATE TABLE catalog_frames (
    catalog_version_id INTEGER NOT NULL REFERENCES catalog_versions (id),
    locale             TEXT    NOT NULL,
    part               TEXT    NOT NULL,
    text               TEXT    NOT NULL,
    PRIMARY KEY (catalog_version_id, locale, part)
);

-- +goose StatementBegin
CREATE TRIGGER catalog_frames_no_update BEFORE UPDATE ON catalog_frames
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on catalog_frames is not allowed: rows are append-only');
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER catalog_frames_no_delete BEFORE DELETE ON catalog_frames
BEGIN
    SELECT RAISE(ABORT, 'DELETE on catalog_frames is not allowed: rows are append-only');
END;
-- +goose StatementEnd

ALTER TABLE decisions ADD COLUMN bureau_report TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE decisions DROP COLUMN bureau_report;
DROP TABLE catalog_frames;
