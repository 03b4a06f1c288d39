package obs

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkRequestLog measures what the request middleware adds to one GraphQL request: the
// record, the status writer, both histograms and one text log line (formatted, then discarded).
func BenchmarkRequestLog(b *testing.B) {
	m := NewMetrics([]string{"SE"}, []string{"APPROVED", "DECLINED"}, nil)
	l := RequestLog{
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Metrics: m, GraphQLRoute: "graphql",
		Route:     func(*http.Request) string { return "graphql" },
		RequestID: func(context.Context) string { return "0123456789abcdef" },
	}
	h := l.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := RecordFrom(r.Context())
		rec.SetActor("token:5", []string{"SERVICE"})
		rec.SetOperation("assessPurchase", "ok")
		_, _ = w.Write([]byte(`{"data":{}}`))
	}))
	req := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	w := httptest.NewRecorder()
	b.ReportAllocs()
	for b.Loop() {
		h.ServeHTTP(w, req)
	}
}
