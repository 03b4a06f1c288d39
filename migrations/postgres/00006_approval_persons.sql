-- +goose Up
-- Maker-checker is about people, not logins: a user's sessions (and, once tokens name their owner,
-- the tokens they created) are one person. Drafts record the person of their author and of their
-- reviewer ("user:3", "token:2"; see auth.Person) beside the subjects the API shows, and the
-- database refuses a review by the author's person as it refuses one by the author's subject.
-- Existing drafts take their author's person from the author's subject ("user:3:anna" -> "user:3").
ALTER TABLE threshold_drafts ADD COLUMN author_person TEXT NOT NULL DEFAULT '';
ALTER TABLE threshold_drafts ADD COLUMN reviewer_person TEXT NOT NULL DEFAULT '';
UPDATE threshold_drafts SET author_person = CASE
    WHEN author LIKE 'user:%' OR author LIKE 'token:%' THEN split_part(author, ':', 1) || ':' || split_part(author, ':', 2)
    ELSE author END;
ALTER TABLE threshold_drafts ADD CONSTRAINT threshold_drafts_reviewer_not_author_person
    CHECK (reviewer_person = '' OR reviewer_person <> author_person);

ALTER TABLE catalog_drafts ADD COLUMN author_person TEXT NOT NULL DEFAULT '';
ALTER TABLE catalog_drafts ADD COLUMN reviewer_person TEXT NOT NULL DEFAULT '';
UPDATE catalog_drafts SET author_person = CASE
    WHEN author LIKE 'user:%' OR author LIKE 'token:%' THEN split_part(author, ':', 1) || ':' || split_part(author, ':', 2)
    ELSE author END;
ALTER TABLE catalog_drafts ADD CONSTRAINT catalog_drafts_reviewer_not_author_person
    CHECK (reviewer_person = '' OR reviewer_person <> author_person);

-- +goose Down
ALTER TABLE catalog_drafts DROP CONSTRAINT catalog_drafts_reviewer_not_author_person;
ALTER TABLE catalog_drafts DROP COLUMN reviewer_person;
ALTER TABLE catalog_drafts DROP COLUMN author_person;
ALTER TABLE threshold_drafts DROP CONSTRAINT threshold_drafts_reviewer_not_author_person;
ALTER TABLE threshold_drafts DROP COLUMN reviewer_person;
ALTER TABLE threshold_drafts DROP COLUMN author_person;
