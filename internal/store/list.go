package store

import (
	"fmt"

	"gorm.io/gorm"
)

// newestBefore pages q newest first by id: up to limit rows with ids below beforeID (0: from the
// newest).
func newestBefore(q *gorm.DB, beforeID int64, limit int) *gorm.DB {
	if beforeID > 0 {
		q = q.Where("id < ?", beforeID)
	}
	return q.Order("id DESC").Limit(limit)
}

// findAll runs q, reading its rows as R, and converts each with conv; what names the list in
// errors.
func findAll[R, T any](q *gorm.DB, what string, conv func(*R) (T, error)) ([]T, error) {
	var rows []R
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list %s: %w", what, err)
	}
	out := make([]T, len(rows))
	for i := range rows {
		v, err := conv(&rows[i])
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
