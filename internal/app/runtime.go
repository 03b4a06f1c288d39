package app

import "runtime/debug"

// GCPercent is the garbage collector's target the server runs with unless GOGC is set. The
// console's live heap is small (caches and requests in flight) while each request allocates
// freely, so collecting at 4× the live heap instead of 2× halves the collector's share of a
// page of decisions (measured in docs/benchmark-notes.md) for a few megabytes more memory.
const GCPercent = 400

// TuneRuntime applies GCPercent when the environment does not set GOGC. The server calls it at
// start, and the benchmarks too, so that they measure the server as it runs.
func TuneRuntime(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
}
