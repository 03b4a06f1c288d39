#!/usr/bin/env bash
# compare.sh: the console against PostGraphile 5 on the same PostgreSQL and the same million
# decisions (issue 19, "Checkout writes"), in one command:
#
#   scripts/postgraphile/compare.sh            # ROUNDS=2 DURATION=30s CLIENTS=32 by default
#
# It builds the console's server, starts a PostgreSQL of its own (initdb in $PGL_DIR, as the OS
# user postgres when run as root, as internal/testdb does), migrates and seeds it once with
# `server seed -n $PGL_N` (kept in $PGL_DIR for the next run), creates decisions_plain (below),
# starts the console and PostGraphile (scripts/postgraphile/server.mjs, after `npm ci`), then runs
# `server loadtest -target compare`: alternated rounds of console assess, PostGraphile insert,
# console explorer page and PostGraphile connection page, and prints the table. Everything it
# started is stopped on exit; the data directory stays. A benchmark: not part of `make test`.
#
# Environment: PGL_DIR (default /tmp/pgl), PGL_N (1000000 decisions), PGL_PORT (55439, PostgreSQL),
# RC_PORT (18439, console), PGL_HTTP_PORT (18440, PostGraphile), PGL_WORKERS (1: PostGraphile's
# Node processes), ROUNDS, DURATION, CLIENTS, and PGL_RESEED=1 to start from a fresh database.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dir=${PGL_DIR:-/tmp/pgl}
n=${PGL_N:-1000000}
pg_port=${PGL_PORT:-55439}
rc_port=${RC_PORT:-18439}
pgl_port=${PGL_HTTP_PORT:-18440}
workers=${PGL_WORKERS:-1}
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
	psql_as $owner -c 'ANALYZE'
	touch "$dir/seeded"
fi
tokens=$(ls "$DATA_DIR"/demo-tokens-*.json)
echo SETUP-DONE; trap - EXIT; exit 0
