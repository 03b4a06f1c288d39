package store

import (
	"context"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gorm.io/gorm"

	"riskconsole/internal/testdb"
	"riskconsole/models"
)

// rowModels is every row struct of package models.
var rowModels = []any{
	&models.RetentionClock{},
	&models.ThresholdVersion{}, &models.ThresholdActivation{}, &models.ThresholdDraft{},
	&models.ReasonCode{}, &models.CatalogVersion{}, &models.CatalogDraft{}, &models.CatalogMessage{}, &models.CatalogFrame{},
	&models.Decision{}, &models.APIToken{}, &models.User{}, &models.Session{}, &models.AuditEvent{},
	&models.OIDCFlow{}, &models.Setting{},
	&models.RollupMarketHour{}, &models.RollupReasonHour{}, &models.RollupMerchantHour{},
	&models.RollupHour{}, &models.RollupState{},
	&models.OutcomeEvent{}, &models.BadDefinition{}, &models.BadDefinitionDraft{},
	&models.RollupVintage{}, &models.RollupVintageOutcome{},
	&models.ReviewPolicy{}, &models.ReviewCase{}, &models.ReviewNotice{}, &models.StaffShopperLink{},
	&models.ThresholdShadow{}, &models.ThresholdSplitRequest{}, &models.ThresholdSplit{}, &models.RollupShadowHour{},
	&models.RetentionPolicyRequest{}, &models.RetentionPolicy{}, &models.LegalHold{},
	&models.DecisionKey{}, &models.PurgedMonth{}, &models.PurgePermit{},
	&models.AnonymisedDecision{}, &models.AmountBand{}, &models.RetentionJobState{}, &models.RetentionPermit{},
	&models.ErasureRequest{}, &models.ErasurePermit{},
}

// dialectOnlyColumns are the columns one database has beyond its table's model: PostgreSQL
// records the transaction that wrote each decision (the rollups' watermark, migration 5), which
// the database fills and no Go code reads; outcome_events has the same watermark as xid on
// PostgreSQL and as its rowid id on SQLite; on PostgreSQL the vintage rollups' watermark names the
// decision within a transaction too (rollup_state.outcome_watermark_decision).
var dialectOnlyColumns = map[Dialect]map[string][]string{
	Postgres: {"decisions": {"xid"}, "outcome_events": {"xid"}, "rollup_state": {"outcome_watermark_decision"}},
	SQLite:   {"outcome_events": {"id"}, "purged_months": {"state"}},
}

// dialectOnlyTables are the tables of one database only (migration 13): decision_keys is a table
// on PostgreSQL and a view of decisions on SQLite; purge permits exist on SQLite alone, the
// retention job's permits (migration 15) and the retention path's clock (migration 18) on
// PostgreSQL alone.
var dialectOnlyTables = map[Dialect][]string{Postgres: {"decision_keys", "retention_permits", "retention_clock"}, SQLite: {"purge_permits", "erasure_permits"}}

// monthPartition matches the names of the monthly partitions of decisions and outcome_events,
// which their parent's row struct describes.
var monthPartition = regexp.MustCompile(`^(decisions|outcome_events)_p[0-9]{6}$`)

// TestModelsMatchTables checks that models is the shape of every table: on both databases, after
// all migrations, each table (goose's and SQLite's own aside) has exactly one row struct, and the struct's
// columns are the table's.
func TestModelsMatchTables(t *testing.T) {
	for _, opts := range []Options{{SQLitePath: testdb.NewSQLitePath(t)}, {DatabaseURL: testdb.NewPostgresDB(t)}} {
		st, err := Open(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		t.Run(string(st.Dialect()), func(t *testing.T) {
			if err := st.Migrate(context.Background()); err != nil {
				t.Fatal(err)
			}
			tables, err := st.db.Migrator().GetTables()
			if err != nil {
				t.Fatal(err)
			}
			byTable := map[string][]string{} // table -> its model's columns
			for _, m := range rowModels {
				stmt := &gorm.Statement{DB: st.db}
				if err := stmt.Parse(m); err != nil {
					t.Fatalf("%T: %v", m, err)
				}
				if _, dup := byTable[stmt.Table]; dup {
					t.Errorf("two row structs for table %s (one is %T)", stmt.Table, m)
				}
				byTable[stmt.Table] = slices.Sorted(slices.Values(stmt.Schema.DBNames))
			}
			for d, only := range dialectOnlyTables {
				if d != st.Dialect() {
					for _, table := range only {
						delete(byTable, table)
					}
				}
			}
			for _, table := range tables {
				if table == "goose_db_version" || strings.HasPrefix(table, "sqlite_") || monthPartition.MatchString(table) {
					continue // goose's and SQLite's own, and the partitions of a table
				}
				want, ok := byTable[table]
				if !ok {
					t.Errorf("table %s has no row struct in models", table)
					continue
				}
				delete(byTable, table)
				types, err := st.db.Migrator().ColumnTypes(table)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, c := range types {
					if !slices.Contains(dialectOnlyColumns[st.Dialect()][table], c.Name()) {
						got = append(got, c.Name())
					}
				}
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("table %s has columns %v, its row struct %v", table, got, want)
				}
			}
			if len(byTable) > 0 {
				t.Errorf("row structs of tables that do not exist: %v", slices.Sorted(maps.Keys(byTable)))
			}
		})
	}
}
