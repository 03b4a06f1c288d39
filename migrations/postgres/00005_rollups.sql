-- +goose Up
-- Decline-rate rollups: counts of decisions (assessed) and declines (declined) per UTC hour and a
-- set of dimensions, kept by one background aggregator (internal/analytics) so that assessments
-- never write them and never contend on their rows. Each table is one grain; a query reads the
-- smallest table that has every dimension it filters or groups by. hour is the start of the UTC
-- hour in Unix seconds; principal_reason is the decision's first-ranked reason code, '' for an
-- approval. The primary keys carry the counts (INCLUDE), so a query of one market reads its
-- index alone: the rows of a market are scattered over the table, as every pass adds all
-- markets' hours together.
CREATE TABLE rollup_market_hour (
    hour     BIGINT NOT NULL,
    market   TEXT   NOT NULL,
    assessed BIGINT NOT NULL,
    declined BIGINT NOT NULL,
    PRIMARY KEY (market, hour) INCLUDE (assessed, declined)
);

CREATE TABLE rollup_reason_hour (
    hour             BIGINT NOT NULL,
    market           TEXT   NOT NULL,
    principal_reason TEXT   NOT NULL,
    assessed         BIGINT NOT NULL,
    declined         BIGINT NOT NULL,
    PRIMARY KEY (market, hour, principal_reason) INCLUDE (assessed, declined)
);

CREATE TABLE rollup_hour (
    hour                 BIGINT NOT NULL,
    market               TEXT   NOT NULL,
    merchant_category    TEXT   NOT NULL,
    channel              TEXT   NOT NULL,
    principal_reason     TEXT   NOT NULL,
    threshold_version_id BIGINT NOT NULL,
    assessed             BIGINT NOT NULL,
    declined             BIGINT NOT NULL,
    PRIMARY KEY (market, hour, merchant_category, channel, principal_reason, threshold_version_id) INCLUDE (assessed, declined)
);
CREATE INDEX rollup_hour_time ON rollup_hour (hour);

CREATE TABLE rollup_merchant_hour (
    hour              BIGINT NOT NULL,
    market            TEXT   NOT NULL,
    merchant_category TEXT   NOT NULL,
    merchant_id       TEXT   NOT NULL,
    channel           TEXT   NOT NULL,
    assessed          BIGINT NOT NULL,
    declined          BIGINT NOT NULL,
    PRIMARY KEY (market, hour, merchant_category, merchant_id, channel) INCLUDE (assessed, declined)
);
CREATE INDEX rollup_merchant_hour_merchant ON rollup_merchant_hour (merchant_id, hour);

-- The aggregator's position. Every decision written by a transaction whose id is below watermark
-- is counted in the rollups, and none other: transaction ids below pg_snapshot_xmin of a snapshot
-- belong to transactions that have ended, so no decision can still appear below the watermark.
-- The row is locked by the aggregator for its whole pass, so replicas take turns.
CREATE TABLE rollup_state (
    id          INTEGER     PRIMARY KEY CHECK (id = 1),
    watermark   BIGINT      NOT NULL,
    advanced_at TIMESTAMPTZ
);
INSERT INTO rollup_state (id, watermark) VALUES (1, 0);

-- The transaction that wrote each decision, for the aggregator's watermark. Existing rows take
-- the id of this migration's transaction, so the first pass counts them all.
ALTER TABLE decisions ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX decisions_xid ON decisions (xid);

-- +goose Down
DROP INDEX decisions_xid;
ALTER TABLE decisions DROP COLUMN xid;
DROP TABLE rollup_state;
DROP TABLE rollup_merchant_hour;
DROP TABLE rollup_hour;
DROP TABLE rollup_reason_hour;
DROP TABLE rollup_market_hour;
