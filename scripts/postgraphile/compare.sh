#!/usr/bin/env bash
# compare.sh: the console against PostGraphile 5 on the same PostgreSQL and the same million
# decisions (issue 19, "Checkout writes"), in one command:
#
#   scripts/postgraphile/compare.sh            # ROUNDS=2 DURATION=30s CLIENTS=32 by default
#
# It builds the console's server, starts a PostgreSQL of its own (initdb in $PGL_DIR, as the OS
# user postgres when run as root, as internal/testdb does; fsync on, otherwise PostgreSQL's
# defaults), migrates and seeds it once with `server seed -n $PGL_N` and compare.sql (kept in
# $PGL_DIR for the next run: the seed and the copy take minutes), starts the console as its own
# role and PostGraphile (server.mjs, on the Node 22 of `npm ci`), then runs the comparison
# (main.go): alternated rounds of console assess, PostGraphile insert, console explorer page and
# PostGraphile connection page, each a run of the load tool with the same clients and duration,
# and prints their rates, p50/p99, CPU per operation, load and the ratios. Last, it checks the
# console's ledgers (`server loadtest verify`). Everything it started is stopped on exit; the data
# directory stays. A benchmark: not part of `make test`. Needs Go, npm, curl and PostgreSQL's
# server binaries (scripts/ensure-deps.sh); the network only for `npm ci`'s registry.
#
# Environment: PGL_DIR (default /tmp/pgl), PGL_N (1000000 decisions), PGL_PORT (55439, PostgreSQL),
# RC_PORT (18439, console), PGL_HTTP_PORT (18440, PostGraphile), PGL_WORKERS (1: PostGraphile's
# Node processes), PGL_POOL (16 / PGL_WORKERS: each process's PostgreSQL connections), ROUNDS,
# DURATION, CLIENTS, and PGL_RESEED=1 to start from a fresh database (each run adds its inserts
# to both tables: about 40,000 rows a round here).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dir=${PGL_DIR:-/tmp/pgl}
n=${PGL_N:-1000000}
pg_port=${PGL_PORT:-55439}
rc_port=${RC_PORT:-18439}
pgl_port=${PGL_HTTP_PORT:-18440}
workers=${PGL_WORKERS:-1}
# PostGraphile's connections in all, as many as the console's default pool here (8 per core: 16).
pool=${PGL_POOL:-$((16 / workers))}
rounds=${ROUNDS:-2}
duration=${DURATION:-30s}
clients=${CLIENTS:-32}

pgdata=$dir/pgdata
sock=$dir/sock
db=riskconsole
super=pgl_super
owner=riskconsole_owner
app=riskconsole_app
# PostGraphile's own role: SELECT on the tables the explorer's page reads, INSERT and SELECT on
# decisions_plain, nothing else (compare.sql).
pgl=riskconsole_pgl
url() { echo "postgres://$1@127.0.0.1:$pg_port/$db?sslmode=disable"; }

bindir=
for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV); do
	if [[ -x $d/initdb && -x $d/pg_ctl ]]; then bindir=$d; break; fi
done
if [[ -z $bindir ]]; then
	echo "compare.sh: PostgreSQL's server binaries not found in /usr/lib/postgresql/*/bin (scripts/ensure-deps.sh installs them)" >&2
	exit 1
fi
# asdb runs a PostgreSQL binary as the OS user postgres when root (the server refuses root).
asdb() {
	if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
psql_as() { local role=$1; shift; "$bindir/psql" -X -q -v ON_ERROR_STOP=1 "$(url "$role")" "$@"; }

pids=()
cleanup() {
	local pid
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
	if [[ -f $pgdata/postmaster.pid ]]; then asdb "$bindir/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null || true; fi
}
trap cleanup EXIT

mkdir -p "$dir"
if [[ $(id -u) == 0 ]]; then chown postgres: "$dir"; fi
if [[ ${PGL_RESEED:-} == 1 && -d $pgdata ]]; then
	asdb "$bindir/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$pgdata" "$dir/seeded"
fi
if [[ ! -d $pgdata ]]; then
	rm -f "$dir/seeded"
	asdb mkdir -p "$pgdata" "$sock"
	asdb "$bindir/initdb" -D "$pgdata" -U "$super" --auth=trust -E UTF8 --locale=C >/dev/null
	# internal/testdb's settings: fsync on, otherwise PostgreSQL's defaults.
	asdb tee -a "$pgdata/postgresql.conf" >/dev/null <<-EOF
		# scripts/postgraphile/compare.sh
		listen_addresses = '127.0.0.1'
		unix_socket_directories = '$sock'
		max_connections = 200
		fsync = on
		timezone = 'UTC'
		log_timezone = 'UTC'
	EOF
fi
# A server left running by an interrupted run is restarted, so that this run's settings hold.
if asdb "$bindir/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then asdb "$bindir/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null; fi
asdb "$bindir/pg_ctl" -D "$pgdata" -o "-p $pg_port" -l "$dir/postgres.log" -w start >/dev/null

echo "building the console's server" >&2
(cd "$repo" && go build -o "$dir/rc-server" ./server)
export AUDIT_KEY_FILE=$dir/audit.key
if [[ ! -s $AUDIT_KEY_FILE ]]; then head -c 48 /dev/urandom | base64 >"$AUDIT_KEY_FILE"; chmod 600 "$AUDIT_KEY_FILE"; fi
export DATABASE_URL MIGRATION_DATABASE_URL DATA_DIR=$dir/data
DATABASE_URL=$(url $app)
MIGRATION_DATABASE_URL=$(url $owner)
mkdir -p "$DATA_DIR"

if [[ ! -f $dir/seeded ]]; then
	"$bindir/psql" -X -q -v ON_ERROR_STOP=1 "postgres://$super@127.0.0.1:$pg_port/postgres?sslmode=disable" <<-EOF
		CREATE ROLE $owner LOGIN;
		CREATE ROLE $app LOGIN;
		CREATE ROLE $pgl LOGIN;
		CREATE DATABASE $db OWNER $owner;
	EOF
	"$dir/rc-server" migrate up
	echo "seeding $n decisions (once; kept in $dir)" >&2
	"$dir/rc-server" seed -n "$n"
	psql_as $owner -f "$here/compare.sql"
	"$bindir/psql" -X -q -v ON_ERROR_STOP=1 "$(url $super)" -c 'ANALYZE'
	touch "$dir/seeded"
fi
# A database kept from an earlier run gets the migrations of this build (none: nothing to do).
"$dir/rc-server" migrate up
tokens=$(ls "$DATA_DIR"/demo-tokens-*.json)

# PostGraphile's packages, from package-lock.json (Node 22 among them: PostGraphile 5 needs it).
if [[ ! -x $here/node_modules/.bin/node || $here/package-lock.json -nt $here/node_modules/.package-lock.json ]]; then
	(cd "$here" && npm ci --no-audit --no-fund >&2)
fi

echo "starting the console and PostGraphile" >&2
unset MIGRATION_DATABASE_URL # the console serves as its own role, which owns nothing
LISTEN_ADDR=127.0.0.1:$rc_port "$dir/rc-server" >"$dir/console.log" 2>&1 &
console_pid=$!
pids+=("$console_pid")
(cd "$here" && NODE_ENV=production PGL_DATABASE_URL=$(url $pgl) PGL_LISTEN=127.0.0.1:$pgl_port PGL_WORKERS=$workers PGL_POOL=$pool \
	exec node_modules/.bin/node server.mjs) >"$dir/postgraphile.log" 2>&1 &
pgl_pid=$!
pids+=("$pgl_pid")
# wait_for URL NAME LOG: until URL answers 200 (the console's /readyz once the what-if is warm;
# PostGraphile's /graphql to a query), at most three minutes.
wait_for() {
	local i
	for ((i = 0; i < 360; i++)); do
		if [[ $(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
			${4:+-d "$4"} "$1") == 200 ]]; then return 0; fi
		sleep 0.5
	done
	echo "compare.sh: $2 did not answer at $1; its log, $3:" >&2
	tail -20 "$3" >&2
	exit 1
}
wait_for "http://127.0.0.1:$rc_port/readyz" console "$dir/console.log"
wait_for "http://127.0.0.1:$pgl_port/graphql" PostGraphile "$dir/postgraphile.log" '{"query":"{ __typename }"}'

(cd "$repo" && go build -o "$dir/pgl-compare" ./scripts/postgraphile)
run=$dir/run-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$run"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD || echo ' (modified)'), $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), PostgreSQL $("$bindir/postgres" --version | awk '{print $3}'), $("$here/node_modules/.bin/node" --version), PostGraphile workers $workers × pool $pool"
echo "# $(psql_as $owner -Atc 'SELECT count(*) FROM decisions') decisions, $(psql_as $owner -Atc 'SELECT count(*) FROM decisions_plain') rows in decisions_plain"
"$dir/pgl-compare" -console "http://127.0.0.1:$rc_port" -postgraphile "http://127.0.0.1:$pgl_port" -tokens "$tokens" \
	-out "$run" -rounds "$rounds" -duration "$duration" -c "$clients" \
	-console-pid "$console_pid" -postgraphile-pid "$pgl_pid" -postgres-pid "$(head -1 "$pgdata/postmaster.pid")"

# Every assessment the console acknowledged is stored once, under its key (the load tool's ledger).
for ledger in "$run"/ledger-*.jsonl; do
	"$dir/rc-server" loadtest verify -ledger "$ledger" | tail -1
done
