#!/usr/bin/env bash
# Installs what `make test` needs on a Debian machine besides Go and Node.js, when missing, with
# one apt-get call (apt-get update first, non-interactive; as root, or through sudo):
#   git          check-generated and fmt-check compare against the commit
#   gcc, libc6-dev  cgo, which `go test -race` requires
#   postgresql   the server binaries (initdb, pg_ctl, postgres) internal/testdb starts
#   chromium     /usr/bin/chromium, the browser of the Playwright journeys (Playwright never
#                downloads one)
#   prometheus   /usr/bin/promtool: checks the metrics' exposition (internal/app's
#                TestMetricsExposition) and the alerting rules and their unit tests (make check-alerts)
#   prometheus-alertmanager  /usr/bin/amtool: checks deploy/alertmanager/alertmanager.yml
# and, with npm, the packages of the tests' OpenID Connect provider (scripts/oidc-provider).
# Prints the versions found. Idempotent: when everything is present it only prints them.
#
# The postgresql package may create and start a "main" cluster on port 5432, and the prometheus
# packages their daemons (on 9090 and 9093) where the init system starts services; the tests use
# none of them, only the binaries.
set -euo pipefail

# pg_bindir prints the newest /usr/lib/postgresql/*/bin holding the server binaries (sort -V, as
# internal/testdb picks them).
pg_bindir() {
	local d
	for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV); do
		if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]; then
			printf '%s\n' "$d"
			return 0
		fi
	done
	return 1
}

missing=()
command -v git >/dev/null || missing+=(git)
command -v gcc >/dev/null || missing+=(gcc)
[[ -e /usr/include/stdlib.h ]] || missing+=(libc6-dev)
pg_bindir >/dev/null || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/promtool ]] || missing+=(prometheus)
[[ -x /usr/bin/amtool ]] || missing+=(prometheus-alertmanager)

if ((${#missing[@]})); then
	if ! command -v apt-get >/dev/null; then
		echo "ensure-deps: missing ${missing[*]} and apt-get is not available: install them yourself (PostgreSQL server binaries initdb and pg_ctl, Chromium at /usr/bin/chromium, promtool and amtool in /usr/bin)" >&2
		exit 1
	fi
	sudo=()
	if [[ $(id -u) -ne 0 ]]; then
		if ! command -v sudo >/dev/null; then
			echo "ensure-deps: missing ${missing[*]}; installing needs root (no sudo available): apt-get install ${missing[*]}" >&2
			exit 1
		fi
		sudo=(sudo)
	fi
	echo "ensure-deps: installing Debian packages ${missing[*]}" >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

bindir=$(pg_bindir) || {
	echo "ensure-deps: no /usr/lib/postgresql/*/bin/{initdb,pg_ctl,postgres} found after installing postgresql" >&2
	exit 1
}
# When root, the tests run the server as the OS user postgres (created by the package).
if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
	echo "ensure-deps: running as root but there is no OS user postgres to run the server as" >&2
	exit 1
fi
for bin in chromium promtool amtool; do
	[[ -x /usr/bin/$bin ]] || {
		echo "ensure-deps: /usr/bin/$bin not found after installing ${missing[*]}" >&2
		exit 1
	}
done

"$bindir/postgres" --version
/usr/bin/chromium --version 2>/dev/null || echo "chromium: $(dpkg-query -W -f='${Version}' chromium 2>/dev/null)"
promtool --version 2>&1 | head -n 1
amtool --version 2>&1 | head -n 1

# The tests' OpenID Connect provider (node-oidc-provider, scripts/oidc-provider): its npm
# packages, from the npm registry with the lock file. The Go tests and Playwright's global set-up
# install them too when missing; here once, before go test runs packages in parallel.
oidc_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/oidc-provider" && pwd)"
if [[ ! -d $oidc_dir/node_modules/oidc-provider ]]; then
	echo "ensure-deps: installing the test OpenID provider's npm packages (npm ci in scripts/oidc-provider)" >&2
	(cd "$oidc_dir" && npm ci --no-audit --no-fund)
fi
echo "oidc-provider $(node -p "require('$oidc_dir/node_modules/oidc-provider/package.json').version")"
