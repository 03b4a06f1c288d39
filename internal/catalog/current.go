package catalog

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Repository is what Current needs from storage.
type Repository interface {
	// CurrentCatalog returns the newest published catalog.
	CurrentCatalog(ctx context.Context) (*Catalog, error)
	// LatestCatalogVersionID returns the id of the newest published catalog, cheaply: it is
	// polled.
	LatestCatalogVersionID(ctx context.Context) (int64, error)
	// CatalogVersion returns the published catalog with the given version number, or an error
	// matching apperr.ErrNotFound.
	CatalogVersion(ctx context.Context, version int) (*Catalog, error)
	// CatalogVersionByID returns the published catalog with the given database id (the one a
	// decision pins), or an error matching apperr.ErrNotFound.
	CatalogVersionByID(ctx context.Context, id int64) (*Catalog, error)
}

// Current holds the newest published catalog in memory for the assessment path, and the older
// published versions it has been asked for (published versions never change).
type Current struct {
	repo    Repository
	current atomic.Pointer[Catalog]
	older   sync.Map // version number → *Catalog
	byID    sync.Map // version id → *Catalog
}

// NewCurrent returns a holder reading from repo. Call Refresh before Current.
func NewCurrent(repo Repository) *Current { return &Current{repo: repo} }

// Current returns the catalog loaded last. Published catalogs are immutable, so callers may
// keep and read it freely.
func (c *Current) Current() *Catalog { return c.current.Load() }

// Refresh loads the newest published catalog when it is not the one held.
func (c *Current) Refresh(ctx context.Context) error {
	latest, err := c.repo.LatestCatalogVersionID(ctx)
	if err != nil {
		return err
	}
	if old := c.current.Load(); old != nil && old.VersionID == latest {
		return nil
	}
	cat, err := c.repo.CurrentCatalog(ctx)
	if err != nil {
		return err
	}
	c.current.Store(cat)
	return nil
}

// Preview is Preview on the current catalog, with the score date defaulting to the present.
func (c *Current) Preview(req PreviewRequest) (Message, error) {
	return Preview(c.Current(), req, time.Now().UTC())
}

// Version returns published version v, the current one when v is 0. Each version is read from
// the repository once: a list of drafts, or diffs between the same versions, reads it from memory.
func (c *Current) Version(ctx context.Context, v int) (*Catalog, error) {
	if cur := c.Current(); v == 0 || (cur != nil && cur.Version == v) {
		return cur, nil
	}
	if cat, ok := c.older.Load(v); ok {
		return cat.(*Catalog), nil
	}
	cat, err := c.repo.CatalogVersion(ctx, v)
	if err != nil {
		return nil, err
	}
	c.older.Store(v, cat)
	return cat, nil
}

// ByID returns the published version with database id id, the one a decision pins. Each is read
// from the repository once.
func (c *Current) ByID(ctx context.Context, id int64) (*Catalog, error) {
	if cur := c.Current(); cur != nil && cur.VersionID == id {
		return cur, nil
	}
	if cat, ok := c.byID.Load(id); ok {
		return cat.(*Catalog), nil
	}
	cat, err := c.repo.CatalogVersionByID(ctx, id)
	if err != nil {
		return nil, err
	}
	c.byID.Store(id, cat)
	return cat, nil
}

// Diff lists the texts that differ from published version from to published version to.
func (c *Current) Diff(ctx context.Context, from, to int) ([]Change, error) {
	a, err := c.published(ctx, from)
	if err != nil {
		return nil, err
	}
	b, err := c.published(ctx, to)
	if err != nil {
		return nil, err
	}
	return Diff(a, b), nil
}

// published is Version for a version number the caller gave: 0 and below name no version (the
// repository says so) rather than the current one.
func (c *Current) published(ctx context.Context, v int) (*Catalog, error) {
	if v < 1 {
		return c.repo.CatalogVersion(ctx, v)
	}
	return c.Version(ctx, v)
}
