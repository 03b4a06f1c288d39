package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"riskconsole/internal/auth"
	"riskconsole/internal/outcomes"
)

// ImportOutcomes bulk-loads repayment events from a CSV file (outcomes.ImportColumns): every row
// is validated as recordOutcomes validates an event, and either all rows are written, in one
// transaction with one audit event by "system:outcomes-import", or none. The report says what was
// loaded or lists the first errors by line; an error is returned only when the file cannot be
// read or the database fails.
func (a *App) ImportOutcomes(ctx context.Context, path string) (outcomes.ImportReport, error) {
	f, err := os.Open(path)
	if err != nil {
		return outcomes.ImportReport{}, err
	}
	defer f.Close()
	rows, rep, err := outcomes.ParseCSV(f)
	if err != nil {
		return rep, fmt.Errorf("%s: %w", path, err)
	}
	ctx = auth.WithPrincipal(ctx, auth.SystemPrincipal("outcomes-import"))
	if err := a.Outcomes.Import(ctx, filepath.Base(path), rows, &rep); err != nil {
		return rep, err
	}
	return rep, nil
}
