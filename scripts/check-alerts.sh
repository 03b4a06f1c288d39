#!/usr/bin/env bash
# Checks the Prometheus rules and the Alertmanager example shipped under deploy/ (make
# check-alerts): promtool check rules; that every alerting and recording rule has a unit test
# under deploy/prometheus/tests/ (an alert_rule_test naming the alert, a promql_expr_test reading
# the recorded series); promtool test rules on those tests; amtool check-config on the
# Alertmanager example, and that it routes severity "page" to the pager and "ticket" to the
# queue. promtool and amtool come from Debian's prometheus and prometheus-alertmanager packages
# (scripts/ensure-deps.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rules=deploy/prometheus/riskconsole.rules.yml
tests=(deploy/prometheus/tests/*.yml)
alertmanager=deploy/alertmanager/alertmanager.yml

for bin in promtool amtool; do
	command -v "$bin" >/dev/null || {
		echo "check-alerts: $bin not found: run scripts/ensure-deps.sh (Debian's prometheus and prometheus-alertmanager)" >&2
		exit 1
	}
done

promtool check rules "$rules"

untested=()
while read -r kind name; do
	case $kind in
	alert:) pattern="alertname: $name\$" ;;
	record:) pattern="expr: $name([{ ]|\$)" ;;
	esac
	grep -Eq -- "$pattern" "${tests[@]}" || untested+=("$name")
done < <(grep -Eo '^\s*- (alert|record): \S+' "$rules" | sed -E 's/^\s*- //')
if ((${#untested[@]})); then
	echo "check-alerts: FAILED: rules without a unit test in deploy/prometheus/tests/: ${untested[*]}" >&2
	exit 1
fi

promtool test rules "${tests[@]}"

amtool check-config "$alertmanager"
for severity in page ticket; do
	amtool config routes test --config.file="$alertmanager" --verify.receivers="$severity" \
		severity="$severity" alertname=RiskconsoleExample job=riskconsole 2>/dev/null
done
echo "check-alerts: ok"
