-- +goose Up
-- Where a sign-in through the identity provider returns to: the console page the person was on
-- when the sign-in began (a path of the console, checked by oidc.SafeNext), '' for the start page.
-- Kept with the flow, server-side, so that the callback's redirect is never the browser's to name.
ALTER TABLE oidc_flows ADD COLUMN next_path TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE oidc_flows DROP COLUMN next_path;
