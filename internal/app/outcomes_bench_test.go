package app

// Benchmarks of outcome ingestion (issue 13). BENCHMARKS.md has the figures.
//
//	go test -run='^$' -bench=BenchmarkRecordOutcomesPostgres -benchtime=100x ./internal/app/
//	go test -run='^$' -bench=BenchmarkImportOutcomesPostgres -benchtime=3x ./internal/app/

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"riskconsole/internal/decisions"
	"riskconsole/internal/engine"
)

// benchApproved writes n approved SE decisions of 1,200.00 SEK, one a minute before testEnd, and
// returns them. They are made here rather than taken from the demo so that they have no
// repayment events yet, whatever the demo seeds.
func benchApproved(tb testing.TB, ta *testApp, n int) []decisions.Record {
	tb.Helper()
	ctx := context.Background()
	cat, err := ta.Store.CurrentCatalog(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	p := decisions.Purchase{Market: "SE", Currency: "SEK", AmountMinor: 120000, MerchantID: "m-bench", MerchantName: "Bench AB",
		MerchantCategory: "SPORTS", ShopperID: "s-bench", Locale: "sv-SE", Channel: "WEB", Values: engine.PassingValues()}
	out := make([]decisions.Record, 0, n)
	for i := range n {
		at := testEnd.Add(-time.Duration(i+1) * time.Minute)
		v, err := ta.Thresholds.Active("SE", at)
		if err != nil {
			tb.Fatal(err)
		}
		rec, err := decisions.Decide(&p, at, decisions.NewReference(), v, cat)
		if err != nil {
			tb.Fatal(err)
		}
		if rec.Outcome != engine.Approved {
			tb.Fatalf("the bench purchase is declined at %s", at)
		}
		rec.ID, rec.Reference = decisions.NewID(at), decisions.NewReference()
		rec.IdempotencyKey = "bench:" + rec.ID
		out = append(out, rec)
	}
	for i := 0; i < n; i += 5000 {
		if err := ta.Store.BulkInsertDecisions(ctx, out[i:min(i+5000, n)]); err != nil {
			tb.Fatal(err)
		}
	}
	if err := ta.Store.AnalyzeDecisions(ctx); err != nil {
		tb.Fatal(err)
	}
	return out
}

// BenchmarkRecordOutcomesPostgres sends recordOutcomes batches of 500 events (500 decisions, one
// CURRENT event each) through the real handler, one batch at a time. Target: ≥ 5,000 events/s.
func BenchmarkRecordOutcomesPostgres(b *testing.B) {
	const batch = 500
	ta := newTestApp(b, "postgres", 1000)
	ds := benchApproved(b, ta, 20_000)
	client := ta.Server.Client()
	post := func(k int) {
		events := make([]map[string]any, batch)
		for j := range events {
			d := &ds[(k*batch+j)%len(ds)]
			events[j] = map[string]any{"decisionId": d.ID, "eventId": fmt.Sprintf("b%d", k), "status": "CURRENT",
				"observedAt":       d.CreatedAt.Add(time.Duration(k+1) * time.Second).Format(time.RFC3339Nano),
				"outstandingMinor": 120000, "writtenOffMinor": 0, "currency": "SEK"}
		}
		body, _ := json.Marshal(map[string]any{"query": recordOutcomesMutation, "variables": map[string]any{"events": events}})
		req, _ := http.NewRequest(http.MethodPost, ta.Server.URL+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+ta.Tokens["SERVICE"])
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		var out gqlResponse
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			b.Fatal(err)
		}
		if len(out.Errors) > 0 {
			b.Fatalf("batch %d: %s", k, errorsJSON(&out))
		}
	}
	k := 0
	pg := newBenchPGCPU(b, ta.ownerURL())
	before := benchSampleCPU(b, pg)
	b.ResetTimer()
	for range b.N {
		post(k)
		k++
	}
	b.StopTimer()
	reportEventCPU(b, pg, before, b.N*batch)
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "events/s")
}

// reportEventCPU reports the CPU time this process and the PostgreSQL server spent per thousand
// events since before: figures that a busy machine moves much less than the events per second.
func reportEventCPU(b *testing.B, pg *benchPGCPU, before benchCPUSample, events int) {
	after := benchSampleCPU(b, pg)
	k := float64(events) / 1000
	b.ReportMetric(float64(after.proc-before.proc)/float64(time.Millisecond)/k, "cpu-ms/kevent")
	b.ReportMetric(float64(benchPGCPUSince(before.pg, after.pg))/float64(time.Millisecond)/k, "pg-cpu-ms/kevent")
}

// BenchmarkImportOutcomesPostgres imports a file of 200,000 events (100,000 decisions, two
// CURRENT events each, later ones in every run) with `server outcomes import`'s App method:
// parsing, COPY into the staging table, the set-wise look-ups, validation and the INSERT.
// Target: ≥ 100,000 events/s.
func BenchmarkImportOutcomesPostgres(b *testing.B) {
	benchImport(b, "postgres", 100_000)
}

// BenchmarkImportOutcomesSQLite is the same on SQLite, with 20,000 events.
func BenchmarkImportOutcomesSQLite(b *testing.B) {
	benchImport(b, "sqlite", 10_000)
}

func benchImport(b *testing.B, dialect string, decisionsN int) {
	ta := newTestApp(b, dialect, 1000)
	ds := benchApproved(b, ta, decisionsN)
	dir := b.TempDir()
	ctx := context.Background()
	write := func(run int) string {
		path := filepath.Join(dir, fmt.Sprintf("run%d.csv", run))
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriter(f)
		fmt.Fprintln(w, "decision_id,event_id,observed_at,status,outstanding_minor,written_off_minor,currency")
		for k := range 2 {
			for i := range ds {
				at := ds[i].CreatedAt.Add(time.Duration(2*run+k+1) * time.Second)
				fmt.Fprintf(w, "%s,r%d-%d,%s,CURRENT,120000,0,SEK\n", ds[i].ID, run, k, at.UTC().Format(time.RFC3339Nano))
			}
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		f.Close()
		return path
	}
	paths := make([]string, b.N)
	for i := range paths {
		paths[i] = write(i)
	}
	var (
		pg     *benchPGCPU
		before benchCPUSample
	)
	if dialect == "postgres" {
		pg = newBenchPGCPU(b, ta.ownerURL())
		before = benchSampleCPU(b, pg)
	}
	b.ResetTimer()
	for i := range b.N {
		rep, err := ta.ImportOutcomes(ctx, paths[i])
		if err != nil {
			b.Fatal(err)
		}
		if rep.ErrorCount > 0 || rep.Loaded != 2*len(ds) {
			b.Fatalf("import: %+v", rep)
		}
	}
	b.StopTimer()
	if pg != nil {
		reportEventCPU(b, pg, before, b.N*2*len(ds))
	}
	b.ReportMetric(float64(b.N*2*len(ds))/b.Elapsed().Seconds(), "events/s")
}
