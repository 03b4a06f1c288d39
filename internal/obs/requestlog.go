package obs

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Record is what the handlers below the request middleware learn about a request and the log
// line and metrics need: the GraphQL operation and its outcome, and who called. Handlers fill it
// through RecordFrom; every field is a value the server chose (a route, a schema field, an error
// code, a principal's kind and id, role names), never a client's string or a secret.
type Record struct {
	mu        sync.Mutex
	operation string
	outcome   string
	actor     string
	roles     []string
}

type recordKey struct{}

// RecordFrom returns the request's record, or nil outside the request middleware (every setter
// accepts a nil record).
func RecordFrom(ctx context.Context) *Record {
	r, _ := ctx.Value(recordKey{}).(*Record)
	return r
}

// SetOperation records the GraphQL operation and its outcome ("ok" or an error code); the first
// call wins.
func (r *Record) SetOperation(operation, outcome string) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.operation == "" {
		r.operation, r.outcome = operation, outcome
	}
}

// SetActor records who called: a principal's kind and numeric id such as "token:2" or "user:3",
// and its role names.
func (r *Record) SetActor(actor string, roles []string) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.actor, r.roles = actor, roles
}

func (r *Record) snapshot() (operation, outcome, actor string, roles []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.operation, r.outcome, r.actor, r.roles
}

// RequestLog is the per-request middleware: it writes one log line per request and observes the
// latency histograms.
type RequestLog struct {
	Logger  *slog.Logger
	Metrics *Metrics
	// Route names a request's route from a fixed set (its path is not logged: a client chooses
	// it, and an export's query string holds filter values).
	Route func(*http.Request) string
	// GraphQLRoute is the route whose requests are also observed per operation.
	GraphQLRoute string
	// RequestID returns the request's id, set by a handler outside this one.
	RequestID func(context.Context) string
}

// Wrap returns next with a request record in its context, logged and measured when it returns.
// The line (message "request", level INFO, WARN from status 500) carries request_id, method,
// route, status, duration_ms, bytes, actor ("anonymous" when none) and roles, and for GraphQL
// requests operation and outcome. Nothing from the request body, query string, headers or
// cookies is logged.
func (l RequestLog) Wrap(next http.Handler) http.Handler {
	if l.Metrics != nil {
		ZeroAt(l.Metrics.inFlight.MetricVec, []string{l.GraphQLRoute}) // read as 0 before the first request
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		route := l.Route(r)
		if l.Metrics != nil {
			inFlight := l.Metrics.inFlight.WithLabelValues(route)
			inFlight.Inc()
			defer inFlight.Dec()
		}
		rec := &Record{}
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), recordKey{}, rec)))
		d := time.Since(start)
		status := sw.status
		if status == 0 {
			status = http.StatusOK
		}
		operation, outcome, actor, roles := rec.snapshot()
		graphQL := route == l.GraphQLRoute
		if graphQL {
			if operation == "" {
				operation = "unknown" // refused before GraphQL ran: by size, content type or authentication
			}
			if outcome == "" {
				outcome = statusOutcome(status)
			}
		}
		if l.Metrics != nil {
			l.Metrics.observeRequest(route, status, graphQL, operation, outcome, d)
		}
		if actor == "" {
			actor = "anonymous"
		}
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelWarn
		}
		attrs := make([]slog.Attr, 0, 11)
		attrs = append(attrs,
			slog.String("request_id", l.RequestID(r.Context())),
			slog.String("method", r.Method),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Float64("duration_ms", float64(d.Microseconds())/1000),
			slog.Int64("bytes", sw.bytes),
			slog.String("actor", actor),
			slog.Any("roles", roles),
		)
		if graphQL {
			attrs = append(attrs, slog.String("operation", operation), slog.String("outcome", outcome))
		}
		l.Logger.LogAttrs(r.Context(), level, "request", attrs...)
	})
}

// statusOutcome names the outcome of a request answered outside GraphQL's execution.
func statusOutcome(status int) string {
	if status < 400 {
		return "ok"
	}
	return "http_" + strconv.Itoa(status)
}

// statusWriter remembers the status code and counts the bytes written. Unwrap lets
// http.ResponseController reach the connection's deadlines and flushing.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
