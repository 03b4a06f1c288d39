-- +goose Up
-- Staff accounts. roles is a comma-separated list; password_hash is an argon2id PHC string.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT     NOT NULL UNIQUE,
    display_name  TEXT     NOT NULL,
    password_hash TEXT     NOT NULL,
    roles         TEXT     NOT NULL,
    created_at    DATETIME NOT NULL,
    created_by    TEXT     NOT NULL,
    disabled_at   DATETIME
);

-- Console sessions. id is the SHA-256 of the secret in the cookie.
CREATE TABLE sessions (
    id           TEXT     PRIMARY KEY,
    user_id      INTEGER  NOT NULL REFERENCES users (id),
    created_at   DATETIME NOT NULL,
    last_seen_at DATETIME NOT NULL,
    expires_at   DATETIME NOT NULL,
    revoked_at   DATETIME,
    client_addr  TEXT     NOT NULL,
    user_agent   TEXT     NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;

ALTER TABLE api_tokens ADD COLUMN last_used_at DATETIME;
ALTER TABLE api_tokens ADD COLUMN created_by TEXT NOT NULL DEFAULT '';

-- The audit log: append-only, each event chained to the previous one by
-- hash = SHA-256(prev_hash || canonical event), written in id order inside one write transaction.
CREATE TABLE audit_events (
    id          INTEGER  PRIMARY KEY AUTOINCREMENT,
    at          DATETIME NOT NULL,
    actor       TEXT     NOT NULL,
    actor_roles TEXT     NOT NULL,
    action      TEXT     NOT NULL,
    entity_type TEXT     NOT NULL,
    entity_id   TEXT     NOT NULL,
    before      TEXT,
    after       TEXT,
    request_id  TEXT     NOT NULL,
    client_addr TEXT     NOT NULL,
    outcome     TEXT     NOT NULL CHECK (outcome IN ('DONE', 'DENIED', 'FAILED')),
    prev_hash   TEXT     NOT NULL,
    hash        TEXT     NOT NULL UNIQUE
);
CREATE INDEX audit_events_at ON audit_events (at, id);
CREATE INDEX audit_events_actor ON audit_events (actor, at, id);
CREATE INDEX audit_events_action ON audit_events (action, at, id);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id, at, id);

-- +goose StatementBegin
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'UPDATE on audit_events is not allowed: rows are append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'DELETE on audit_events is not allowed: rows are append-only');
END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE audit_events;
ALTER TABLE api_tokens DROP COLUMN created_by;
ALTER TABLE api_tokens DROP COLUMN last_used_at;
DROP TABLE sessions;
DROP TABLE users;
