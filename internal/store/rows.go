package store

import "riskconsole/models"

// The draft code of thresholds.go and catalog_drafts.go names the rows of the draft tables by
// these aliases of their models.
type (
	thresholdDraftRow = models.ThresholdDraft
	catalogDraftRow   = models.CatalogDraft
)
