#!/usr/bin/env bash
# Ensures the PostgreSQL server binaries (initdb, pg_ctl, postgres) that the tests'
# internal/testdb package starts are installed: on Debian/Ubuntu, installs the distribution's
# `postgresql` package when no /usr/lib/postgresql/*/bin/initdb exists (apt-get update first,
# non-interactive; as root, or through sudo). Prints the version found. Idempotent: when the
# binaries are present it only prints the version.
#
# The package may create and start a "main" cluster on port 5432; the tests do not use it.
set -euo pipefail

find_bindir() {
	local d best=""
	# Newest version first (sort -V), like internal/testdb.
	for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV); do
		if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]; then
			best=$d
			break
		fi
	done
	[[ -n $best ]] && printf '%s\n' "$best"
}

bindir=$(find_bindir || true)
if [[ -z $bindir ]]; then
	if ! command -v apt-get >/dev/null; then
		echo "ensure-postgres: PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin and apt-get is not available; install PostgreSQL (initdb, pg_ctl) yourself" >&2
		exit 1
	fi
	sudo=()
	if [[ $(id -u) -ne 0 ]]; then
		if ! command -v sudo >/dev/null; then
			echo "ensure-postgres: PostgreSQL is not installed and installing it needs root (no sudo available): apt-get install postgresql" >&2
			exit 1
		fi
		sudo=(sudo)
	fi
	echo "ensure-postgres: installing Debian package postgresql" >&2
	export DEBIAN_FRONTEND=noninteractive
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
	bindir=$(find_bindir || true)
	if [[ -z $bindir ]]; then
		echo "ensure-postgres: postgresql installed but no /usr/lib/postgresql/*/bin/{initdb,pg_ctl,postgres} found" >&2
		exit 1
	fi
fi

# When root, the tests run the server as the OS user postgres (created by the package).
if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
	echo "ensure-postgres: running as root but there is no OS user postgres to run the server as" >&2
	exit 1
fi

"$bindir/postgres" --version
