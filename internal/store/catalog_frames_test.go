package store_test

import (
	"context"
	"testing"

	"riskconsole/internal/catalog"
	"riskconsole/internal/store"
	"riskconsole/internal/testdb"
)

// TestCatalogFramesStoredBeforeAPart: a version stored before a part existed (the review notices
// were added to the frames later) reads with that part's seeded text and its stored parts as
// stored.
func TestCatalogFramesStoredBeforeAPart(t *testing.T) {
	ctx := context.Background()
	st := open(t, store.Options{SQLitePath: testdb.NewSQLitePath(t)})
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	db := st.Pool()
	res, err := db.ExecContext(ctx, `INSERT INTO catalog_versions (version, author, published_at) VALUES (900, 'test', CURRENT_TIMESTAMP)`)
	if err != nil {
		t.Fatal(err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO catalog_frames (catalog_version_id, locale, part, text) VALUES (?, 'sv-SE', 'TITLE', 'Stored title')`, id); err != nil {
		t.Fatal(err)
	}
	c, err := st.CatalogVersionByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	f := c.Frames["sv-SE"]
	if f.Title != "Stored title" {
		t.Errorf("stored part: %q", f.Title)
	}
	if seeded := catalog.SeededFrame("sv-SE"); f.ReviewReceivedBody != seeded.ReviewReceivedBody || f.ReviewOverturnedTitle != seeded.ReviewOverturnedTitle {
		t.Errorf("the review parts stored before they existed: %q, %q; want the seeds", f.ReviewReceivedBody, f.ReviewOverturnedTitle)
	}
}
