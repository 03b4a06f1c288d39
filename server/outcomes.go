package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"riskconsole/internal/app"
)

// outcomesCmd runs `server outcomes import FILE.csv [flags]`: the bulk load of repayment events.
func outcomesCmd(ctx context.Context, args []string) error {
	if len(args) < 2 || args[0] != "import" {
		return errors.New("usage: server outcomes import FILE.csv [flags]\n" +
			"  FILE.csv has the header decision_id,event_id,observed_at,status,outstanding_minor,written_off_minor,currency")
	}
	path := args[1]
	cfg, err := app.ParseConfig("server outcomes import", args[2:], os.Getenv)
	if err != nil {
		return err
	}
	setupLogging(cfg)
	a, err := app.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	start := time.Now()
	rep, err := a.ImportOutcomes(ctx, path)
	if err != nil {
		return err
	}
	if rep.ErrorCount > 0 {
		for _, e := range rep.Errors {
			fmt.Fprintln(os.Stderr, e)
		}
		if rep.ErrorCount > len(rep.Errors) {
			fmt.Fprintf(os.Stderr, "... and %d more\n", rep.ErrorCount-len(rep.Errors))
		}
		return fmt.Errorf("%s: %d errors in %d rows: nothing imported", path, rep.ErrorCount, rep.Rows)
	}
	elapsed := time.Since(start)
	fmt.Printf("imported %s: %d rows, %d loaded, %d duplicates left alone, in %s (%.0f rows/s)\n", path, rep.Rows, rep.Loaded,
		rep.Duplicates, elapsed.Round(time.Millisecond), float64(rep.Rows)/max(elapsed.Seconds(), 1e-9))
	return nil
}
