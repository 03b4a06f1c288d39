-- +goose Up
-- Shadow versions and challenger splits (issue 17); see the PostgreSQL migration for the meaning
-- of each table and column.
CREATE TABLE threshold_shadows (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    market     TEXT    NOT NULL,
    version_id INTEGER NOT NULL REFERENCES threshold_versions (id),
    started_at DATETIME NOT NULL,
    started_by TEXT    NOT NULL,
    ends_at    DATETIME,
    stopped_at DATETIME,
    stopped_by TEXT    NOT NULL DEFAULT '',
    CONSTRAINT threshold_shadows_ends_after_start CHECK (ends_at IS NULL OR ends_at > started_at),
    CONSTRAINT threshold_shadows_stopped CHECK ((stopped_at IS NULL) = (stopped_by = '')),
    CONSTRAINT threshold_shadows_stop_after_start CHECK (stopped_at IS NULL OR stopped_at >= started_at)
);
CREATE INDEX threshold_shadows_market ON threshold_shadows (market, started_at);
CREATE INDEX threshold_shadows_version ON threshold_shadows (version_id, started_at);

CREATE TABLE threshold_split_requests (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    market          TEXT    NOT NULL,
    version_id      INTEGER NOT NULL REFERENCES threshold_versions (id),
    percent         INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 50),
    rationale       TEXT    NOT NULL,
    author          TEXT    NOT NULL,
    author_person   TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    revision        INTEGER NOT NULL CHECK (revision >= 1),
    reviewer        TEXT    NOT NULL DEFAULT '',
    reviewer_person TEXT    NOT NULL DEFAULT '',
    review_comment  TEXT    NOT NULL DEFAULT '',
    created_at      DATETIME NOT NULL,
    updated_at      DATETIME NOT NULL,
    CONSTRAINT threshold_split_requests_reviewer_not_author CHECK (reviewer = '' OR reviewer <> author),
    CONSTRAINT threshold_split_requests_reviewer_not_author_person CHECK (reviewer_person = '' OR reviewer_person <> author_person),
    CONSTRAINT threshold_split_requests_reviewed CHECK ((status IN ('APPROVED', 'REJECTED')) = (reviewer <> '')),
    CONSTRAINT threshold_split_requests_reject_comment CHECK (status <> 'REJECTED' OR review_comment <> ''),
    CONSTRAINT threshold_split_requests_rationale CHECK (rationale <> '')
);
CREATE INDEX threshold_split_requests_market ON threshold_split_requests (market, id);
CREATE INDEX threshold_split_requests_status ON threshold_split_requests (status, id);

CREATE TABLE threshold_splits (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    market     TEXT    NOT NULL,
    version_id INTEGER NOT NULL REFERENCES threshold_versions (id),
    percent    INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 50),
    request_id INTEGER REFERENCES threshold_split_requests (id),
    started_at DATETIME NOT NULL,
    started_by TEXT    NOT NULL,
    ended_at   DATETIME,
    ended_by   TEXT    NOT NULL DEFAULT '',
    CONSTRAINT threshold_splits_ended CHECK ((ended_at IS NULL) = (ended_by = ''))
);
CREATE UNIQUE INDEX threshold_splits_running ON threshold_splits (market) WHERE ended_at IS NULL;
CREATE INDEX threshold_splits_market ON threshold_splits (market, started_at);

ALTER TABLE decisions ADD COLUMN arm TEXT NOT NULL DEFAULT '' CHECK (arm IN ('', 'CHAMPION', 'CHALLENGER'));
ALTER TABLE decisions ADD COLUMN shadow_results TEXT NOT NULL DEFAULT '';

-- SQLite cannot change a primary key: rollup_hour is rebuilt with arm in it.
CREATE TABLE rollup_hour_arm (
    hour                 INTEGER NOT NULL,
    market               TEXT   NOT NULL,
    merchant_category    TEXT   NOT NULL,
    channel              TEXT   NOT NULL,
    principal_reason     TEXT   NOT NULL,
    threshold_version_id INTEGER NOT NULL,
    arm                  TEXT   NOT NULL DEFAULT '',
    assessed             INTEGER NOT NULL,
    declined             INTEGER NOT NULL,
    PRIMARY KEY (market, hour, merchant_category, channel, principal_reason, threshold_version_id, arm)
);
INSERT INTO rollup_hour_arm (hour, market, merchant_category, channel, principal_reason, threshold_version_id, assessed, declined)
    SELECT hour, market, merchant_category, channel, principal_reason, threshold_version_id, assessed, declined FROM rollup_hour;
DROP TABLE rollup_hour;
ALTER TABLE rollup_hour_arm RENAME TO rollup_hour;
CREATE INDEX rollup_hour_time ON rollup_hour (hour);

CREATE TABLE rollup_shadow_hour (
    version_id    INTEGER NOT NULL,
    hour          INTEGER NOT NULL,
    market        TEXT    NOT NULL,
    arm           TEXT    NOT NULL,
    live_reason   TEXT    NOT NULL,
    shadow_reason TEXT    NOT NULL,
    assessed      INTEGER NOT NULL,
    PRIMARY KEY (version_id, hour, arm, live_reason, shadow_reason)
);

-- +goose Down
DROP TABLE rollup_shadow_hour;
CREATE TABLE rollup_hour_old (
    hour                 INTEGER NOT NULL,
    market               TEXT   NOT NULL,
    merchant_category    TEXT   NOT NULL,
    channel              TEXT   NOT NULL,
    principal_reason     TEXT   NOT NULL,
    threshold_version_id INTEGER NOT NULL,
    assessed             INTEGER NOT NULL,
    declined             INTEGER NOT NULL,
    PRIMARY KEY (market, hour, merchant_category, channel, principal_reason, threshold_version_id)
);
INSERT INTO rollup_hour_old SELECT hour, market, merchant_category, channel, principal_reason, threshold_version_id,
    SUM(assessed), SUM(declined) FROM rollup_hour GROUP BY 1, 2, 3, 4, 5, 6;
DROP TABLE rollup_hour;
ALTER TABLE rollup_hour_old RENAME TO rollup_hour;
CREATE INDEX rollup_hour_time ON rollup_hour (hour);
ALTER TABLE decisions DROP COLUMN shadow_results;
ALTER TABLE decisions DROP COLUMN arm;
DROP TABLE threshold_splits;
DROP TABLE threshold_split_requests;
DROP TABLE threshold_shadows;
