package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"gorm.io/gorm"

	"riskconsole/internal/apperr"
	"riskconsole/internal/catalog"
	"riskconsole/internal/engine"
	"riskconsole/models"
)

// CurrentCatalog returns the newest published reason catalog with all its texts.
func (s *Store) CurrentCatalog(ctx context.Context) (*catalog.Catalog, error) {
	var v models.CatalogVersion
	err := s.db.WithContext(ctx).Order("version DESC").Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("no published reason catalog: %w", apperr.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read catalog version: %w", err)
	}
	return s.catalogOf(ctx, &v)
}

// CatalogVersion returns the published catalog with the given version number.
func (s *Store) CatalogVersion(ctx context.Context, version int) (*catalog.Catalog, error) {
	var v models.CatalogVersion
	err := gorm.ErrRecordNotFound
	// The column is 32 bits wide: a larger number names no version, and PostgreSQL would refuse
	// it as a parameter.
	if version >= math.MinInt32 && version <= math.MaxInt32 {
		err = s.db.WithContext(ctx).Where("version = ?", version).Take(&v).Error
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("catalog version %d: %w", version, apperr.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read catalog version: %w", err)
	}
	return s.catalogOf(ctx, &v)
}

// CatalogVersionByID returns the published catalog with the given id.
func (s *Store) CatalogVersionByID(ctx context.Context, id int64) (*catalog.Catalog, error) {
	var v models.CatalogVersion
	err := s.db.WithContext(ctx).Where("id = ?", id).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("catalog version id %d: %w", id, apperr.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read catalog version: %w", err)
	}
	return s.catalogOf(ctx, &v)
}

// catalogOf reads the codes and texts of catalog version v.
func (s *Store) catalogOf(ctx context.Context, v *models.CatalogVersion) (*catalog.Catalog, error) {
	db := s.db.WithContext(ctx)
	var codes []models.ReasonCode
	if err := db.Order("rank").Find(&codes).Error; err != nil {
		return nil, fmt.Errorf("read reason codes: %w", err)
	}
	var msgs []models.CatalogMessage
	if err := db.Where("catalog_version_id = ?", v.ID).Find(&msgs).Error; err != nil {
		return nil, fmt.Errorf("read catalog messages: %w", err)
	}
	c := &catalog.Catalog{VersionID: v.ID, Version: v.Version, Texts: make(map[catalog.Key]catalog.Text, len(msgs))}
	for _, row := range codes {
		r, ok := engine.ParseReason(row.Code)
		if !ok {
			return nil, fmt.Errorf("reason code %q unknown to this binary", row.Code)
		}
		f := engine.Measures[r.Measure()].Factor
		c.Codes = append(c.Codes, catalog.CodeInfo{Reason: r, Factor: f, Severity: row.Severity, Rank: row.Rank})
	}
	for _, m := range msgs {
		r, ok := engine.ParseReason(m.ReasonCode)
		if !ok {
			return nil, fmt.Errorf("catalog message for unknown reason %q", m.ReasonCode)
		}
		t := catalog.Text{Title: m.Title, Body: m.Body}
		if err := json.Unmarshal([]byte(m.Steps), &t.Steps); err != nil {
			return nil, fmt.Errorf("catalog message %s/%s/%s steps: %w", m.ReasonCode, m.Locale, m.Audience, err)
		}
		c.Texts[catalog.Key{Reason: r, Locale: m.Locale, Audience: catalog.Audience(m.Audience)}] = t
	}
	var frames []models.CatalogFrame
	if err := db.Where("catalog_version_id = ?", v.ID).Find(&frames).Error; err != nil {
		return nil, fmt.Errorf("read catalog frames: %w", err)
	}
	// A version published before frames were stored has none and renders the seeded frames.
	if len(frames) > 0 {
		c.Frames = make(map[string]catalog.Frame, 4)
	}
	for _, row := range frames {
		f, ok := c.Frames[row.Locale]
		if !ok {
			f = catalog.SeededFrame(row.Locale) // the parts stored before them keep their seeds
		}
		if !f.SetPart(catalog.FramePart(row.Part), row.Text) {
			return nil, fmt.Errorf("catalog frame part %q unknown to this binary", row.Part)
		}
		c.Frames[row.Locale] = f
	}
	return c, nil
}

// frameRows maps a catalog's frames to rows of catalog version versionID.
func frameRows(frames map[string]catalog.Frame, versionID int64) []models.CatalogFrame {
	rows := make([]models.CatalogFrame, 0, len(frames)*len(catalog.FrameParts))
	for l, f := range frames {
		for _, p := range catalog.FrameParts {
			rows = append(rows, models.CatalogFrame{CatalogVersionID: versionID, Locale: l, Part: string(p), Text: f.Part(p)})
		}
	}
	return rows
}

// LatestCatalogVersionID returns the id of the newest published catalog version, 0 if none.
func (s *Store) LatestCatalogVersionID(ctx context.Context) (int64, error) {
	var id int64
	err := s.db.WithContext(ctx).Model(&models.CatalogVersion{}).Select("COALESCE(MAX(id), 0)").Scan(&id).Error
	if err != nil {
		return 0, fmt.Errorf("latest catalog version: %w", err)
	}
	return id, nil
}

// catalogRows maps a catalog's content to rows of a new catalog version.
func catalogRows(c *catalog.Catalog, versionID int64) ([]models.ReasonCode, []models.CatalogMessage) {
	codes := make([]models.ReasonCode, len(c.Codes))
	for i, ci := range c.Codes {
		codes[i] = models.ReasonCode{Code: ci.Reason.String(), Factor: ci.Factor.String(), Severity: ci.Severity, Rank: ci.Rank}
	}
	msgs := make([]models.CatalogMessage, 0, len(c.Texts))
	for k, t := range c.Texts {
		steps, _ := json.Marshal(t.Steps) // a []string always marshals
		msgs = append(msgs, models.CatalogMessage{CatalogVersionID: versionID, ReasonCode: k.Reason.String(),
			Locale: k.Locale, Audience: string(k.Audience), Title: t.Title, Body: t.Body, Steps: string(steps)})
	}
	return codes, msgs
}

// CreateCatalogVersion publishes the texts and frames of c as the next catalog version, by author: one new
// catalog_versions row and its catalog_messages, never a change to an existing version (triggers
// refuse those). c must pass catalog.Validate and list the codes already stored; reason codes are
// shared by all versions. It fills c.VersionID and c.Version. Call it on a store from InTx to
// write it with its audit event; a version published concurrently is an ErrConflict.
func (s *Store) CreateCatalogVersion(ctx context.Context, c *catalog.Catalog, author string) error {
	if err := catalog.Validate(c); err != nil {
		return err
	}
	db := s.db.WithContext(ctx)
	var next int
	if err := db.Model(&models.CatalogVersion{}).Select("COALESCE(MAX(version), 0) + 1").Scan(&next).Error; err != nil {
		return fmt.Errorf("next catalog version: %w", err)
	}
	row := models.CatalogVersion{Version: next, Author: author, PublishedAt: now()}
	if err := db.Create(&row).Error; err != nil {
		if isUniqueViolation(err, "version") {
			return fmt.Errorf("catalog version %d was published concurrently: %w", next, apperr.ErrConflict)
		}
		return fmt.Errorf("create catalog version: %w", err)
	}
	_, msgs := catalogRows(c, row.ID)
	if err := db.CreateInBatches(&msgs, 100).Error; err != nil {
		return fmt.Errorf("create catalog messages: %w", err)
	}
	frames := frameRows(c.Frames, row.ID)
	if err := db.CreateInBatches(&frames, 100).Error; err != nil {
		return fmt.Errorf("create catalog frames: %w", err)
	}
	c.VersionID, c.Version = row.ID, next
	return nil
}
