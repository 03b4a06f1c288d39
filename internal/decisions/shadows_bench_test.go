package decisions

import (
	"testing"

	"riskconsole/internal/engine"
)

// BenchmarkShadows measures what an assessment adds for three shadows before it writes (issue
// 17): EvaluateShadows and EncodeShadowResults, per assessment, for values every shadow approves
// (the common case), values two of them decline, and values that fail every rule (each decline
// names MaxReasons reasons: the most work and the longest stored form). stored-B is the length
// of the stored form.
//
//	go test -run='^$' -bench=BenchmarkShadows -count=5 ./internal/decisions
func BenchmarkShadows(b *testing.B) {
	versions := shadowVersions(b)
	passing, borderline, failing := shadowValues(versions)
	for _, bc := range []struct {
		name   string
		values engine.Values
	}{{"approve", passing}, {"2-decline", borderline}, {"all-decline", failing}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n += len(EncodeShadowResults(EvaluateShadows(&bc.values, versions)))
			}
			b.ReportMetric(float64(n)/float64(b.N), "stored-B")
		})
	}
}
