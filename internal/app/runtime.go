package app

import (
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
)

// GCPercent is the garbage collector's target the server runs with unless GOGC is set. The
// console's live heap is small (caches and requests in flight) while each request allocates
// freely, so collecting at 4× the live heap instead of 2× halves the collector's share of a
// page of decisions (measured in docs/benchmark-notes.md) for a few megabytes more memory.
const GCPercent = 400

// A multiplier alone has no ceiling: under the explorer's load the resident memory grew from 146
// MB idle to 500–660 MB at GOGC=400 (280–300 MB at GOGC=100; issue 19). So the server also runs
// with a soft memory limit, GOMEMLIMIT when it is set, else MemoryLimit of the what-if history
// it holds: the collector keeps GCPercent's pace while the heap is under it and collects more
// often as it nears it.
const (
	// MemoryBase is what the console needs besides the what-if history: the live heap of its
	// caches and pools, and the garbage of the requests in flight between two collections (the
	// HTTP layer bounds them: concurrency, body and answer sizes).
	MemoryBase = 384 << 20
	// MemoryHistoryFactor is the room per byte of history: its columns grow by reallocation, so
	// for a moment a growing column exists twice.
	MemoryHistoryFactor = 2
	// memoryContainerShare is the share of a container's memory limit the soft limit may take:
	// the rest is the runtime's own and the kernel's (stacks, page cache of the binary).
	memoryContainerShare = 0.9
)

// MemoryLimit is the default soft memory limit for a what-if history of historyBytes under a
// container memory limit of containerMax bytes (0: none): MemoryBase plus MemoryHistoryFactor ×
// historyBytes, and at most 90 % of the container's limit.
func MemoryLimit(historyBytes, containerMax int64) int64 {
	limit := MemoryBase + MemoryHistoryFactor*max(historyBytes, 0)
	if containerMax > 0 {
		limit = min(limit, int64(memoryContainerShare*float64(containerMax)))
	}
	return limit
}

// memoryLimitFromEnv records that GOMEMLIMIT was set (the runtime applies it itself): the server
// then leaves the limit alone.
var memoryLimitFromEnv atomic.Bool

// TuneRuntime applies GCPercent when the environment does not set GOGC, and MemoryLimit of an
// empty history when it does not set GOMEMLIMIT (the app raises the limit as the history grows:
// App.tuneMemory). The server calls it at start, and the benchmarks too, so that they measure the
// server as it runs.
func TuneRuntime(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
	memoryLimitFromEnv.Store(getenv("GOMEMLIMIT") != "")
	if !memoryLimitFromEnv.Load() {
		debug.SetMemoryLimit(MemoryLimit(0, containerMemoryMax()))
	}
}

// currentMemoryLimit returns the soft memory limit in force (math.MaxInt64: none).
func currentMemoryLimit() int64 { return debug.SetMemoryLimit(-1) }

// tuneMemory sets the soft memory limit for the what-if history the app holds now, unless
// GOMEMLIMIT set it or TuneRuntime was not called (tests, tools: no limit is in force then).
func (a *App) tuneMemory() {
	if memoryLimitFromEnv.Load() || currentMemoryLimit() == math.MaxInt64 {
		return
	}
	_, bytes := a.WhatIf.Footprint()
	debug.SetMemoryLimit(MemoryLimit(bytes, containerMemoryMax()))
}

// containerMemoryMax returns the memory limit of the process's cgroup (v2's memory.max), 0 when
// there is none or it cannot be read.
func containerMemoryMax() int64 {
	b, err := os.ReadFile("/sys/fs/cgroup/memory.max")
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || n <= 0 { // "max": no limit
		return 0
	}
	return n
}
