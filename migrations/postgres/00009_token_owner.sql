-- +goose Up
-- An API token belongs to the person who created it (auth.Person: "user:3", or "system:demo" for
-- the tokens a server task created), so that maker-checker sees a token and its creator as one
-- person. Existing tokens take their owner from their creator's subject ("user:3:admin" ->
-- "user:3"); a token with no recorded creator keeps '' and stays a person of its own ("token:7").
-- Tokens may no longer carry ANALYST, APPROVER or ADMIN (auth.TokenRoles): the server refuses
-- existing ones at authentication, and they stay listed so that an ADMIN can see and revoke them.
ALTER TABLE api_tokens ADD COLUMN owner TEXT NOT NULL DEFAULT '';
UPDATE api_tokens SET owner = CASE
    WHEN created_by LIKE 'user:%' THEN split_part(created_by, ':', 1) || ':' || split_part(created_by, ':', 2)
    ELSE created_by END;

-- +goose Down
ALTER TABLE api_tokens DROP COLUMN owner;
