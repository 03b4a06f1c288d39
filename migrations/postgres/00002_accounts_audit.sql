-- +goose Up
-- Staff accounts. roles is a comma-separated list; password_hash is an argon2id PHC string.
CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT        NOT NULL UNIQUE,
    display_name  TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    roles         TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    created_by    TEXT        NOT NULL,
    disabled_at   TIMESTAMPTZ
);

-- Console sessions. id is the SHA-256 of the secret in the cookie, so a database leak does not
-- hand out live sessions.
CREATE TABLE sessions (
    id           TEXT        PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES users (id),
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    client_addr  TEXT        NOT NULL,
    user_agent   TEXT        NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;

ALTER TABLE api_tokens ADD COLUMN last_used_at TIMESTAMPTZ;
ALTER TABLE api_tokens ADD COLUMN created_by TEXT NOT NULL DEFAULT '';

-- The audit log: append-only, each event chained to the previous one by
-- hash = SHA-256(prev_hash || canonical event), written in id order under a lock.
CREATE TABLE audit_events (
    id          BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    actor_roles TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT        NOT NULL,
    before      JSONB,
    after       JSONB,
    request_id  TEXT        NOT NULL,
    client_addr TEXT        NOT NULL,
    outcome     TEXT        NOT NULL CHECK (outcome IN ('DONE', 'DENIED', 'FAILED')),
    prev_hash   TEXT        NOT NULL,
    hash        TEXT        NOT NULL UNIQUE
);
CREATE INDEX audit_events_at ON audit_events (at, id);
CREATE INDEX audit_events_actor ON audit_events (actor, at, id);
CREATE INDEX audit_events_action ON audit_events (action, at, id);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id, at, id);

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER threshold_versions_no_truncate BEFORE TRUNCATE ON threshold_versions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER threshold_activations_no_truncate BEFORE TRUNCATE ON threshold_activations
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER catalog_versions_no_truncate BEFORE TRUNCATE ON catalog_versions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER catalog_messages_no_truncate BEFORE TRUNCATE ON catalog_messages
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- +goose Down
DROP TRIGGER catalog_messages_no_truncate ON catalog_messages;
DROP TRIGGER catalog_versions_no_truncate ON catalog_versions;
DROP TRIGGER threshold_activations_no_truncate ON threshold_activations;
DROP TRIGGER threshold_versions_no_truncate ON threshold_versions;
DROP TABLE audit_events;
ALTER TABLE api_tokens DROP COLUMN created_by;
ALTER TABLE api_tokens DROP COLUMN last_used_at;
DROP TABLE sessions;
DROP TABLE users;
