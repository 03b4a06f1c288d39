-- +goose Up
-- Shadow versions and challenger splits (issue 17).
--
-- A shadow run evaluates an approved version that is not in force on every assessment of its
-- market from started_at until it is stopped (stopped_at) or reaches ends_at, whichever comes
-- first. At most three run per market at once and a version runs at most once at a time (the
-- service checks both under the market's lock). Each start and stop is an audit event.
CREATE TABLE threshold_shadows (
    id         BIGSERIAL   PRIMARY KEY,
    market     TEXT        NOT NULL,
    version_id BIGINT      NOT NULL REFERENCES threshold_versions (id),
    started_at TIMESTAMPTZ NOT NULL,
    started_by TEXT        NOT NULL,
    ends_at    TIMESTAMPTZ,
    stopped_at TIMESTAMPTZ,
    stopped_by TEXT        NOT NULL DEFAULT '',
    CONSTRAINT threshold_shadows_ends_after_start CHECK (ends_at IS NULL OR ends_at > started_at),
    CONSTRAINT threshold_shadows_stopped CHECK ((stopped_at IS NULL) = (stopped_by = '')),
    CONSTRAINT threshold_shadows_stop_after_start CHECK (stopped_at IS NULL OR stopped_at >= started_at)
);
CREATE INDEX threshold_shadows_market ON threshold_shadows (market, started_at);
CREATE INDEX threshold_shadows_version ON threshold_shadows (version_id, started_at);

-- A request to start, change or end (percent 0) a market's challenger split, through the shared
-- approval workflow: proposed SUBMITTED by its author, then APPROVED (which applies it) or
-- REJECTED by a second person.
CREATE TABLE threshold_split_requests (
    id              BIGSERIAL   PRIMARY KEY,
    market          TEXT        NOT NULL,
    version_id      BIGINT      NOT NULL REFERENCES threshold_versions (id),
    percent         INTEGER     NOT NULL CHECK (percent BETWEEN 0 AND 50),
    rationale       TEXT        NOT NULL,
    author          TEXT        NOT NULL,
    author_person   TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    revision        INTEGER     NOT NULL CHECK (revision >= 1),
    reviewer        TEXT        NOT NULL DEFAULT '',
    reviewer_person TEXT        NOT NULL DEFAULT '',
    review_comment  TEXT        NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT threshold_split_requests_reviewer_not_author CHECK (reviewer = '' OR reviewer <> author),
    CONSTRAINT threshold_split_requests_reviewer_not_author_person CHECK (reviewer_person = '' OR reviewer_person <> author_person),
    CONSTRAINT threshold_split_requests_reviewed CHECK ((status IN ('APPROVED', 'REJECTED')) = (reviewer <> '')),
    CONSTRAINT threshold_split_requests_reject_comment CHECK (status <> 'REJECTED' OR review_comment <> ''),
    CONSTRAINT threshold_split_requests_rationale CHECK (rationale <> '')
);
CREATE INDEX threshold_split_requests_market ON threshold_split_requests (market, id);
CREATE INDEX threshold_split_requests_status ON threshold_split_requests (status, id);

-- The periods of the markets' challenger splits: version_id decides for percent % of the market's
-- shoppers from started_at until ended_at. An approved change ends the market's running period and
-- starts the next one in the same transaction, so at most one runs per market (the partial unique
-- index). The assignment of a shopper depends only on the market, the version and the shopper id,
-- so a shopper meets the same set while a split of that version lasts, and a shopper in the
-- challenger arm stays there when its share grows.
CREATE TABLE threshold_splits (
    id          BIGSERIAL   PRIMARY KEY,
    market      TEXT        NOT NULL,
    version_id  BIGINT      NOT NULL REFERENCES threshold_versions (id),
    percent     INTEGER     NOT NULL CHECK (percent BETWEEN 1 AND 50),
    request_id  BIGINT      REFERENCES threshold_split_requests (id),
    started_at  TIMESTAMPTZ NOT NULL,
    started_by  TEXT        NOT NULL,
    ended_at    TIMESTAMPTZ,
    ended_by    TEXT        NOT NULL DEFAULT '',
    CONSTRAINT threshold_splits_ended CHECK ((ended_at IS NULL) = (ended_by = ''))
);
CREATE UNIQUE INDEX threshold_splits_running ON threshold_splits (market) WHERE ended_at IS NULL;
CREATE INDEX threshold_splits_market ON threshold_splits (market, started_at);

-- Which arm of a split decided a decision ('' when no split ran: the version in force decided),
-- and the outcome of every shadow that ran for it, in the compact form of
-- decisions.EncodeShadowResults: ";<version id>:<reasons>;..." where reasons are the ranked
-- principal reason codes as hex digits (one per reason, 1-f), or 0 for an approval.
ALTER TABLE decisions ADD COLUMN arm TEXT NOT NULL DEFAULT '' CHECK (arm IN ('', 'CHAMPION', 'CHALLENGER'));
ALTER TABLE decisions ADD COLUMN shadow_results TEXT NOT NULL DEFAULT '';

-- The decline-rate rollups by arm.
ALTER TABLE rollup_hour ADD COLUMN arm TEXT NOT NULL DEFAULT '';
ALTER TABLE rollup_hour DROP CONSTRAINT rollup_hour_pkey;
ALTER TABLE rollup_hour ADD PRIMARY KEY (market, hour, merchant_category, channel, principal_reason, threshold_version_id, arm)
    INCLUDE (assessed, declined);

-- Shadow rollups, kept by the aggregator with the others: per shadow version and UTC hour, the
-- decisions by arm, by the principal reason the live decision named ('' for an approval) and the
-- one the shadow named ('' for an approval). A shadow run's comparison sums the hours it ran.
CREATE TABLE rollup_shadow_hour (
    version_id    BIGINT NOT NULL,
    hour          BIGINT NOT NULL,
    market        TEXT   NOT NULL,
    arm           TEXT   NOT NULL,
    live_reason   TEXT   NOT NULL,
    shadow_reason TEXT   NOT NULL,
    assessed      BIGINT NOT NULL,
    PRIMARY KEY (version_id, hour, arm, live_reason, shadow_reason) INCLUDE (assessed)
);

-- +goose Down
DROP TABLE rollup_shadow_hour;
ALTER TABLE rollup_hour DROP CONSTRAINT rollup_hour_pkey;
CREATE TEMP TABLE rollup_hour_merged AS
    SELECT hour, market, merchant_category, channel, principal_reason, threshold_version_id,
           SUM(assessed)::bigint AS assessed, SUM(declined)::bigint AS declined
    FROM rollup_hour GROUP BY 1, 2, 3, 4, 5, 6;
DELETE FROM rollup_hour;
ALTER TABLE rollup_hour DROP COLUMN arm;
INSERT INTO rollup_hour SELECT * FROM rollup_hour_merged;
DROP TABLE rollup_hour_merged;
ALTER TABLE rollup_hour ADD PRIMARY KEY (market, hour, merchant_category, channel, principal_reason, threshold_version_id)
    INCLUDE (assessed, declined);
ALTER TABLE decisions DROP COLUMN shadow_results;
ALTER TABLE decisions DROP COLUMN arm;
DROP TABLE threshold_splits;
DROP TABLE threshold_split_requests;
DROP TABLE threshold_shadows;
