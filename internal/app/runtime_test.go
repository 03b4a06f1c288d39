package app

import (
	"context"
	"math"
	"runtime/debug"
	"testing"
)

// TestMemoryLimit: the default soft memory limit is MemoryBase plus twice the what-if history,
// capped at 90 % of a container's limit; the server sets it at start unless GOMEMLIMIT is set,
// and raises it as the history grows; with GOMEMLIMIT the runtime's own setting stays.
func TestMemoryLimit(t *testing.T) {
	for _, c := range []struct{ history, container, want int64 }{
		{0, 0, MemoryBase},
		{1 << 30, 0, MemoryBase + 2<<30},
		{1 << 30, 1 << 30, 9 * (1 << 30) / 10},
		{100 << 20, 8 << 30, MemoryBase + 200<<20},
		{-1, 0, MemoryBase},
	} {
		if got := MemoryLimit(c.history, c.container); got != c.want {
			t.Errorf("MemoryLimit(%d, %d) = %d, want %d", c.history, c.container, got, c.want)
		}
	}

	oldGC, oldLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(oldGC)
		debug.SetMemoryLimit(oldLimit)
		memoryLimitFromEnv.Store(false)
	})
	ta := newTestApp(t, "sqlite", 300)
	if err := ta.WhatIf.Warm(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, bytes := ta.WhatIf.Footprint()
	if bytes == 0 {
		t.Fatal("the what-if history holds nothing")
	}

	// No limit in force (a test's or a tool's process): the app leaves it so.
	ta.tuneMemory()
	if l := currentMemoryLimit(); l != math.MaxInt64 {
		t.Fatalf("without TuneRuntime the app set a limit of %d", l)
	}

	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	TuneRuntime(getenv)
	if l := currentMemoryLimit(); l != MemoryLimit(0, containerMemoryMax()) {
		t.Fatalf("after TuneRuntime the limit is %d, want %d", l, MemoryLimit(0, containerMemoryMax()))
	}
	if gc := debug.SetGCPercent(GCPercent); gc != GCPercent {
		t.Errorf("GOGC %d, want %d", gc, GCPercent)
	}
	ta.tuneMemory()
	if l, want := currentMemoryLimit(), MemoryLimit(bytes, containerMemoryMax()); l != want || (containerMemoryMax() == 0 && l <= MemoryBase) {
		t.Errorf("with a history of %d bytes the limit is %d, want %d", bytes, l, want)
	}

	// GOMEMLIMIT set: the runtime applied it at start; neither TuneRuntime nor the app touch it.
	debug.SetMemoryLimit(123 << 20)
	env["GOMEMLIMIT"] = "123MiB"
	TuneRuntime(getenv)
	ta.tuneMemory()
	if l := currentMemoryLimit(); l != 123<<20 {
		t.Errorf("with GOMEMLIMIT the limit became %d", l)
	}
}
