#!/usr/bin/env bash
# Runs, one after another, every measurement behind BENCHMARKS.md and keeps each one's output in
# $OUT (default ./bench-out, one file per step). The benchmarks start their own PostgreSQL, as
# `make test` does; nothing else is needed. About 25 minutes on two vCPUs; the 10M-decision
# analytics step is most of it (ANALYTICS_N=1000000 for a 3-minute version of that step).
# Run it on a quiet machine: the figures are only as steady as the machine.
#
#   scripts/bench-all.sh               # everything
#   scripts/bench-all.sh engine whatif # only the steps named (see the list below)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out=${OUT:-bench-out}
analytics_n=${ANALYTICS_N:-10000000}
mkdir -p "$out"
bin=$(mktemp -d)/rcserver
trap 'rm -rf "$(dirname "$bin")"' EXIT

# step NAME CMD...: runs CMD, shows and keeps its output without the migration log lines.
step() {
	local name=$1
	shift
	echo "== $name: $*" | tee "$out/$name.txt"
	"$@" 2>&1 | grep -v 'migration applied' | tee -a "$out/$name.txt"
}

steps=("$@")
if ((${#steps[@]} == 0)); then
	steps=(engine seed-sqlite assess page whatif whatif-simd simulate-graphql analytics loadtest)
fi

for s in "${steps[@]}"; do
	case $s in
	engine)
		step engine go test -run='^$' -bench=. -count=3 ./internal/engine ./internal/demo
		;;
	seed-sqlite)
		go build -o "$bin" ./server
		dir=$(mktemp -d)
		step seed-sqlite bash -c "time '$bin' seed -n 200000 -data-dir '$dir'"
		rm -rf "$dir"
		;;
	assess)
		# assessPurchase next to the raw insert ceiling, in one run on one server and one table.
		step assess go test -run='^$' -bench=BenchmarkAssessPurchasePostgres -benchtime=3s -count=2 ./internal/app
		;;
	page)
		step page go test -run='^$' -bench=BenchmarkDecisionsPage -benchtime=2s -count=2 ./internal/app
		;;
	whatif)
		step whatif go test -run='^$' -bench=. -count=3 ./internal/whatif
		;;
	whatif-simd)
		step whatif-simd env GOEXPERIMENT=simd go test -run='^$' -bench=. -count=3 ./internal/whatif
		;;
	simulate-graphql)
		step simulate-graphql env RISKCONSOLE_BENCH_WHATIF_N=2200000 go test -run='^$' -bench=BenchmarkSimulateGraphQL \
			-benchtime=200x -timeout=30m ./internal/app
		;;
	analytics)
		# Also reports the PostgreSQL seed time of analytics_n decisions and the explorer page at that size.
		step analytics env RISKCONSOLE_BENCH_ANALYTICS_N="$analytics_n" go test -run='^$' -bench=BenchmarkAnalyticsPostgres \
			-benchtime=1x -timeout=90m ./internal/app
		;;
	loadtest)
		# The load tool against the embedded demo server: 32 clients for 20 s, then the ledger check.
		go build -o "$bin" ./server
		dir=$(mktemp -d)
		port=$((20000 + RANDOM % 20000))
		LISTEN_ADDR=127.0.0.1:$port DATA_DIR=$dir "$bin" >"$out/loadtest-server.log" 2>&1 &
		pid=$!
		for _ in $(seq 1 120); do
			curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
			sleep 1
		done
		step loadtest "$bin" loadtest -url "http://127.0.0.1:$port" -tokens "$dir/demo-tokens.json" \
			-ledger "$dir/ledger.jsonl" -c 32 -duration 20s
		step loadtest-verify "$bin" loadtest verify -ledger "$dir/ledger.jsonl" -data-dir "$dir"
		kill "$pid"
		wait "$pid" || true
		rm -rf "$dir"
		;;
	*)
		echo "bench-all: unknown step $s" >&2
		exit 2
		;;
	esac
done
echo "bench-all: outputs in $out/"
