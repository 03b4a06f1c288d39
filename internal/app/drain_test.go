package app

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptrace"
	"testing"

	"riskconsole/internal/auth"
)

// TestDrainClosesConnections: once the server drains (SIGTERM, during SHUTDOWN_DELAY) every
// answer says "Connection: close", so a keep-alive client opens its next request on a new
// connection (through the load balancer, to another replica) instead of sending it down one the
// server is about to close. Before, requests are answered on kept-alive connections.
func TestDrainClosesConnections(t *testing.T) {
	ta := newTestApp(t, "sqlite", 0)
	client := ta.Server.Client()
	do := func(method, path string, body []byte) (resp *http.Response, reused bool) {
		t.Helper()
		trace := &httptrace.ClientTrace{GotConn: func(i httptrace.GotConnInfo) { reused = i.Reused }}
		req, err := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), method, ta.Server.URL+path, bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+ta.Tokens[auth.Auditor])
		}
		resp, err = client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp, reused
	}
	query := []byte(`{"query": "{ viewer { name } }"}`)
	do(http.MethodGet, "/healthz", nil)
	if resp, reused := do(http.MethodPost, "/graphql", query); !reused || resp.Close {
		t.Fatalf("before draining: connection reused %v, Connection: close %v; want kept alive", reused, resp.Close)
	}
	ta.Drain()
	for _, r := range []struct {
		method, path string
		body         []byte
	}{{http.MethodPost, "/graphql", query}, {http.MethodGet, "/healthz", nil}, {http.MethodGet, "/readyz", nil}} {
		resp, _ := do(r.method, r.path, r.body)
		if !resp.Close {
			t.Errorf("draining: %s %s answered %d without Connection: close", r.method, r.path, resp.StatusCode)
		}
		if r.path != "/readyz" && resp.StatusCode != http.StatusOK {
			t.Errorf("draining: %s %s answered %d; requests are still served while draining", r.method, r.path, resp.StatusCode)
		}
		if _, reused := do(http.MethodGet, "/healthz", nil); reused {
			t.Errorf("draining: the request after %s %s went down the same connection", r.method, r.path)
		}
	}
}
