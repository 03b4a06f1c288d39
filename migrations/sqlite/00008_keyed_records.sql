-- +goose Up
-- Keyed records (issue 14): the audit chain and the decisions need a secret the database does not
-- hold (the console's AUDIT_KEY). An audit event written with the key carries the key's id in
-- key_id and an HMAC-SHA-256 in hash. Events written before the console had a key keep key_id ''
-- and their plain SHA-256 hash, and are verified as before: the first keyed event's MAC covers
-- the last unkeyed hash, which pins everything before it, and every event after a keyed one must
-- be keyed (internal/auditlog).
ALTER TABLE audit_events ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
-- A decision's seal is "<key id>:<HMAC-SHA-256 of its stored content>" (internal/store); '' for
-- decisions stored before the console had a key.
ALTER TABLE decisions ADD COLUMN seal TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE decisions DROP COLUMN seal;
ALTER TABLE audit_events DROP COLUMN key_id;
