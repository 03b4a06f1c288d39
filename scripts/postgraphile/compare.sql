-- compare.sql: PostGraphile's side of scripts/postgraphile/compare.sh, run once as the owner after
-- the seed. Not a migration: it exists only in the benchmark's own database.
--
-- decisions_plain is "a whole decision row" for PostGraphile's create mutation to insert: the
-- decisions' columns, defaults, CHECKs (the UUIDv7 id of its created_at among them) and indexes,
-- their two foreign keys, and the uniqueness that decision_keys gives the console (id, idempotency
-- key, reference), in one unpartitioned table, filled with the same seeded decisions so that its
-- indexes are as deep as the console's. The console's insert writes the same index entries plus a
-- second heap row (decision_keys) and routes to a monthly partition; what it does besides (the
-- engine, the idempotency look-up, the catalog's message, the seal) PostGraphile does not.
-- Inserting into decisions itself would put rows without keys, seals or audit among the console's
-- decisions, which its explorer, rollups and what-if then read.
CREATE TABLE decisions_plain (LIKE decisions INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
ALTER TABLE decisions_plain
    ADD CONSTRAINT decisions_plain_id_key UNIQUE (id),
    ADD CONSTRAINT decisions_plain_idempotency_key_key UNIQUE (idempotency_key),
    ADD CONSTRAINT decisions_plain_reference_key UNIQUE (reference),
    ADD FOREIGN KEY (threshold_version_id) REFERENCES threshold_versions (id),
    ADD FOREIGN KEY (catalog_version_id) REFERENCES catalog_versions (id);
INSERT INTO decisions_plain SELECT * FROM decisions;

-- PostGraphile's role sees what it serves and nothing else (PostGraphile 5 builds its schema from
-- the role's privileges): the explorer reads decisions (the partitioned table, as the console's
-- explorer does) with their threshold versions; the insert writes decisions_plain.
GRANT USAGE ON SCHEMA public TO riskconsole_pgl;
GRANT SELECT ON decisions, threshold_versions TO riskconsole_pgl;
GRANT SELECT, INSERT ON decisions_plain TO riskconsole_pgl;
