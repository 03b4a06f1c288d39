-- +goose Up
-- Decline-rate rollups: counts of decisions (assessed) and declines (declined) per UTC hour and a
-- set of dimensions, kept by one background aggregator (internal/analytics) so that assessments
-- never write them and never contend on their rows. Each table is one grain; a query reads the
-- smallest table that has every dimension it filters or groups by. hour is the start of the UTC
-- hour in Unix seconds; principal_reason is the decision's first-ranked reason code, '' for an
-- approval.
CREATE TABLE rollup_market_hour (
    hour     INTEGER NOT NULL,
    market   TEXT   NOT NULL,
    assessed INTEGER NOT NULL,
    declined INTEGER NOT NULL,
    PRIMARY KEY (market, hour)
);

CREATE TABLE rollup_reason_hour (
    hour             INTEGER NOT NULL,
    market           TEXT   NOT NULL,
    principal_reason TEXT   NOT NULL,
    assessed         INTEGER NOT NULL,
    declined         INTEGER NOT NULL,
    PRIMARY KEY (market, hour, principal_reason)
);

CREATE TABLE rollup_hour (
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
CREATE INDEX rollup_hour_time ON rollup_hour (hour);

CREATE TABLE rollup_merchant_hour (
    hour              INTEGER NOT NULL,
    market            TEXT   NOT NULL,
    merchant_category TEXT   NOT NULL,
    merchant_id       TEXT   NOT NULL,
    channel           TEXT   NOT NULL,
    assessed          INTEGER NOT NULL,
    declined          INTEGER NOT NULL,
    PRIMARY KEY (market, hour, merchant_category, merchant_id, channel)
);
CREATE INDEX rollup_merchant_hour_merchant ON rollup_merchant_hour (merchant_id, hour);

-- The aggregator's position: every decision with a rowid up to watermark is counted in the
-- rollups, and none other. SQLite has one writer at a time and gives each new row a rowid above
-- all existing ones (decisions are never deleted), so the aggregator, holding the write lock,
-- sees every row up to max(rowid) committed.
CREATE TABLE rollup_state (
    id          INTEGER  PRIMARY KEY CHECK (id = 1),
    watermark   INTEGER  NOT NULL,
    advanced_at DATETIME
);
INSERT INTO rollup_state (id, watermark) VALUES (1, 0);

-- +goose Down
DROP TABLE rollup_state;
DROP TABLE rollup_merchant_hour;
DROP TABLE rollup_hour;
DROP TABLE rollup_reason_hour;
DROP TABLE rollup_market_hour;
