-- +goose Up
-- Sign-in through an OpenID Connect provider (issue 20). A user signed in through the provider is
-- a users row found by its person, "oidc:<issuer hash>:<sub>" (internal/oidc), never by e-mail:
-- maker-checker and the audit log count every sign-in of that person as one. Local accounts keep
-- person NULL (their person is "user:<id>"); such a row has no password (password_hash '').
ALTER TABLE users ADD COLUMN person TEXT;
CREATE UNIQUE INDEX users_person ON users (person);

-- Sign-ins under way: one row per redirect to the provider, taken (deleted) by the callback, so
-- that a state works once. state_hash and browser_hash are SHA-256 of the state and of the
-- browser's binding cookie; the PKCE verifier never leaves the server.
CREATE TABLE oidc_flows (
    state_hash   TEXT PRIMARY KEY,
    browser_hash TEXT NOT NULL,
    nonce        TEXT NOT NULL,
    verifier     TEXT NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX oidc_flows_expires ON oidc_flows (expires_at);

-- Settings an ADMIN changes in the console, one row per name; every change is an audit event.
-- local_sign_in: "off" when staff may sign in through the identity provider only.
CREATE TABLE settings (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT NOT NULL
);

-- +goose Down
DROP TABLE settings;
DROP TABLE oidc_flows;
DROP INDEX users_person;
ALTER TABLE users DROP COLUMN person;
