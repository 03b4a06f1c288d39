-- +goose Up
-- Complete decline notices (issue 15). The pop-up's frame (title, intro, closing, and the notices:
-- the decision reference, the human-review notice of SE, DE and GB, the US FCRA 615(a) and ECOA
-- notices) becomes part of each published catalog version, one row per locale and part, so that
-- it is edited through drafts, validated on publication and pinned by decisions like the reason
-- texts. A version published before this migration has no rows and renders the seeded frames.
CREATE TABLE catalog_frames (
    catalog_version_id BIGINT NOT NULL REFERENCES catalog_versions (id),
    locale             TEXT   NOT NULL,
    part               TEXT   NOT NULL,
    text               TEXT   NOT NULL,
    PRIMARY KEY (catalog_version_id, locale, part)
);
CREATE TRIGGER catalog_frames_append_only BEFORE UPDATE OR DELETE ON catalog_frames
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER catalog_frames_no_truncate BEFORE TRUNCATE ON catalog_frames
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- What a decline's notices used, kept with the decision (Reg B 1002.12) and covered by its seal:
-- the bureau's answer as checkout sent it (JSON: bureau, score, range, date, key factors; '' when
-- checkout sent none). The agent view's redacted pop-up is rendered again from it and the pinned
-- catalog version rather than stored: a second copy of every pop-up would cost about 2 kB per
-- decline.
ALTER TABLE decisions ADD COLUMN bureau_report TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE decisions DROP COLUMN bureau_report;
DROP TABLE catalog_frames;
